/**
 * Every figure of a regional report but the employer counts, in one statement. $1 from, $2 to, $3 region.
 * Interactions and their minutes come from interaction_daily_totals (kept by the triggers of `interactions`:
 * migration 1764700000000): a year of a region is 365 rows, whatever the number of interactions.
 */
export const REGIONAL_REPORT_SQL = `
WITH logged AS (
  SELECT coalesce(sum(interactions), 0)::int AS interactions, coalesce(sum(minutes), 0)::int AS minutes
    FROM interaction_daily_totals
   WHERE region_code = $3 AND occurred_on BETWEEN $1::date AND $2::date
)
SELECT
  (SELECT count(*) FROM accompaniments WHERE region_code = $3 AND opened_on BETWEEN $1::date AND $2::date)::int AS files_opened,
  (SELECT count(*) FROM accompaniments
    WHERE region_code = $3 AND coalesce(closed_on, 'infinity'::date) BETWEEN $1::date AND $2::date)::int AS files_closed,
  (SELECT interactions FROM logged) AS interactions,
  (SELECT minutes FROM logged) AS interaction_minutes,
  (SELECT coalesce(json_agg(x ORDER BY x.category), '[]'::json) FROM (
     SELECT noc_broad_category AS category, count(*)::int AS needs, sum(positions)::int AS positions,
            coalesce(sum(positions - positions_filled) FILTER (WHERE status IN ('OPEN', 'IN_PROGRESS')), 0)::int AS open,
            sum(positions_filled)::int AS filled
       FROM recruitment_needs
      WHERE work_region_code = $3 AND status <> 'CANCELLED'
        AND opened_on <= $2::date AND (closed_on IS NULL OR closed_on >= $1::date)
      GROUP BY noc_broad_category) x) AS needs,
  (SELECT json_build_object(
      'participations', count(*) FILTER (WHERE p.status <> 'WITHDRAWN'),
      'attended', count(*) FILTER (WHERE p.status = 'ATTENDED'),
      'candidatesMet', coalesce(sum(p.candidates_met), 0),
      'offersMade', coalesce(sum(p.offers_made), 0),
      'hires', coalesce(sum(p.hires), 0))
     FROM event_participations p
     JOIN journees_quebec_events e ON e.id = p.event_id
     JOIN companies c ON c.id = p.company_id
    WHERE c.region_code = $3 AND e.starts_on BETWEEN $1::date AND $2::date) AS journees_quebec,
  (SELECT json_build_object(
      'referred', count(*),
      'accountCreated', count(*) FILTER (WHERE coalesce(r.account_created_on, r.offer_posted_on, r.candidates_received_on, r.hired_on) IS NOT NULL),
      'offerPosted', count(*) FILTER (WHERE coalesce(r.offer_posted_on, r.candidates_received_on, r.hired_on) IS NOT NULL),
      'candidatesReceived', count(*) FILTER (WHERE coalesce(r.candidates_received_on, r.hired_on) IS NOT NULL),
      'hired', count(*) FILTER (WHERE r.step = 'HIRED'),
      'declined', count(*) FILTER (WHERE r.step = 'DECLINED'),
      'abandoned', count(*) FILTER (WHERE r.step = 'ABANDONED'))
     FROM portail_referrals r JOIN companies c ON c.id = r.company_id
    WHERE c.region_code = $3 AND r.referred_on BETWEEN $1::date AND $2::date) AS portail,
  (SELECT count(*) FROM advisors a JOIN advisor_regions ar ON ar.advisor_id = a.id
    WHERE ar.region_code = $3 AND a.active AND a.role = 'ADVISOR')::int AS advisors,
  (SELECT coalesce(json_agg(json_build_object('id', s.id, 'regionCode', s.region_code, 'name', s.name, 'address', s.address,
                                               'municipality', s.municipality, 'postalCode', s.postal_code, 'phone', s.phone,
                                               'email', s.email, 'version', s.version, 'createdAt', s.created_at,
                                               'updatedAt', s.updated_at) ORDER BY s.name), '[]'::json)
     FROM service_points s WHERE s.region_code = $3) AS service_points`;
