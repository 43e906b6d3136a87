import { createElement, lazy, useEffect, type ComponentType } from 'react';

/**
 * A page loaded on demand. `load` can be called ahead of time (it loads once); once the code is there the page
 * renders directly, without suspending: a suspended page shows the fallback for at least 300 ms (React's reveal
 * throttle), however fast its code arrives.
 */
function onDemand<P extends object>(factory: () => Promise<{ default: ComponentType<P> }>) {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  let loaded: ComponentType<P> | undefined;
  const load = () =>
    (loading ??= factory().then((module) => {
      loaded = module.default;
      return module;
    }));
  const Lazy = lazy(load);
  const Page = (props: P) => (loaded ? createElement(loaded, props) : createElement(Lazy, props));
  return { load, Page };
}

// Pages other than the worklist load on demand: the first load carries no chart library and no admin screens.
const companySearch = onDemand(() => import('../companies/CompanySearchPage'));
const company = onDemand(() => import('../companies/CompanyPage'));

export const pages = {
  CompanySearchPage: companySearch.Page,
  CompanyPage: company.Page,
  CompanyCreatePage: lazy(() => import('../companies/CompanyCreatePage')),
  EventsPage: lazy(() => import('../events/EventsPage')),
  DashboardPage: lazy(() => import('../dashboard/DashboardPage')),
  ReportPage: lazy(() => import('../report/ReportPage')),
  ExportsPage: lazy(() => import('../exports/ExportsPage')),
  AdminPage: lazy(() => import('../admin/AdminPage')),
};

/**
 * Once `ready` (the page's own content is drawn) and the browser is idle, loads the code of the pages an advisor
 * opens next from « Ma liste » or the search (a company, the search), so opening them waits for their data only.
 */
export function usePreloadCompanyPages(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const preload = () => {
      void company.load();
      void companySearch.load();
    };
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = window.setTimeout(preload, 500);
      return () => window.clearTimeout(timer);
    }
    const handle = window.requestIdleCallback(preload, { timeout: 2000 });
    return () => window.cancelIdleCallback(handle);
  }, [ready]);
}
