import { REGION_COLUMNS } from '../reference-data/region.entity.js';

/**
 * Counting employers (docs/domain.md) in SQL from the files themselves, for one period and a set of regions, in one statement: what filtered
 * counts run (the rollup statements below answer unfiltered ones).
 * Parameters: $1 from, $2 to (inclusive), $3 region codes of the rows, $4 service level, $5 theme,
 * $6 NAICS 2-digit prefixes, $7 advisor id (each null when unused).
 *
 * - employers accompanied in R = distinct companies with a file in R whose [opened_on, closed_on or open-ended]
 *   intersects the period; all regions together, each company once;
 * - new employers in R = companies whose first file in R (among the files the filters keep) opened within the
 *   period; all regions together, companies whose first file in any of the regions opened within it.
 */
export const EMPLOYER_COUNTS_SQL = `
WITH files AS (
  SELECT a.company_id, a.region_code, a.opened_on, a.closed_on
    FROM accompaniments a
   WHERE a.region_code = ANY($3::varchar[])
     AND ($4::varchar IS NULL OR a.service_level = $4)
     AND ($5::varchar IS NULL OR $5 = ANY(a.themes))
     AND ($6::varchar[] IS NULL OR EXISTS (SELECT 1 FROM companies c
                                           WHERE c.id = a.company_id AND left(c.naics_code, 2) = ANY($6::varchar[])))
     AND ($7::uuid IS NULL OR a.advisor_id = $7)
), active AS (
  SELECT DISTINCT company_id, region_code FROM files
   WHERE opened_on <= $2::date AND (closed_on IS NULL OR closed_on >= $1::date)
), firsts AS (
  SELECT company_id, region_code, min(opened_on) AS first_opened FROM files GROUP BY company_id, region_code
), accompanied AS (
  SELECT region_code, count(*) AS n FROM active GROUP BY region_code
), newcomers AS (
  SELECT region_code, count(*) AS n FROM firsts WHERE first_opened BETWEEN $1::date AND $2::date GROUP BY region_code
)
SELECT ${REGION_COLUMNS},
       coalesce(accompanied.n, 0)::int AS employers_accompanied,
       coalesce(newcomers.n, 0)::int AS new_employers,
       (SELECT count(DISTINCT company_id) FROM active)::int AS total_accompanied,
       (SELECT count(*) FROM (SELECT company_id FROM firsts GROUP BY company_id
                               HAVING min(first_opened) BETWEEN $1::date AND $2::date) t)::int AS total_new
  FROM regions r
  LEFT JOIN accompanied ON accompanied.region_code = r.code
  LEFT JOIN newcomers ON newcomers.region_code = r.code
 WHERE r.code = ANY($3::varchar[])
 ORDER BY r.code`;

/**
 * The same counts from the rollup that the triggers of `accompaniments` keep (migration
 * 1764400000000-employer-activity-rollup): one row per company and region, and per company, with the first file's
 * opening date and the union of the files' active intervals. Same parameters and rows as EMPLOYER_COUNTS_SQL.
 *
 * The rollup knows nothing of service levels, themes, sectors or advisors: given any of $4..$7 it answers no row
 * rather than unfiltered counts (employerCountsStatement never hands it a filter).
 */
const rollupStatement = (totals: string) => `
WITH by_region AS (
  SELECT e.region_code,
         count(*) FILTER (WHERE e.active && daterange($1::date, $2::date, '[]')) AS accompanied,
         count(*) FILTER (WHERE e.first_opened_on BETWEEN $1::date AND $2::date) AS newcomers
    FROM employer_region_activity e
   WHERE e.region_code = ANY($3::varchar[])
   GROUP BY e.region_code
), totals AS (${totals}
)
SELECT ${REGION_COLUMNS},
       coalesce(by_region.accompanied, 0)::int AS employers_accompanied,
       coalesce(by_region.newcomers, 0)::int AS new_employers,
       totals.accompanied::int AS total_accompanied,
       totals.newcomers::int AS total_new
  FROM regions r
  LEFT JOIN by_region ON by_region.region_code = r.code
 CROSS JOIN totals
 WHERE r.code = ANY($3::varchar[])
   AND $4::varchar IS NULL AND $5::varchar IS NULL AND $6::varchar[] IS NULL AND $7::uuid IS NULL
 ORDER BY r.code`;

