import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employer activity rollup: what counting employers (docs/domain.md) needs of the files, one row per company and service region
 * (`employer_region_activity`) and one per company (`employer_activity`): the first file's opening date and the
 * union of the files' active intervals [opened_on, closed_on] (open-ended while open). Unfiltered employer counts
 * and bi.employer_counts_by_region_fiscal_year read these rows instead of aggregating every file.
 *
 * Statement-level triggers on `accompaniments` keep them exact, COPY included; the comment of
 * employer_activity_refresh explains how concurrent writers stay correct. The rollup is derived data: the
 * application's role owns it like every other table, and bi_reader gets nothing on it (the view reads it with
 * its owner's rights).
 */
export class EmployerActivityRollup1764400000000 implements MigrationInterface {
  name = 'EmployerActivityRollup1764400000000';

  async up(db: QueryRunner): Promise<void> {
    // Column types as in regions.code and accompaniments.region_code (varchar(2)).
    await db.query(`
      CREATE TABLE employer_region_activity (
        company_id      uuid           NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
        region_code     varchar(2)     NOT NULL REFERENCES regions (code),
        first_opened_on date           NOT NULL,
        active          datemultirange NOT NULL,
        PRIMARY KEY (company_id, region_code)
      )`);
    await db.query(`CREATE INDEX employer_region_activity_region_code_idx ON employer_region_activity (region_code)`);
    await db.query(`
      CREATE TABLE employer_activity (
        company_id      uuid           PRIMARY KEY REFERENCES companies (id) ON DELETE CASCADE,
        first_opened_on date           NOT NULL,
        active          datemultirange NOT NULL
      )`);

    await db.query(`
      CREATE FUNCTION employer_activity_refresh(company_ids uuid[], region_codes varchar[], files_removed boolean) RETURNS void
        LANGUAGE plpgsql
        -- A statement may pass one pair or every pair of a COPY: plan each time with the real arrays.
        SET plan_cache_mode = force_custom_plan
        AS $$
      /*
       * Recomputes the rollup rows of the (company_ids[i], region_codes[i]) pairs, and of their companies, from
       * accompaniments. Called by the triggers of accompaniments with the pairs a statement touched; files_removed
       * when it may have taken files out of them (UPDATE, DELETE): only then can a pair or company be left empty.
       *
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
        lock_key integer;
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
        END IF;
        INSERT INTO employer_region_activity AS e (company_id, region_code, first_opened_on, active)
        SELECT a.company_id, a.region_code, min(a.opened_on), range_agg(daterange(a.opened_on, a.closed_on, '[]'))
          FROM accompaniments a
         WHERE (a.company_id, a.region_code) IN (SELECT * FROM unnest(company_ids, region_codes))
         GROUP BY a.company_id, a.region_code
            ON CONFLICT (company_id, region_code) DO UPDATE
           SET first_opened_on = excluded.first_opened_on, active = excluded.active
         WHERE (e.first_opened_on, e.active) IS DISTINCT FROM (excluded.first_opened_on, excluded.active);

        IF files_removed THEN
          DELETE FROM employer_activity e
           WHERE e.company_id = ANY (company_ids)
             AND NOT EXISTS (SELECT FROM employer_region_activity r WHERE r.company_id = e.company_id);
        END IF;
        INSERT INTO employer_activity AS e (company_id, first_opened_on, active)
        SELECT r.company_id, min(r.first_opened_on), range_agg(r.active)
          FROM employer_region_activity r
         WHERE r.company_id = ANY (company_ids)
         GROUP BY r.company_id
            ON CONFLICT (company_id) DO UPDATE
           SET first_opened_on = excluded.first_opened_on, active = excluded.active
         WHERE (e.first_opened_on, e.active) IS DISTINCT FROM (excluded.first_opened_on, excluded.active);
      END $$`);

    // One function for the three triggers: each names its transition tables old_files and/or new_files.
    await db.query(`
      CREATE FUNCTION accompaniments_refresh_employer_activity() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        company_ids uuid[];
        region_codes varchar[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(company_id), array_agg(region_code) INTO company_ids, region_codes
            FROM (SELECT DISTINCT company_id, region_code FROM new_files) p;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(company_id), array_agg(region_code) INTO company_ids, region_codes
            FROM (SELECT DISTINCT company_id, region_code FROM old_files) p;
        ELSE
          -- The rollup of a pair depends on the set of (company, region, opened_on, closed_on) of its files only:
          -- a pair changes when a file of it appears in or disappears from that set. Status changes, reassignments
          -- and version bumps touch none of these columns, and recompute nothing.
          SELECT array_agg(company_id), array_agg(region_code) INTO company_ids, region_codes
            FROM (SELECT company_id, region_code
                    FROM ((SELECT company_id, region_code, opened_on, closed_on FROM old_files
                           EXCEPT SELECT company_id, region_code, opened_on, closed_on FROM new_files)
                          UNION ALL
                          (SELECT company_id, region_code, opened_on, closed_on FROM new_files
                           EXCEPT SELECT company_id, region_code, opened_on, closed_on FROM old_files)) changed
                   GROUP BY company_id, region_code) p;
        END IF;
        PERFORM employer_activity_refresh(coalesce(company_ids, '{}'), coalesce(region_codes, '{}'), TG_OP <> 'INSERT');
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER accompaniments_employer_activity_insert AFTER INSERT ON accompaniments
        REFERENCING NEW TABLE AS new_files
        FOR EACH STATEMENT EXECUTE FUNCTION accompaniments_refresh_employer_activity()`);
    await db.query(`
      CREATE TRIGGER accompaniments_employer_activity_update AFTER UPDATE ON accompaniments
        REFERENCING OLD TABLE AS old_files NEW TABLE AS new_files
        FOR EACH STATEMENT EXECUTE FUNCTION accompaniments_refresh_employer_activity()`);
    await db.query(`
      CREATE TRIGGER accompaniments_employer_activity_delete AFTER DELETE ON accompaniments
        REFERENCING OLD TABLE AS old_files
        FOR EACH STATEMENT EXECUTE FUNCTION accompaniments_refresh_employer_activity()`);
    // TRUNCATE fires no DELETE trigger: empty the rollup with it. DELETE, not TRUNCATE: the statement may be
    // truncating these tables already (TRUNCATE companies … CASCADE), and then they are empty.
    await db.query(`
      CREATE FUNCTION accompaniments_truncate_employer_activity() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM employer_region_activity;
        DELETE FROM employer_activity;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER accompaniments_employer_activity_truncate AFTER TRUNCATE ON accompaniments
        FOR EACH STATEMENT EXECUTE FUNCTION accompaniments_truncate_employer_activity()`);

    // Backfill after the triggers exist: CREATE TRIGGER holds a SHARE ROW EXCLUSIVE lock on accompaniments until
    // this migration commits, so no file can be written between these reads and the commit.
    await db.query(`
      INSERT INTO employer_region_activity (company_id, region_code, first_opened_on, active)
      SELECT company_id, region_code, min(opened_on), range_agg(daterange(opened_on, closed_on, '[]'))
        FROM accompaniments
       GROUP BY company_id, region_code`);
    await db.query(`
      INSERT INTO employer_activity (company_id, first_opened_on, active)
      SELECT company_id, min(opened_on), range_agg(daterange(opened_on, closed_on, '[]'))
        FROM accompaniments
       GROUP BY company_id`);
    await db.query(`ANALYZE employer_region_activity`);
    await db.query(`ANALYZE employer_activity`);

    // Same columns and rows as before, from the rollup instead of every file (CREATE OR REPLACE keeps the grants).
    await db.query(`
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
        LEFT JOIN counts ON counts.fiscal_year = y.fiscal_year AND counts.region_code = r.code`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE VIEW bi.employer_counts_by_region_fiscal_year AS
      WITH years AS (
        SELECT y || '-' || (y + 1) AS fiscal_year, make_date(y, 4, 1) AS p_from, make_date(y + 1, 3, 31) AS p_to
          FROM generate_series(2019, split_part(bi.fiscal_year(current_date), '-', 1)::int) AS y
      ), firsts AS (
        SELECT company_id, region_code, min(opened_on) AS first_opened FROM accompaniments GROUP BY company_id, region_code
      ), accompanied AS (
        SELECT y.fiscal_year, a.region_code, count(DISTINCT a.company_id) AS n
          FROM years y JOIN accompaniments a ON a.opened_on <= y.p_to AND (a.closed_on IS NULL OR a.closed_on >= y.p_from)
         GROUP BY y.fiscal_year, a.region_code
      ), newcomers AS (
        SELECT y.fiscal_year, f.region_code, count(*) AS n
          FROM years y JOIN firsts f ON f.first_opened BETWEEN y.p_from AND y.p_to
         GROUP BY y.fiscal_year, f.region_code
      )
      SELECT y.fiscal_year::text AS fiscal_year, r.code::text AS region_code, r.name::text AS region_name,
             coalesce(accompanied.n, 0)::int AS employers_accompanied, coalesce(newcomers.n, 0)::int AS new_employers
        FROM years y CROSS JOIN regions r
        LEFT JOIN accompanied ON accompanied.fiscal_year = y.fiscal_year AND accompanied.region_code = r.code
        LEFT JOIN newcomers ON newcomers.fiscal_year = y.fiscal_year AND newcomers.region_code = r.code`);
    await db.query(`DROP TRIGGER accompaniments_employer_activity_truncate ON accompaniments`);
    await db.query(`DROP TRIGGER accompaniments_employer_activity_delete ON accompaniments`);
    await db.query(`DROP TRIGGER accompaniments_employer_activity_update ON accompaniments`);
    await db.query(`DROP TRIGGER accompaniments_employer_activity_insert ON accompaniments`);
    await db.query(`DROP FUNCTION accompaniments_truncate_employer_activity()`);
    await db.query(`DROP FUNCTION accompaniments_refresh_employer_activity()`);
    await db.query(`DROP FUNCTION employer_activity_refresh(uuid[], varchar[], boolean)`);
    await db.query(`DROP TABLE employer_activity`);
    await db.query(`DROP TABLE employer_region_activity`);
  }
}
