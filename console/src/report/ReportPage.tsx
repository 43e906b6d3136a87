import { useMemo, useState } from 'react';
import { RegionalReportDocument, RegionsDocument } from '../../../operations/generated';
import { useGqlQuery } from '../api/hooks';
import { fiscalYearOf, todayInQuebec } from '../app/dates';
import type { Me } from '../app/me';
import { Chart, ChartTable, type Series } from '../charts/Chart';
import { PeriodPicker, periodOf, SINCE_DEPLOYMENT } from '../dashboard/PeriodPicker';
import { useI18n } from '../i18n/i18n';
import { SelectField } from '../ui/forms';
import { Page } from '../ui/page';
import { QueryState } from '../ui/status';

/**
 * A region's « Bilan des réalisations » for a period: its figures, charts and tables, laid out to print cleanly
 * to PDF (the print stylesheet hides the navigation and the choosers).
 */
export default function ReportPage({ me }: { me: Me }) {
  const { t, number, date, label } = useI18n();
  const regions = useGqlQuery(RegionsDocument, {});
  const choices = me.role === 'ADVISOR' ? me.regions : (regions.data?.regions ?? []);
  const [regionCode, setRegionCode] = useState(me.regions[0]?.code ?? '13');
  const [period, setPeriod] = useState(fiscalYearOf(todayInQuebec()));
  const report = useGqlQuery(RegionalReportDocument, { regionCode, period: periodOf(period) });
  const r = report.data?.regionalReport;
  const needs = useMemo(() => {
    const rows = r?.needsByCategory ?? [];
    return {
      labels: rows.map((n) => `${n.nocBroadCategory} — ${n.label}`),
      series: [
        { label: t('report.filledPositions'), values: rows.map((n) => n.filledPositions) },
        { label: t('report.openPositions'), values: rows.map((n) => n.openPositions) },
      ] as Series[],
    };
  }, [r, t]);
  const portail = useMemo(() => {
    const p = r?.portailReferrals;
    const steps = ['REFERRED', 'ACCOUNT_CREATED', 'OFFER_POSTED', 'CANDIDATES_RECEIVED', 'HIRED'] as const;
    const values = p ? [p.referred, p.accountCreated, p.offerPosted, p.candidatesReceived, p.hired] : [];
    return { labels: steps.map((s) => label('PortailReferralStep', s)), series: [{ label: t('dashboard.funnelReached'), values }] as Series[] };
  }, [r, t, label]);
  const format = (n: number) => number(n);
  return (
    <Page title={t('report.title')} className="report" actions={<button type="button" className="no-print" onClick={() => window.print()}>{t('report.print')}</button>}>
      <div className="toolbar no-print">
        <SelectField label={t('app.region')} value={regionCode} onChange={(e) => setRegionCode(e.target.value)} options={choices.map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` }))} />
        <PeriodPicker value={period} onChange={setPeriod} />
      </div>
      <QueryState loading={report.isPending} error={report.error} retry={() => void report.refetch()}>
        {r ? (
          <article className="report-body" data-testid="report">
            <header className="report-header">
              <h2>{t('report.regionOf', { code: r.region.code, name: r.region.name })}</h2>
              <p>{period === SINCE_DEPLOYMENT ? t('app.sinceDeployment') : `${t('app.fiscalYear')} ${r.fiscalYear ?? period}`} — {t('report.period', { from: date(r.from), to: date(r.to) })}</p>
              {r.region.direction ? <p>{t('report.directionOf', { name: r.region.direction.name })}</p> : null}
            </header>
            <dl className="kpis kpis--report">
              <div><dt>{t('dashboard.employersAccompanied')}</dt><dd>{number(r.employersAccompanied)}</dd></div>
              <div><dt>{t('dashboard.newEmployers')}</dt><dd>{number(r.newEmployers)}</dd></div>
              <div><dt>{t('report.filesOpened')}</dt><dd>{number(r.filesOpened)}</dd></div>
              <div><dt>{t('report.filesClosed')}</dt><dd>{number(r.filesClosed)}</dd></div>
              <div><dt>{t('report.interactions')}</dt><dd>{number(r.interactions)}</dd></div>
              <div><dt>{t('report.interactionHours')}</dt><dd>{number(r.interactionMinutes / 60, { maximumFractionDigits: 1 })}</dd></div>
              <div><dt>{t('report.advisors')}</dt><dd>{number(r.advisors)}</dd></div>
            </dl>
            <section aria-labelledby="report-needs" className="report-section">
              <h3 id="report-needs">{t('report.needs')}</h3>
              {r.needsByCategory.length === 0 ? <p className="empty">{t('needs.empty')}</p> : (
                <>
                  <Chart type="bar" horizontal title={t('report.needs')} labels={needs.labels} series={needs.series} />
                  <table className="data-table">
                    <caption>{t('report.needs')}</caption>
                    <thead><tr>
                      <th scope="col">{t('report.category')}</th><th scope="col" className="num">{t('report.needsCount')}</th><th scope="col" className="num">{t('report.positions')}</th>
                      <th scope="col" className="num">{t('report.filledPositions')}</th><th scope="col" className="num">{t('report.openPositions')}</th>
                    </tr></thead>
                    <tbody>
                      {r.needsByCategory.map((n) => (
                        <tr key={n.nocBroadCategory}>
                          <th scope="row">{n.nocBroadCategory} — {n.label}</th>
                          <td className="num">{number(n.needs)}</td><td className="num">{number(n.positions)}</td>
                          <td className="num">{number(n.filledPositions)}</td><td className="num">{number(n.openPositions)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
            </section>
            <section aria-labelledby="report-portail" className="report-section">
              <h3 id="report-portail">{t('report.portail')}</h3>
              <Chart type="bar" title={t('report.portail')} labels={portail.labels} series={portail.series} />
              <ChartTable caption={t('report.portail')} rowHeader={t('portail.currentStep')} labels={portail.labels} series={portail.series} format={format} />
            </section>
            <section aria-labelledby="report-jq" className="report-section">
              <h3 id="report-jq">{t('report.jq')}</h3>
              <dl className="kpis">
                <div><dt>{t('report.participations')}</dt><dd>{number(r.journeesQuebec.participations)}</dd></div>
                <div><dt>{t('report.attended')}</dt><dd>{number(r.journeesQuebec.attended)}</dd></div>
                <div><dt>{t('events.candidatesMet')}</dt><dd>{number(r.journeesQuebec.candidatesMet)}</dd></div>
                <div><dt>{t('events.offersMade')}</dt><dd>{number(r.journeesQuebec.offersMade)}</dd></div>
                <div><dt>{t('events.hires')}</dt><dd>{number(r.journeesQuebec.hires)}</dd></div>
              </dl>
            </section>
            <section aria-labelledby="report-points" className="report-section">
              <h3 id="report-points">{t('report.servicePoints')}</h3>
              <ul>{r.servicePoints.map((s) => <li key={s.id}>{s.name}{s.municipality ? `, ${s.municipality}` : ''}</li>)}</ul>
            </section>
            <footer className="report-footer">{t('report.generated', { date: date(todayInQuebec()) })}</footer>
          </article>
        ) : null}
      </QueryState>
    </Page>
  );
}
