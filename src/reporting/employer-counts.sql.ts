/**
 * SPEC §4 in SQL, for one period and a set of regions, in one statement.
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
SELECT r.code, r.name, r.direction_code, r.version,
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
