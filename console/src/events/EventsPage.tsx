import { JourneesQuebecEventsDocument } from '../../../operations/generated';
import { useGqlPages } from '../api/hooks';
import { useI18n } from '../i18n/i18n';
import { Page } from '../ui/page';
import { LoadMore, QueryState } from '../ui/status';

/** Journées Québec events, most recent first, with their results (paged with the API's cursors). */
export default function EventsPage() {
  const { t, label, date, number } = useI18n();
  const pages = useGqlPages(JourneesQuebecEventsDocument, { first: 20 }, (r) => r.journeesQuebecEvents);
  return (
    <Page title={t('events.title')}>
      <QueryState loading={pages.isPending} error={pages.error} retry={() => void pages.refetch()}>
        {pages.nodes.length === 0 ? <p className="empty">{t('events.none')}</p> : (
          <table className="data-table">
            <caption className="visually-hidden">{t('events.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('events.event')}</th><th scope="col">{t('events.dates')}</th><th scope="col">{t('events.place')}</th>
                <th scope="col">{t('events.status')}</th><th scope="col">{t('events.deadline')}</th>
                <th scope="col" className="num">{t('events.companiesRegistered')}</th><th scope="col" className="num">{t('events.candidatesMet')}</th>
                <th scope="col" className="num">{t('events.offersMade')}</th><th scope="col" className="num">{t('events.hires')}</th>
              </tr>
            </thead>
            <tbody>
              {pages.nodes.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{e.name}</th>
                  <td>{date(e.startsOn, 'medium')} – {date(e.endsOn, 'medium')}</td>
                  <td>{e.city}, {e.country} ({label('JourneesQuebecEventMode', e.mode)})</td>
                  <td>{label('JourneesQuebecEventStatus', e.status)}</td>
                  <td>{date(e.registrationDeadline, 'medium')}</td>
                  <td className="num">{number(e.summary.companiesRegistered)}</td>
                  <td className="num">{number(e.summary.candidatesMet)}</td>
                  <td className="num">{number(e.summary.offersMade)}</td>
                  <td className="num">{number(e.summary.hires)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <LoadMore shown={pages.nodes.length} total={pages.totalCount} hasMore={pages.hasNextPage} loading={pages.isFetchingNextPage} onMore={() => void pages.fetchNextPage()} />
      </QueryState>
    </Page>
  );
}
