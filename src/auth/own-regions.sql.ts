/**
 * SQL: the codes of advisor `a`'s own regions (a subquery) — those of their direction for a manager, their
 * assigned ones for anyone else. The one definition of "own regions" in SQL (statements name the advisor's alias).
 */
export const ownRegionCodes = (a: string) =>
  `SELECT own_r.code FROM regions own_r WHERE ${a}.role = 'MANAGER' AND own_r.direction_code = ${a}.direction_code
   UNION ALL
   SELECT own_ar.region_code FROM advisor_regions own_ar WHERE ${a}.role <> 'MANAGER' AND own_ar.advisor_id = ${a}.id`;
