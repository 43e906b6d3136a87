import { createAdvisor, createCompany, logInteraction, openFile } from './support/factories.js';
import { dataOf, TestApp } from './support/test-app.js';

/** What interaction_daily_totals must hold: the interactions summed per (file's region, day), from scratch. */
const RECOMPUTED = `
  SELECT a.region_code, i.occurred_on::text, count(*)::int AS interactions, sum(i.duration_minutes)::bigint AS minutes
    FROM interactions i JOIN accompaniments a ON a.id = i.accompaniment_id
   GROUP BY 1, 2`;
const KEPT = `SELECT region_code, occurred_on::text, interactions, minutes FROM interaction_daily_totals WHERE interactions <> 0`;

describe('interaction totals per region and day (what the regional report sums)', () => {
  let app: TestApp;
  let advisor: string;
  beforeAll(async () => {
    app = await TestApp.start();
    advisor = (await createAdvisor(app, { regionCodes: ['13', '14'] })).email;
  });
  afterAll(() => app.close());

  const drift = async () => [
    ...(await app.sql(`${KEPT} EXCEPT ${RECOMPUTED}`)),
    ...(await app.sql(`${RECOMPUTED} EXCEPT ${KEPT}`)),
  ];

  const report = async (regionCode: string) =>
    dataOf(
      await app.graphql(
        `query ($r: String!) { regionalReport(regionCode: $r, period: { from: "2024-04-01", to: "2024-06-30" }) {
           interactions interactionMinutes } }`,
        { variables: { r: regionCode }, as: advisor },
      ),
    ).regionalReport;

  it('follows logged, corrected and concurrent interactions, and the report reads them', async () => {
    const laval = await openFile(app, advisor, { companyId: (await createCompany(app, { regionCode: '13' }, advisor)).id, openedOn: '2024-04-02' });
    const lanaudiere = await openFile(app, advisor, {
      companyId: (await createCompany(app, { regionCode: '14' }, advisor)).id,
      regionCode: '14',
      openedOn: '2024-04-02',
    });
    const first = await logInteraction(app, advisor, { accompanimentId: laval.id, occurredOn: '2024-05-01', durationMinutes: 45 });
    await logInteraction(app, advisor, { accompanimentId: laval.id, occurredOn: '2024-05-01', durationMinutes: 15 });
    await logInteraction(app, advisor, { accompanimentId: lanaudiere.id, occurredOn: '2024-07-02', durationMinutes: 20 });
    expect(await report('13')).toEqual({ interactions: 2, interactionMinutes: 60 });
    expect(await report('14')).toEqual({ interactions: 0, interactionMinutes: 0 });

    // A correction moves the interaction to another day, outside the period, and changes its duration.
    dataOf(
      await app.graphql(
        `mutation ($input: UpdateInteractionInput!) { updateInteraction(input: $input) { id } }`,
        { variables: { input: { id: first.id, version: first.version, occurredOn: '2024-07-03', durationMinutes: 50 } }, as: advisor },
      ),
    );
    expect(await report('13')).toEqual({ interactions: 1, interactionMinutes: 15 });

    // Twenty at once on the same day and region: every one counted (concurrent upserts of one row).
    await Promise.all(
      Array.from({ length: 20 }, () => logInteraction(app, advisor, { accompanimentId: laval.id, occurredOn: '2024-06-10', durationMinutes: 10 })),
    );
    expect(await report('13')).toEqual({ interactions: 21, interactionMinutes: 215 });
    expect(await drift()).toEqual([]);
  });

  it('stays exact under writes made in SQL: several rows at once, deletes, truncate', async () => {
    const file = await openFile(app, advisor, { companyId: (await createCompany(app, { regionCode: '13' }, advisor)).id, openedOn: '2024-04-02' });
    await app.sql(
      `INSERT INTO interactions (accompaniment_id, advisor_id, occurred_on, kind, mode, duration_minutes, summary)
       SELECT $1, a.id, DATE '2024-04-02' + (g % 40), 'CALL', 'PHONE', 5 + g % 7, 'Suivi'
         FROM generate_series(1, 300) g, (SELECT id FROM advisors WHERE email = $2) a`,
      [file.id, advisor],
    );
    expect(await drift()).toEqual([]);
    await app.sql(`UPDATE interactions SET duration_minutes = duration_minutes + 1 WHERE accompaniment_id = $1 AND occurred_on < '2024-04-20'`, [file.id]);
    await app.sql(`DELETE FROM interactions WHERE accompaniment_id = $1 AND occurred_on > '2024-05-01'`, [file.id]);
    expect(await drift()).toEqual([]);
    await app.sql(`TRUNCATE interactions CASCADE`);
    expect(await app.sql(KEPT)).toEqual([]);
  });
});
