import { TestApp } from './support/test-app.js';

const BI_VIEWS = [
  'dim_region',
  'dim_company',
  'dim_advisor',
  'fact_accompaniment',
  'fact_interaction',
  'fact_recruitment_need',
  'fact_event_participation',
  'fact_portail_referral',
  'employer_counts_by_region_fiscal_year',
];

/** Words that would betray personal information in a column name. */
const PERSONAL = /(email|phone|first_name|last_name|full_name|summary|contact)/;

describe('bi schema and the bi_reader role', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  /** Runs `sql` as bi_reader inside a transaction that is rolled back; returns the rows or the error code. */
  async function asBiReader(sql: string): Promise<{ rows?: unknown[]; error?: string }> {
    const client = await app.database.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL ROLE bi_reader');
      return { rows: (await client.query(sql)).rows };
    } catch (error) {
      return { error: (error as { code?: string }).code };
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }

  it('has exactly the documented views', async () => {
    const rows = await app.sql<{ table_name: string }>(
      `SELECT table_name FROM information_schema.views WHERE table_schema = 'bi' ORDER BY table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual([...BI_VIEWS].sort());
  });

  it.each(BI_VIEWS)('lets bi_reader read bi.%s', async (view) => {
    const result = await asBiReader(`SELECT * FROM bi.${view} LIMIT 5`);
    expect(result.error).toBeUndefined();
    expect(Array.isArray(result.rows)).toBe(true);
  });

  it('refuses bi_reader every table of the application schema', async () => {
    const tables = await app.sql<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(12);
    for (const { table_name } of tables) {
      expect([table_name, (await asBiReader(`SELECT 1 FROM public.${table_name} LIMIT 1`)).error]).toEqual([table_name, '42501']);
    }
  });

  it('exposes no column that looks like personal information', async () => {
    const columns = await app.sql<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'bi'`,
    );
    expect(columns.filter((c) => PERSONAL.test(c.column_name))).toEqual([]);
  });

  it('shows the 17 regions with their directions', async () => {
    const { rows } = await asBiReader(`SELECT region_code, region_name, direction_code FROM bi.dim_region ORDER BY region_code`);
    expect(rows).toHaveLength(17);
    expect(rows![12]).toEqual({ region_code: '13', region_name: 'Laval', direction_code: 'LLL' });
  });
});
