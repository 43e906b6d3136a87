import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { EmployerCountsDocument, JourneesQuebecEventsDocument, PortailFunnelDocument } from '../../../operations/generated';
import { execute } from '../api/client';
import { queryKey, useGqlQuery } from '../api/hooks';
import { fiscalYearOf, fiscalYearsSinceDeployment, todayInQuebec } from '../app/dates';
import type { Me } from '../app/me';
import { Chart, ChartTable, type Series } from '../charts/Chart';
import { useI18n } from '../i18n/i18n';
import { Page } from '../ui/page';
import { QueryState } from '../ui/status';
import { PeriodPicker, periodOf, SINCE_DEPLOYMENT } from './PeriodPicker';

/**
 * Managers' and analysts' dashboard (advisors see their own regions): employers accompanied and new employers per
 * region, the trend across fiscal years, the Portail employeurs funnel and the Journées Québec results, each as
 * a chart and as a table.
 */
export default function DashboardPage({ me }: { me: Me }) {
  const { t, number } = useI18n();
  const [choice, setChoice] = useState(fiscalYearOf(todayInQuebec()));
  const period = periodOf(choice);
  // An advisor's counts must name their regions (the API refuses others); everyone else sees all 17.
  const regionCodes = me.role === 'ADVISOR' ? me.regions.map((r) => r.code) : null;
  const filter = regionCodes ? { regionCodes } : null;
  const counts = useGqlQuery(EmployerCountsDocument, { period, filter });
  const funnel = useGqlQuery(PortailFunnelDocument, { period, regionCodes });
  const years = fiscalYearsSinceDeployment();
  const trend = useQueries({
    queries: years.map((fiscalYear) => {
      const variables = { period: { fiscalYear }, filter };
      return { queryKey: queryKey(EmployerCountsDocument, variables), queryFn: () => execute(EmployerCountsDocument, variables) };
    }),
  });
  const events = useGqlQuery(JourneesQuebecEventsDocument, { filter: { status: ['HELD'] }, first: 20 });
  const periodText = choice === SINCE_DEPLOYMENT ? t('dashboard.periodSinceDeployment') : t('dashboard.periodFiscalYear', { year: choice });
  const format = (n: number) => number(n);

  const byRegion = useMemo(() => {
    const rows = counts.data?.employerCountsByRegion.byRegion ?? [];
    return {
      labels: rows.map((r) => `${r.region.code} ${r.region.name}`),
      series: [
        { label: t('dashboard.employersAccompanied'), values: rows.map((r) => r.employersAccompanied) },
        { label: t('dashboard.newEmployers'), values: rows.map((r) => r.newEmployers) },
      ] as Series[],
    };
  }, [counts.data, t]);

  const trendData = useMemo(() => {
    const done = trend.every((q) => q.data);
    if (!done) return null;
    return {
      labels: years,
      series: [
        { label: t('dashboard.employersAccompanied'), values: trend.map((q) => q.data!.employerCountsByRegion.employersAccompanied) },
        { label: t('dashboard.newEmployers'), values: trend.map((q) => q.data!.employerCountsByRegion.newEmployers) },
      ] as Series[],
    };
  }, [trend, years, t]);

  const funnelData = useMemo(() => {
    const steps = funnel.data?.portailFunnel.steps ?? [];
    return { labels: steps.map((s) => s.step), series: [{ label: t('dashboard.funnelReached'), values: steps.map((s) => s.reached) }] as Series[] };
  }, [funnel.data, t]);

  const eventData = useMemo(() => {
    const list = (events.data?.journeesQuebecEvents.edges ?? []).map((e) => e.node).reverse();
    return {
      labels: list.map((e) => e.name),
      series: [
        { label: t('events.candidatesMet'), values: list.map((e) => e.summary.candidatesMet) },
        { label: t('events.interviewsHeld'), values: list.map((e) => e.summary.interviewsHeld) },
        { label: t('events.offersMade'), values: list.map((e) => e.summary.offersMade) },
        { label: t('events.hires'), values: list.map((e) => e.summary.hires) },
      ] as Series[],
    };
  }, [events.data, t]);
  const { label } = useI18n();

  return (
    <Page title={t('dashboard.title')} className="dashboard">
      <div className="toolbar"><PeriodPicker value={choice} onChange={setChoice} /></div>
      <section className="card" aria-labelledby="employers-title">
        <h2 id="employers-title">{t('dashboard.employers')}</h2>
        <QueryState loading={counts.isPending} error={counts.error} retry={() => void counts.refetch()}>
          {counts.data ? (
            <>
              <dl className="kpis">
                <div><dt>{t('dashboard.employersAccompanied')}</dt><dd>{number(counts.data.employerCountsByRegion.employersAccompanied)}</dd></div>
                <div><dt>{t('dashboard.newEmployers')}</dt><dd>{number(counts.data.employerCountsByRegion.newEmployers)}</dd></div>
              </dl>
              <p className="muted">{t('dashboard.allRegionsTotal')}</p>
              <Chart type="bar" horizontal height={460} title={`${t('dashboard.employers')}, ${periodText}`} labels={byRegion.labels} series={byRegion.series} />
              <ChartTable caption={t('dashboard.tableCaption', { what: t('dashboard.employers'), period: periodText })} rowHeader={t('app.region')} labels={byRegion.labels} series={byRegion.series} format={format} />
            </>
          ) : null}
        </QueryState>
      </section>
      <section className="card" aria-labelledby="trend-title">
        <h2 id="trend-title">{t('dashboard.trend')}</h2>
        {trendData ? (
          <>
            <Chart type="line" title={t('dashboard.trend')} labels={trendData.labels} series={trendData.series} />
            <ChartTable caption={t('dashboard.trend')} rowHeader={t('app.fiscalYear')} labels={trendData.labels} series={trendData.series} format={format} />
          </>
        ) : <QueryState loading={!trend.some((q) => q.error)} error={trend.find((q) => q.error)?.error as never ?? null} />}
      </section>
      <section className="card" aria-labelledby="funnel-title">
        <h2 id="funnel-title">{t('dashboard.funnel')}</h2>
        <QueryState loading={funnel.isPending} error={funnel.error}>
          {funnel.data ? (
            <>
              <Chart type="bar" title={`${t('dashboard.funnel')}, ${periodText}`} labels={funnelData.labels.map((s) => label('PortailReferralStep', s))} series={funnelData.series} />
              <table className="data-table chart-table">
                <caption>{t('dashboard.tableCaption', { what: t('dashboard.funnel'), period: periodText })}</caption>
                <thead><tr><th scope="col">{t('portail.currentStep')}</th><th scope="col" className="num">{t('dashboard.funnelReached')}</th><th scope="col" className="num">{t('dashboard.conversion')}</th></tr></thead>
                <tbody>
                  {funnel.data.portailFunnel.steps.map((s) => (
                    <tr key={s.step}>
                      <th scope="row">{label('PortailReferralStep', s.step)}</th>
                      <td className="num">{number(s.reached)}</td>
                      <td className="num">{s.conversionRate === null ? '—' : number(s.conversionRate, { style: 'percent', maximumFractionDigits: 1 })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </QueryState>
      </section>
      <section className="card" aria-labelledby="jq-results-title">
        <h2 id="jq-results-title">{t('dashboard.jq')}</h2>
        <QueryState loading={events.isPending} error={events.error}>
          {eventData.labels.length === 0 ? <p className="empty">{t('events.none')}</p> : (
            <>
              <Chart type="bar" title={t('dashboard.jq')} labels={eventData.labels} series={eventData.series} />
              <ChartTable caption={t('dashboard.jq')} rowHeader={t('events.event')} labels={eventData.labels} series={eventData.series} format={format} />
            </>
          )}
        </QueryState>
      </section>
    </Page>
  );
}
