import { Suspense, useSyncExternalStore } from 'react';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { CompanyPageDocument } from '../../../operations/generated';
import { usePrefetchGqlQuery } from '../api/hooks';
import { session } from '../auth/session';
import { SignInPage } from '../auth/SignInPage';
import { OidcCallbackPage } from '../auth/OidcCallbackPage';
import { useI18n } from '../i18n/i18n';
import { QueryState } from '../ui/status';
import { Page } from '../ui/page';
import { canExport, canSeeCompanies, canSeeWorklist, isAdmin, useMe, type Me } from './me';
import { WorklistPage } from '../worklist/WorklistPage';
import { pages } from './pages';

const { CompanySearchPage, CompanyPage, CompanyCreatePage, EventsPage, DashboardPage, ReportPage, ExportsPage, AdminPage } = pages;

export function App() {
  const { token } = useSyncExternalStore(session.subscribe, session.snapshot);
  const [location] = useLocation();
  if (location.startsWith('/connexion/retour')) return <Shell><OidcCallbackPage /></Shell>;
  if (!token) return <Shell><SignInPage /></Shell>;
  return <SignedIn />;
}

function SignedIn() {
  const me = useMe();
  return (
    <Shell me={me.data?.me}>
      <QueryState loading={me.isPending} error={me.error} retry={() => void me.refetch()}>
        {me.data ? <Routes me={me.data.me} /> : null}
      </QueryState>
    </Shell>
  );
}

function Routes({ me }: { me: Me }) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p role="status" className="loading">{t('app.loading')}</p>}>
      <Switch>
        <Route path="/">{canSeeWorklist(me.role) ? <WorklistPage /> : <Redirect to="/tableau-de-bord" replace />}</Route>
        <Route path="/connexion"><Redirect to="/" replace /></Route>
        <Route path="/entreprises">{canSeeCompanies(me.role) ? <CompanySearchPage /> : <Forbidden />}</Route>
        <Route path="/entreprises/nouvelle">{canSeeCompanies(me.role) ? <CompanyCreatePage me={me} /> : <Forbidden />}</Route>
        <Route path="/entreprises/:id">{(params) => (canSeeCompanies(me.role) ? <CompanyRoute id={params.id} me={me} /> : <Forbidden />)}</Route>
        <Route path="/journees-quebec"><EventsPage /></Route>
        <Route path="/tableau-de-bord"><DashboardPage me={me} /></Route>
        <Route path="/bilan"><ReportPage me={me} /></Route>
        <Route path="/exportations">{canExport(me.role) ? <ExportsPage /> : <Forbidden />}</Route>
        <Route path="/administration" nest>{isAdmin(me.role) ? <AdminPage /> : <Forbidden />}</Route>
        <Route><NotFound /></Route>
      </Switch>
    </Suspense>
  );
}

/** The company page's one request starts with the navigation, alongside its code when that is not loaded yet. */
function CompanyRoute({ id, me }: { id: string; me: Me }) {
  usePrefetchGqlQuery(CompanyPageDocument, { id });
  return <CompanyPage id={id} me={me} />;
}

function Forbidden() {
  const { t } = useI18n();
  return (
    <Page title={t('app.forbidden')}>
      <p><Link href="/">{t('app.backHome')}</Link></p>
    </Page>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t('app.notFound.title')}>
      <p>{t('app.notFound.body')}</p>
      <p><Link href="/">{t('app.backHome')}</Link></p>
    </Page>
  );
}

function Shell({ me, children }: { me?: Me; children: React.ReactNode }) {
  const { t, label, locale, setLocale } = useI18n();
  const [location] = useLocation();
  const links: [string, string, boolean][] = me
    ? [
        ['/', t('nav.worklist'), canSeeWorklist(me.role)],
        ['/entreprises', t('nav.companies'), canSeeCompanies(me.role)],
        ['/journees-quebec', t('nav.events'), true],
        ['/tableau-de-bord', t('nav.dashboard'), true],
        ['/bilan', t('nav.report'), true],
        ['/exportations', t('nav.exports'), canExport(me.role)],
        ['/administration', t('nav.admin'), isAdmin(me.role)],
      ]
    : [];
  const current = (href: string) => (href === '/' ? location === '/' : location === href || location.startsWith(`${href}/`));
  return (
    <>
      <a className="skip-link" href="#contenu">{t('app.skipToContent')}</a>
      <header className="site-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>{t('app.name')}</span>
        </div>
        <div className="header-tools">
          {me ? <span className="who">{t('app.signedInAs', { name: me.fullName, role: label('Role', me.role) })}</span> : null}
          <button
            type="button"
            className="link-button"
            lang={locale === 'fr' ? 'en' : 'fr'}
            aria-label={t('app.language.switchLabel')}
            onClick={() => setLocale(locale === 'fr' ? 'en' : 'fr')}
          >
            {t('app.language.switch')}
          </button>
          {me ? <button type="button" className="link-button" onClick={() => session.signOut()}>{t('app.signOut')}</button> : null}
        </div>
      </header>
      {links.length ? (
        <nav className="main-nav" aria-label={t('app.mainNav')}>
          <ul>
            {links.filter(([, , shown]) => shown).map(([href, text]) => (
              <li key={href}>
                <Link href={href} aria-current={current(href) ? 'page' : undefined}>{text}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <main id="contenu" tabIndex={-1}>{children}</main>
    </>
  );
}
