import { useId, useState } from 'react';
import { Link, useSearch, useLocation } from 'wouter';
import { SearchCompaniesDocument } from '../../../operations/generated';
import { useGqlPages } from '../api/hooks';
import { usePreloadCompanyPages } from '../app/pages';
import { useI18n } from '../i18n/i18n';
import { Page } from '../ui/page';
import { LoadMore, QueryState } from '../ui/status';
import { useDebounced } from '../ui/use-debounced';

const PAGE_SIZE = 25;

/** The company directory: search by name or NEQ as you type (accents and legal forms ignored by the API), paged. */
export default function CompanySearchPage() {
  const { t, number } = useI18n();
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const [text, setText] = useState(params.get('q') ?? '');
  const search = useDebounced(text.trim(), 250);
  const id = useId();
  const pages = useGqlPages(
    SearchCompaniesDocument,
    { filter: search ? { search } : {}, first: PAGE_SIZE },
    (result) => result.companies,
  );
  usePreloadCompanyPages(pages.isSuccess);
  const onChange = (value: string) => {
    setText(value);
    navigate(value.trim() ? `/entreprises?q=${encodeURIComponent(value.trim())}` : '/entreprises', { replace: true });
  };
  return (
    <Page title={t('companies.title')} actions={<Link href="/entreprises/nouvelle" className="button primary">{t('companies.create')}</Link>}>
      <div className="search-box" role="search">
        <label htmlFor={id}>{t('companies.searchLabel')}</label>
        <p className="help" id={`${id}-help`}>{t('companies.searchHelp')}</p>
        <input
          id={id}
          type="search"
          value={text}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={`${id}-help`}
          aria-controls="company-results"
          autoComplete="off"
          autoFocus
        />
      </div>
      <QueryState loading={pages.isPending} error={pages.error} retry={() => void pages.refetch()}>
        <p role="status" className="count">{t('companies.results', { count: number(pages.totalCount) })}</p>
        {pages.nodes.length === 0 ? (
          <p className="empty">{t('companies.noResult')}</p>
        ) : (
          <table className="data-table" id="company-results">
            <caption className="visually-hidden">{t('companies.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('companies.col.name')}</th>
                <th scope="col">{t('companies.col.neq')}</th>
                <th scope="col">{t('companies.col.municipality')}</th>
                <th scope="col">{t('companies.col.region')}</th>
              </tr>
            </thead>
            <tbody>
              {pages.nodes.map((company) => (
                <tr key={company.id}>
                  <th scope="row">
                    <Link href={`/entreprises/${company.id}`}>{company.legalName}</Link>
                    {company.otherNames.length ? <span className="other-names"> ({company.otherNames.join(', ')})</span> : null}
                  </th>
                  <td>{company.neq ?? '—'}</td>
                  <td>{company.municipality ?? '—'}</td>
                  <td>{company.region.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <LoadMore
          shown={pages.nodes.length}
          total={pages.totalCount}
          hasMore={pages.hasNextPage}
          loading={pages.isFetchingNextPage}
          onMore={() => void pages.fetchNextPage()}
        />
      </QueryState>
    </Page>
  );
}
