import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employer counts of a fiscal year by index-only counts of narrow rows (docs/domain.md; the common question).
 *
 * A pair (company, region) is active in fiscal year Y iff one of its closed intervals intersects Y, or its open-ended
 * interval started by the end of Y. So:
 * - `open_since` on both rollup tables: the lower bound of the open-ended interval, NULL when there is none;
 * - `employer_region_years` / `employer_years`: one row per fiscal year (its start year: 2024 = 2024-04-01 ..
 *   2025-03-31) that a closed interval of the pair / company intersects, with the pair's / company's open_since.
 * accompanied(R, Y) = rows of R and Y whose open_since is NULL or after the end of Y, plus pairs of R whose
 * open_since is on or before the end of Y (the first term leaves out the pairs the second counts). Open intervals
 * never need year rows: nothing goes stale when a fiscal year starts.
 *
 * employer_activity_refresh rewrites the year rows of the pairs and companies whose rollup row it changed, under
 * the locks it already takes; rows of removed pairs and companies go with them (foreign keys, ON DELETE CASCADE).
 */
export class EmployerActivityFiscalYears1764600000000 implements MigrationInterface {
  name = 'EmployerActivityFiscalYears1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION employer_activity_open_since(active datemultirange) RETURNS date
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT CASE WHEN upper_inf(active) THEN (SELECT lower(r) FROM unnest(active) AS r WHERE upper_inf(r)) END $$`);
    // 2021-03-31 → 2020, 2021-04-01 → 2021.
    await db.query(`
      CREATE FUNCTION employer_activity_fiscal_year(day date) RETURNS integer
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT extract(year FROM day)::integer - CASE WHEN extract(month FROM day) < 4 THEN 1 ELSE 0 END $$`);
    // The fiscal years the closed intervals intersect ([lo, hi): from fy(lo) to fy(hi - 1 day)).
    await db.query(`
      CREATE FUNCTION employer_activity_fiscal_years(active datemultirange) RETURNS SETOF smallint
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$
          SELECT DISTINCT y::smallint
            FROM unnest(active) AS r,
                 generate_series(employer_activity_fiscal_year(lower(r)), employer_activity_fiscal_year(upper(r) - 1)) AS y
           WHERE NOT upper_inf(r)
        $$`);

    // Adding a stored generated column rewrites the tables (a few hundred thousand narrow rows).
    for (const table of ['employer_region_activity', 'employer_activity']) {
      await db.query(`ALTER TABLE ${table} ADD COLUMN open_since date GENERATED ALWAYS AS (employer_activity_open_since(active)) STORED`);
    }
    // Index-only counts: open pairs / companies by open_since, new ones by first_opened_on.
    await db.query(`
      CREATE INDEX employer_region_activity_open_since_idx ON employer_region_activity (region_code, open_since)
       WHERE open_since IS NOT NULL`);
    await db.query(`CREATE INDEX employer_activity_open_since_idx ON employer_activity (open_since) WHERE open_since IS NOT NULL`);
    await db.query(`CREATE INDEX employer_region_activity_first_opened_on_idx ON employer_region_activity (region_code, first_opened_on)`);
    await db.query(`CREATE INDEX employer_activity_first_opened_on_idx ON employer_activity (first_opened_on)`);

    // The primary keys cover the counts (INCLUDE open_since); the (company_id …) indexes serve the refresh and the
    // cascades.
    await db.query(`
      CREATE TABLE employer_region_years (
        region_code varchar(2) NOT NULL,
        fiscal_year smallint   NOT NULL,
        company_id  uuid       NOT NULL,
        open_since  date,
        PRIMARY KEY (region_code, fiscal_year, company_id) INCLUDE (open_since),
        FOREIGN KEY (company_id, region_code) REFERENCES employer_region_activity (company_id, region_code) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX employer_region_years_company_id_idx ON employer_region_years (company_id, region_code)`);
    await db.query(`
      CREATE TABLE employer_years (
        fiscal_year smallint NOT NULL,
        company_id  uuid     NOT NULL REFERENCES employer_activity (company_id) ON DELETE CASCADE,
        open_since  date,
        PRIMARY KEY (fiscal_year, company_id) INCLUDE (open_since)
      )`);
    await db.query(`CREATE INDEX employer_years_company_id_idx ON employer_years (company_id)`);

    await db.query(refreshFunction(true));
    await db.query(truncateFunction(true));

    // Backfill: the rollup migration's triggers already keep the rollup rows; this migration's transaction holds
    // ACCESS EXCLUSIVE on the rollup tables (ALTER TABLE) until it commits, so no writer of files can run between
    // these reads and the commit.
    await db.query(`
      INSERT INTO employer_region_years (region_code, fiscal_year, company_id, open_since)
      SELECT e.region_code, y, e.company_id, e.open_since
        FROM employer_region_activity e CROSS JOIN employer_activity_fiscal_years(e.active) AS y`);
    await db.query(`
      INSERT INTO employer_years (fiscal_year, company_id, open_since)
      SELECT y, e.company_id, e.open_since
        FROM employer_activity e CROSS JOIN employer_activity_fiscal_years(e.active) AS y`);
    for (const table of ['employer_region_activity', 'employer_activity', 'employer_region_years', 'employer_years']) {
      await db.query(`ANALYZE ${table}`);
    }

    await db.query(FISCAL_YEAR_VIEW);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(ROLLUP_VIEW);
    await db.query(truncateFunction(false));
    await db.query(refreshFunction(false));
    await db.query(`DROP TABLE employer_years`);
    await db.query(`DROP TABLE employer_region_years`);
    await db.query(`DROP INDEX employer_activity_first_opened_on_idx`);
    await db.query(`DROP INDEX employer_region_activity_first_opened_on_idx`);
    for (const table of ['employer_region_activity', 'employer_activity']) {
      await db.query(`ALTER TABLE ${table} DROP COLUMN open_since`); // drops its index
    }
    await db.query(`DROP FUNCTION employer_activity_fiscal_years(datemultirange)`);
    await db.query(`DROP FUNCTION employer_activity_fiscal_year(date)`);
    await db.query(`DROP FUNCTION employer_activity_open_since(datemultirange)`);
  }
}

/**
 * employer_activity_refresh as migration 1764400000000 created it (withYears false), or also rewriting the year
 * rows of the pairs and companies whose rollup row changed (withYears true). The locking is the same.
 */
function refreshFunction(withYears: boolean): string {
  const declare = withYears
    ? `
        changed_companies uuid[];
        changed_regions varchar[];`
    : '';
  const pairs = withYears
    ? `
        WITH changed AS (
          INSERT INTO employer_region_activity AS e (company_id, region_code, first_opened_on, active)
          SELECT a.company_id, a.region_code, min(a.opened_on), range_agg(daterange(a.opened_on, a.closed_on, '[]'))
            FROM accompaniments a
           WHERE (a.company_id, a.region_code) IN (SELECT * FROM unnest(company_ids, region_codes))
           GROUP BY a.company_id, a.region_code
              ON CONFLICT (company_id, region_code) DO UPDATE
             SET first_opened_on = excluded.first_opened_on, active = excluded.active
           WHERE (e.first_opened_on, e.active) IS DISTINCT FROM (excluded.first_opened_on, excluded.active)
          RETURNING e.company_id, e.region_code
        )
        SELECT array_agg(company_id), array_agg(region_code) INTO changed_companies, changed_regions FROM changed;

        -- The fiscal years of the pairs inserted or updated (those deleted above took theirs along).
        IF changed_companies IS NOT NULL THEN
          DELETE FROM employer_region_years y
           USING unnest(changed_companies, changed_regions) AS p (company_id, region_code)
           WHERE y.company_id = p.company_id AND y.region_code = p.region_code;
          INSERT INTO employer_region_years (region_code, fiscal_year, company_id, open_since)
          SELECT e.region_code, y, e.company_id, e.open_since
            FROM employer_region_activity e CROSS JOIN employer_activity_fiscal_years(e.active) AS y
           WHERE (e.company_id, e.region_code) IN (SELECT * FROM unnest(changed_companies, changed_regions));
        END IF;`
    : `
        INSERT INTO employer_region_activity AS e (company_id, region_code, first_opened_on, active)
        SELECT a.company_id, a.region_code, min(a.opened_on), range_agg(daterange(a.opened_on, a.closed_on, '[]'))
          FROM accompaniments a
         WHERE (a.company_id, a.region_code) IN (SELECT * FROM unnest(company_ids, region_codes))
         GROUP BY a.company_id, a.region_code
            ON CONFLICT (company_id, region_code) DO UPDATE
           SET first_opened_on = excluded.first_opened_on, active = excluded.active
         WHERE (e.first_opened_on, e.active) IS DISTINCT FROM (excluded.first_opened_on, excluded.active);`;
  const companies = withYears
    ? `
        WITH changed AS (
          INSERT INTO employer_activity AS e (company_id, first_opened_on, active)
          SELECT r.company_id, min(r.first_opened_on), range_agg(r.active)
            FROM employer_region_activity r
           WHERE r.company_id = ANY (company_ids)
           GROUP BY r.company_id
              ON CONFLICT (company_id) DO UPDATE
             SET first_opened_on = excluded.first_opened_on, active = excluded.active
           WHERE (e.first_opened_on, e.active) IS DISTINCT FROM (excluded.first_opened_on, excluded.active)
          RETURNING e.company_id
        )
        SELECT array_agg(company_id) INTO changed_companies FROM changed;

        IF changed_companies IS NOT NULL THEN
          DELETE FROM employer_years y WHERE y.company_id = ANY (changed_companies);
          INSERT INTO employer_years (fiscal_year, company_id, open_since)
          SELECT y, e.company_id, e.open_since
            FROM employer_activity e CROSS JOIN employer_activity_fiscal_years(e.active) AS y
           WHERE e.company_id = ANY (changed_companies);
        END IF;`
    : `
        INSERT INTO employer_activity AS e (company_id, first_opened_on, active)
        SELECT r.company_id, min(r.first_opened_on), range_agg(r.active)
          FROM employer_region_activity r
         WHERE r.company_id = ANY (company_ids)
         GROUP BY r.company_id
            ON CONFLICT (company_id) DO UPDATE
           SET first_opened_on = excluded.first_opened_on, active = excluded.active
         WHERE (e.first_opened_on, e.active) IS DISTINCT FROM (excluded.first_opened_on, excluded.active);`;
  const years = withYears
    ? `
       * The fiscal-year rows (migration 1764600000000) of the pairs and companies whose rollup row changed are
       * rewritten after it, in the same serialized statements.
       *`
    : '';
  return `
      CREATE OR REPLACE FUNCTION employer_activity_refresh(company_ids uuid[], region_codes varchar[], files_removed boolean) RETURNS void
        LANGUAGE plpgsql
        -- A statement may pass one pair or every pair of a COPY: plan each time with the real arrays.
        SET plan_cache_mode = force_custom_plan
        AS $$
      /*
       * Recomputes the rollup rows of the (company_ids[i], region_codes[i]) pairs, and of their companies, from
       * accompaniments. Called by the triggers of accompaniments with the pairs a statement touched; files_removed
       * when it may have taken files out of them (UPDATE, DELETE): only then can a pair or company be left empty.
       *${years}
       * Concurrency (READ COMMITTED). Two transactions adding files of the same company would each recompute
       * from a snapshot without the other's file, and the one upserting last would leave a rollup without the
       * first one's file. So writers serialize per company, and read files only once serialized:
       *
       * 1. Lock, in statements of their own:
       *    - a few companies (a mutation writes one): LOCK employer_activity IN ROW EXCLUSIVE MODE, then one
       *      transaction-level advisory lock per company, in key order (two statements never take them in
       *      opposite orders). Writers of different companies do not wait on each other;
       *    - more than 64 companies in the transaction so far (COPY, bulk scripts): LOCK employer_activity IN SHARE
       *      ROW EXCLUSIVE MODE instead, which conflicts with ROW EXCLUSIVE and with itself: it waits for the
       *      writers in progress to commit and makes new ones wait until this transaction ends. A transaction thus
       *      holds at most 64 of these advisory locks (the default max_locks_per_transaction, its share of the
       *      lock table) however many files it writes.
       *    Whatever the paths, two writers of the same company conflict on a lock (the company's advisory lock, or
       *    the table lock) that each takes before reading files and keeps until it commits or rolls back.
       * 2. Recompute, in later statements: each statement of a volatile plpgsql function takes a new snapshot, so
       *    the second writer sees every file the first one committed while it waited. The pairs come from
       *    accompaniments (upsert, or delete when no file is left), then the companies from their pairs.
       *
       * Readers (the counts, the BI view) take ACCESS SHARE only and never wait. A transaction writing files of
       * company A then B while another writes B then A can deadlock; PostgreSQL cancels one of them (mutations
       * write one company each). Under REPEATABLE READ or SERIALIZABLE the snapshot does not move: the second
       * writer of the same rows gets a serialization failure instead, and retries.
       */
      DECLARE
        company_count integer;
        earlier integer := coalesce(nullif(current_setting('crm.employer_activity_locks', true), ''), '0')::integer;
        lock_key integer;${declare}
      BEGIN
        SELECT count(DISTINCT c) INTO company_count FROM unnest(company_ids) AS c;
        IF company_count = 0 THEN
          RETURN;
        END IF;

        -- crm.employer_activity_locks (local to the transaction): companies locked by its earlier statements, or -1
        -- once it holds the table lock.
        IF earlier < 0 THEN
          NULL;
        ELSIF earlier + company_count > 64 THEN
          LOCK TABLE employer_activity IN SHARE ROW EXCLUSIVE MODE;
          PERFORM set_config('crm.employer_activity_locks', '-1', true);
        ELSE
          LOCK TABLE employer_activity IN ROW EXCLUSIVE MODE;
          -- First key: this migration's number, so that no other advisory lock of the application collides; second:
          -- 32 bits of the company's uuid (a collision only makes two companies wait on each other).
          FOR lock_key IN SELECT DISTINCT ('x' || left(c::text, 8))::bit(32)::integer FROM unnest(company_ids) AS c ORDER BY 1
          LOOP
            PERFORM pg_advisory_xact_lock(1764400000, lock_key);
          END LOOP;
          PERFORM set_config('crm.employer_activity_locks', (earlier + company_count)::text, true);
        END IF;

        IF files_removed THEN
          DELETE FROM employer_region_activity e
           USING unnest(company_ids, region_codes) AS p (company_id, region_code)
           WHERE e.company_id = p.company_id AND e.region_code = p.region_code
             AND NOT EXISTS (SELECT FROM accompaniments a WHERE a.company_id = p.company_id AND a.region_code = p.region_code);
        END IF;${pairs}

        IF files_removed THEN
          DELETE FROM employer_activity e
           WHERE e.company_id = ANY (company_ids)
             AND NOT EXISTS (SELECT FROM employer_region_activity r WHERE r.company_id = e.company_id);
        END IF;${companies}
      END $$`;
}

/** TRUNCATE fires no DELETE trigger: empty the rollup (and its fiscal years) with it. */
function truncateFunction(withYears: boolean): string {
  const years = withYears
    ? `
        DELETE FROM employer_region_years;
        DELETE FROM employer_years;`
    : '';
  return `
      CREATE OR REPLACE FUNCTION accompaniments_truncate_employer_activity() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN${years}
        DELETE FROM employer_region_activity;
        DELETE FROM employer_activity;
        RETURN NULL;
      END $$`;
}

/**
 * Same columns and rows as before (CREATE OR REPLACE keeps the grants), from the fiscal-year rows: per fiscal year
 * and region, the pairs with a closed interval in it and no open one started by its end, plus the pairs whose open
 * interval started by its end; new employers by the fiscal year of the pair's first file.
 */
const FISCAL_YEAR_VIEW = `
      CREATE OR REPLACE VIEW bi.employer_counts_by_region_fiscal_year AS
      WITH years AS (
        SELECT y, y || '-' || (y + 1) AS fiscal_year, make_date(y + 1, 3, 31) AS p_to
          FROM generate_series(2019, split_part(bi.fiscal_year(current_date), '-', 1)::int) AS y
      ), closed AS (
        SELECT e.fiscal_year AS y, e.region_code, count(*) AS n
          FROM employer_region_years e
         WHERE e.fiscal_year >= 2019 AND (e.open_since IS NULL OR e.open_since > make_date(e.fiscal_year + 1, 3, 31))
         GROUP BY e.fiscal_year, e.region_code
      ), open AS (
        SELECT y.y, e.region_code, count(*) AS n
          FROM years y JOIN employer_region_activity e ON e.open_since <= y.p_to
         GROUP BY y.y, e.region_code
      ), newcomers AS (
        SELECT employer_activity_fiscal_year(e.first_opened_on) AS y, e.region_code, count(*) AS n
          FROM employer_region_activity e
         WHERE e.first_opened_on >= '2019-04-01'
         GROUP BY 1, e.region_code
      )
      SELECT y.fiscal_year::text AS fiscal_year, r.code::text AS region_code, r.name::text AS region_name,
             (coalesce(closed.n, 0) + coalesce(open.n, 0))::int AS employers_accompanied,
             coalesce(newcomers.n, 0)::int AS new_employers
        FROM years y CROSS JOIN regions r
        LEFT JOIN closed ON closed.y = y.y AND closed.region_code = r.code
        LEFT JOIN open ON open.y = y.y AND open.region_code = r.code
        LEFT JOIN newcomers ON newcomers.y = y.y AND newcomers.region_code = r.code`;

/** The view as migration 1764400000000 defined it, for down. */
const ROLLUP_VIEW = `
      CREATE OR REPLACE VIEW bi.employer_counts_by_region_fiscal_year AS
      WITH years AS (
        SELECT y || '-' || (y + 1) AS fiscal_year, make_date(y, 4, 1) AS p_from, make_date(y + 1, 3, 31) AS p_to
          FROM generate_series(2019, split_part(bi.fiscal_year(current_date), '-', 1)::int) AS y
      ), counts AS (
        SELECT y.fiscal_year, e.region_code,
               count(*) FILTER (WHERE e.active && daterange(y.p_from, y.p_to, '[]')) AS accompanied,
               count(*) FILTER (WHERE e.first_opened_on BETWEEN y.p_from AND y.p_to) AS newcomers
          FROM years y CROSS JOIN employer_region_activity e
         GROUP BY y.fiscal_year, e.region_code
      )
      SELECT y.fiscal_year::text AS fiscal_year, r.code::text AS region_code, r.name::text AS region_name,
             coalesce(counts.accompanied, 0)::int AS employers_accompanied, coalesce(counts.newcomers, 0)::int AS new_employers
        FROM years y CROSS JOIN regions r
        LEFT JOIN counts ON counts.fiscal_year = y.fiscal_year AND counts.region_code = r.code`;
