import { Link } from 'wouter';
import { MyWorklistDocument, type MyWorklistQuery } from '../../../operations/generated';
import { useGqlQuery } from '../api/hooks';
import { usePreloadCompanyPages } from '../app/pages';
import { useI18n } from '../i18n/i18n';
import { Page } from '../ui/page';
import { QueryState } from '../ui/status';

type Item = MyWorklistQuery['myWorklist'][number];

/** Where an item's action happens: the company page, at the section and record concerned. */
export function actionHref(item: Item): string {
  const base = `/entreprises/${item.companyId}`;
  if (item.accompanimentId) return `${base}?dossier=${item.accompanimentId}#dossiers`;
  if (item.portailReferralId) return `${base}#portail`;
  if (item.recruitmentNeedId) return `${base}#besoins`;
  if (item.eventId) return `${base}?evenement=${item.eventId}#journees-quebec`;
  return base;
}

/** « Ma liste »: what needs the advisor's attention, each item with its reason and a link to the action. */
export function WorklistPage() {
  const { t, label, date, number, locale } = useI18n();
  const worklist = useGqlQuery(MyWorklistDocument, {});
  const items = worklist.data?.myWorklist ?? [];
  usePreloadCompanyPages(worklist.isSuccess);
  return (
    <Page title={t('worklist.title')}>
      <p>{t('worklist.intro')}</p>
      <QueryState loading={worklist.isPending} error={worklist.error} retry={() => void worklist.refetch()}>
        {items.length === 0 ? (
          <p className="empty">{t('worklist.empty')}</p>
        ) : (
          <>
            <p className="count" role="status">{t('worklist.count', { count: number(items.length) })}</p>
            <ol className="worklist" data-testid="worklist">
              {items.map((item, index) => (
                <li key={`${item.reason}-${item.accompanimentId ?? item.portailReferralId ?? item.recruitmentNeedId ?? item.eventId}-${item.companyId}-${index}`} className={`worklist-item reason-${item.reason}`}>
                  <div className="worklist-main">
                    <span className="badge">{label('WorklistReason', item.reason)}</span>
                    <Link href={`/entreprises/${item.companyId}`} className="company-link">{item.company.legalName}</Link>
                    <p className="reason-text">
                      {locale === 'fr' ? item.label : label('WorklistReason', item.reason)}
                      {item.event ? ` — ${item.event.name}` : ''}
                      {' · '}
                      {item.reason === 'EVENT_DEADLINE_APPROACHING'
                        ? t('worklist.deadline', { date: date(item.since), days: number(item.ageDays) })
                        : t('worklist.since', { date: date(item.since), days: number(item.ageDays) })}
                    </p>
                  </div>
                  <Link href={actionHref(item)} className="button">
                    {t(`worklist.action.${item.reason}`)}
                    <span className="visually-hidden"> — {item.company.legalName}</span>
                  </Link>
                </li>
              ))}
            </ol>
          </>
        )}
      </QueryState>
    </Page>
  );
}