/** Rows of every region: the totals come from the per-company rollup (new = first file in any region). */
export const EMPLOYER_COUNTS_ALL_REGIONS_ROLLUP_SQL = rollupStatement(`
  SELECT count(*) FILTER (WHERE c.active && daterange($1::date, $2::date, '[]')) AS accompanied,
         count(*) FILTER (WHERE c.first_opened_on BETWEEN $1::date AND $2::date) AS newcomers
    FROM employer_activity c`);

/** Rows of some regions: the totals count each company of those regions once, new when its first file in them is. */
export const EMPLOYER_COUNTS_SOME_REGIONS_ROLLUP_SQL = rollupStatement(`
  SELECT count(*) FILTER (WHERE c.active) AS accompanied,
         count(*) FILTER (WHERE c.first_opened_on BETWEEN $1::date AND $2::date) AS newcomers
    FROM (SELECT bool_or(e.active && daterange($1::date, $2::date, '[]')) AS active, min(e.first_opened_on) AS first_opened_on
            FROM employer_region_activity e
           WHERE e.region_code = ANY($3::varchar[])
           GROUP BY e.company_id) c`);

/**
 * The counts of a fiscal year Y ($1 = Y-04-01, $2 = (Y+1)-03-31) for every region, by index-only counts of the
 * fiscal-year rows of migration 1764600000000-employer-activity-fiscal-years: a pair (company, region) is active in
 * Y iff one of its closed intervals intersects Y (a row of employer_region_years for Y) or its open-ended interval
 * started by the end of Y (open_since <= $2). The rows of Y whose pair the second term counts are left out of the
 * first; the totals are the same over employer_years and employer_activity. Same parameters and rows as the others;
 * given any other period, or a filter, it answers no row.
 */
export const EMPLOYER_COUNTS_FISCAL_YEAR_SQL = `
WITH closed AS (
  SELECT y.region_code, count(*) AS n
    FROM employer_region_years y
   WHERE y.region_code = ANY($3::varchar[]) AND y.fiscal_year = extract(year FROM $1::date)::smallint
     AND (y.open_since IS NULL OR y.open_since > $2::date)
   GROUP BY y.region_code
), open AS (
  SELECT e.region_code, count(*) AS n
    FROM employer_region_activity e
   WHERE e.region_code = ANY($3::varchar[]) AND e.open_since <= $2::date
   GROUP BY e.region_code
), newcomers AS (
  SELECT e.region_code, count(*) AS n
    FROM employer_region_activity e
   WHERE e.region_code = ANY($3::varchar[]) AND e.first_opened_on BETWEEN $1::date AND $2::date
   GROUP BY e.region_code
), totals AS (
  SELECT (SELECT count(*) FROM employer_years y
           WHERE y.fiscal_year = extract(year FROM $1::date)::smallint AND (y.open_since IS NULL OR y.open_since > $2::date))
       + (SELECT count(*) FROM employer_activity c WHERE c.open_since <= $2::date) AS accompanied,
         (SELECT count(*) FROM employer_activity c WHERE c.first_opened_on BETWEEN $1::date AND $2::date) AS newcomers
)
SELECT ${REGION_COLUMNS},
       (coalesce(closed.n, 0) + coalesce(open.n, 0))::int AS employers_accompanied,
       coalesce(newcomers.n, 0)::int AS new_employers,
       totals.accompanied::int AS total_accompanied,
       totals.newcomers::int AS total_new
  FROM regions r
  LEFT JOIN closed ON closed.region_code = r.code
  LEFT JOIN open ON open.region_code = r.code
  LEFT JOIN newcomers ON newcomers.region_code = r.code
 CROSS JOIN totals
 WHERE r.code = ANY($3::varchar[])
   AND extract(month FROM $1::date) = 4 AND extract(day FROM $1::date) = 1
   AND $2::date = ($1::date + interval '1 year - 1 day')::date
   AND $4::varchar IS NULL AND $5::varchar IS NULL AND $6::varchar[] IS NULL AND $7::uuid IS NULL
 ORDER BY r.code`;

