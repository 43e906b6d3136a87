import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `bi` schema read by Power BI, Metabase or Excel through the `bi_reader` role: dimensions and
 * facts without personal information (no contact, no free-text summary; advisors by id, role and region), and
 * the employer counts per region and fiscal year by the counting rule of docs/domain.md. docs/bi-views.md describes
 * every column.
 */
export class BiViews1764000000000 implements MigrationInterface {
  name = 'BiViews1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA bi`);
    await db.query(`
      CREATE FUNCTION bi.fiscal_year(d date) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
        SELECT CASE WHEN extract(month FROM d) >= 4
                    THEN extract(year FROM d)::int || '-' || (extract(year FROM d)::int + 1)
                    ELSE (extract(year FROM d)::int - 1) || '-' || extract(year FROM d)::int END $$`);
    await db.query(`
      CREATE VIEW bi.dim_region AS
      SELECT r.code::text AS region_code, r.name::text AS region_name,
             r.direction_code::text AS direction_code, d.name::text AS direction_name
        FROM regions r LEFT JOIN regional_directions d ON d.code = r.direction_code`);
    await db.query(`
      CREATE VIEW bi.dim_company AS
      SELECT c.id AS company_id, c.legal_name::text AS legal_name, c.neq::text AS neq,
             c.naics_code::text AS naics_code,
             CASE WHEN left(c.naics_code, 2) IN ('31', '32', '33') THEN '31-33'
                  WHEN left(c.naics_code, 2) IN ('44', '45') THEN '44-45'
                  WHEN left(c.naics_code, 2) IN ('48', '49') THEN '48-49'
                  ELSE left(c.naics_code, 2) END AS naics_sector,
             c.cae_code::text AS cae_code, c.size_band::text AS size_band, c.ownership::text AS ownership,
             c.municipality::text AS municipality, c.region_code::text AS region_code, c.created_at::date AS created_on
        FROM companies c`);
    await db.query(`
      CREATE VIEW bi.dim_advisor AS
      SELECT a.id AS advisor_id, a.role::text AS role, a.active, a.direction_code::text AS direction_code,
             own.region_code::text AS region_code
        FROM advisors a
        LEFT JOIN LATERAL (
          SELECT r.code AS region_code FROM regions r WHERE a.role = 'MANAGER' AND r.direction_code = a.direction_code
          UNION ALL
          SELECT ar.region_code FROM advisor_regions ar WHERE a.role <> 'MANAGER' AND ar.advisor_id = a.id
        ) own ON TRUE`);
    await db.query(`
      CREATE VIEW bi.fact_accompaniment AS
      SELECT a.id AS accompaniment_id, a.company_id, a.advisor_id, a.region_code::text AS region_code,
             a.status::text AS status, a.service_level::text AS service_level,
             array_to_string(a.themes, ',') AS themes, a.opened_on, a.closed_on, a.outcome::text AS outcome,
             bi.fiscal_year(a.opened_on) AS fiscal_year_opened,
             CASE WHEN a.closed_on IS NULL THEN NULL ELSE bi.fiscal_year(a.closed_on) END AS fiscal_year_closed,
             (coalesce(a.closed_on, current_date) - a.opened_on) AS duration_days
        FROM accompaniments a`);
    await db.query(`
      CREATE VIEW bi.fact_interaction AS
      SELECT i.id AS interaction_id, i.accompaniment_id, a.company_id, a.region_code::text AS region_code,
             i.advisor_id, i.occurred_on, bi.fiscal_year(i.occurred_on) AS fiscal_year,
             i.kind::text AS kind, i.mode::text AS mode, i.duration_minutes
        FROM interactions i JOIN accompaniments a ON a.id = i.accompaniment_id`);
    await db.query(`
      CREATE VIEW bi.fact_recruitment_need AS
      SELECT n.id AS recruitment_need_id, n.company_id, n.accompaniment_id, c.region_code::text AS company_region_code,
             n.work_region_code::text AS work_region_code, n.noc_code::text AS noc_code,
             n.noc_broad_category::int AS noc_broad_category, n.teer::int AS teer, n.title::text AS title,
             n.positions, n.positions_filled,
             CASE WHEN n.status IN ('OPEN', 'IN_PROGRESS') THEN n.positions - n.positions_filled ELSE 0 END AS open_positions,
             n.employment_type::text AS employment_type, n.hourly_wage, n.french_level::text AS french_level,
             array_to_string(n.channels, ',') AS channels, n.status::text AS status, n.opened_on, n.closed_on,
             bi.fiscal_year(n.opened_on) AS fiscal_year_opened
        FROM recruitment_needs n JOIN companies c ON c.id = n.company_id`);
    await db.query(`
      CREATE VIEW bi.fact_event_participation AS
      SELECT p.id AS participation_id, p.event_id, e.name::text AS event_name, e.city::text AS event_city,
             e.country::text AS event_country, e.mode::text AS event_mode, e.starts_on AS event_starts_on,
             e.ends_on AS event_ends_on, e.status::text AS event_status, bi.fiscal_year(e.starts_on) AS fiscal_year,
             p.company_id, c.region_code::text AS company_region_code, p.advisor_id, p.status::text AS status,
             p.registered_on,
             (SELECT coalesce(sum(n.positions), 0)::int FROM event_participation_needs pn
                JOIN recruitment_needs n ON n.id = pn.recruitment_need_id WHERE pn.participation_id = p.id) AS positions_offered,
             p.candidates_met, p.interviews_held, p.offers_made, p.hires
        FROM event_participations p
        JOIN journees_quebec_events e ON e.id = p.event_id
        JOIN companies c ON c.id = p.company_id`);
    await db.query(`
      CREATE VIEW bi.fact_portail_referral AS
      SELECT r.id AS referral_id, r.company_id, c.region_code::text AS company_region_code, r.accompaniment_id,
             r.advisor_id, r.step::text AS step, r.referred_on, bi.fiscal_year(r.referred_on) AS fiscal_year,
             r.account_created_on, r.offer_posted_on, r.candidates_received_on, r.hired_on, r.ended_on,
             (coalesce(r.account_created_on, r.offer_posted_on, r.candidates_received_on, r.hired_on) IS NOT NULL) AS reached_account_created,
             (coalesce(r.offer_posted_on, r.candidates_received_on, r.hired_on) IS NOT NULL) AS reached_offer_posted,
             (coalesce(r.candidates_received_on, r.hired_on) IS NOT NULL) AS reached_candidates_received,
             (r.step = 'HIRED') AS reached_hired
        FROM portail_referrals r JOIN companies c ON c.id = r.company_id`);
    // The counting rule (docs/domain.md) per region and fiscal year, from 2019-2020 to the current fiscal year.
    await db.query(`
      CREATE VIEW bi.employer_counts_by_region_fiscal_year AS
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

    // bi_reader: USAGE on bi and SELECT on its views, nothing else. Roles are cluster-wide and several databases
    // may share one, so it is created only when missing (creating it needs CREATEROLE; without that privilege an
    // administrator creates it beforehand, see the README).
    await db.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bi_reader') THEN
          CREATE ROLE bi_reader NOLOGIN;
        END IF;
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'bi_reader was not created (no CREATEROLE privilege): create it, then run GRANT USAGE ON SCHEMA bi';
      END $$`);
    await db.query(`
      DO $$
      BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'bi_reader') THEN
          GRANT USAGE ON SCHEMA bi TO bi_reader;
          GRANT SELECT ON ALL TABLES IN SCHEMA bi TO bi_reader;
          GRANT EXECUTE ON FUNCTION bi.fiscal_year(date) TO bi_reader;
        END IF;
      END $$`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'bi_reader') THEN
          REVOKE ALL ON ALL TABLES IN SCHEMA bi FROM bi_reader;
          REVOKE USAGE ON SCHEMA bi FROM bi_reader;
        END IF;
      END $$`);
    await db.query(`DROP SCHEMA bi CASCADE`);
  }
}