/**
 * Every region's counts over a period that runs to today or later (since the deployment, say), from the rollup's
 * scalar columns by index-only counts (migration 1764800000000). Nothing can start after today, so a pair or
 * company is accompanied in such a period when it is still open or its last closed interval ended on or after $1.
 * Same parameters and rows as the others. Exact only when $2 is today or later: employerCountsStatement picks it
 * for those periods only (it has no today to check $2 against).
 */
export const EMPLOYER_COUNTS_TO_TODAY_SQL = `
WITH open AS (
  SELECT e.region_code, count(*) AS n
    FROM employer_region_activity e
   WHERE e.region_code = ANY($3::varchar[]) AND e.open_since IS NOT NULL
   GROUP BY e.region_code
), closed AS (
  SELECT e.region_code, count(*) AS n
    FROM employer_region_activity e
   WHERE e.region_code = ANY($3::varchar[]) AND e.open_since IS NULL AND e.last_ended_on >= $1::date
   GROUP BY e.region_code
), newcomers AS (
  SELECT e.region_code, count(*) AS n
    FROM employer_region_activity e
   WHERE e.region_code = ANY($3::varchar[]) AND e.first_opened_on BETWEEN $1::date AND $2::date
   GROUP BY e.region_code
), totals AS (
  SELECT (SELECT count(*) FROM employer_activity c WHERE c.open_since IS NOT NULL)
       + (SELECT count(*) FROM employer_activity c WHERE c.open_since IS NULL AND c.last_ended_on >= $1::date) AS accompanied,
         (SELECT count(*) FROM employer_activity c WHERE c.first_opened_on BETWEEN $1::date AND $2::date) AS newcomers
)
SELECT ${REGION_COLUMNS},
       (coalesce(open.n, 0) + coalesce(closed.n, 0))::int AS employers_accompanied,
       coalesce(newcomers.n, 0)::int AS new_employers,
       totals.accompanied::int AS total_accompanied,
       totals.newcomers::int AS total_new
  FROM regions r
  LEFT JOIN open ON open.region_code = r.code
  LEFT JOIN closed ON closed.region_code = r.code
  LEFT JOIN newcomers ON newcomers.region_code = r.code
 CROSS JOIN totals
 WHERE r.code = ANY($3::varchar[])
   AND $4::varchar IS NULL AND $5::varchar IS NULL AND $6::varchar[] IS NULL AND $7::uuid IS NULL
 ORDER BY r.code`;

/** The 17 administrative regions' codes, 01 to 17. */
export const ALL_REGION_CODES: readonly string[] = Array.from({ length: 17 }, (_, i) => String(i + 1).padStart(2, '0'));

/** Whether from..to (inclusive) is exactly a fiscal year, Y-04-01..(Y+1)-03-31. */
export function isFiscalYear(from: string, to: string): boolean {
  const match = /^(\d{4})-04-01$/.exec(from);
  return match !== null && to === `${Number(match[1]) + 1}-03-31`;
}

/**
 * The statement for a request (all take the same seven parameters): the files' when a filter (service level,
 * theme, sector, advisor) narrows them; otherwise, when every region is asked for, the fiscal-year rows' for a
 * period that is exactly a fiscal year (`fiscalYear`), the scalar columns' for a period running to today or later
 * (`toToday`), the per-company rollup's for any other; for some regions, the rollup's.
 */
export function employerCountsStatement(request: {
  filtered: boolean;
  regionCodes: readonly string[];
  fiscalYear?: boolean;
  /** The period ends today (in Québec) or later. */
  toToday?: boolean;
}): string {
  if (request.filtered) return EMPLOYER_COUNTS_SQL;
  if (!ALL_REGION_CODES.every((code) => request.regionCodes.includes(code))) return EMPLOYER_COUNTS_SOME_REGIONS_ROLLUP_SQL;
  if (request.fiscalYear) return EMPLOYER_COUNTS_FISCAL_YEAR_SQL;
  return request.toToday ? EMPLOYER_COUNTS_TO_TODAY_SQL : EMPLOYER_COUNTS_ALL_REGIONS_ROLLUP_SQL;
}
