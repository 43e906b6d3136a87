import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '../database/unit-of-work.js';
import { afterParameters, type CompiledItems } from '../graphql/compiled-lists/compiled-nodes.js';
import { WORKLIST_LABELS, WorklistReason, type WorklistItem } from './worklist-item.type.js';

export interface WorklistRow {
  reason: WorklistReason;
  label: string;
  since: string;
  /** Days since `since` (for a deadline: days left before it). */
  age_days: number;
  company_id: string;
  accompaniment_id: string | null;
  recruitment_need_id: string | null;
  portail_referral_id: string | null;
  event_id: string | null;
  /** The item's compiled selection, when the list's selection is compiled (see ListItems). */
  item?: WorklistItem;
}

/** The row's column of each WorklistItem field (the relations are declared with @SqlField on WorklistResolver). */
export const WORKLIST_COLUMNS: Record<keyof WorklistItem, keyof WorklistRow> = {
  reason: 'reason',
  label: 'label',
  since: 'since',
  ageDays: 'age_days',
  companyId: 'company_id',
  accompanimentId: 'accompaniment_id',
  recruitmentNeedId: 'recruitment_need_id',
  portailReferralId: 'portail_referral_id',
  eventId: 'event_id',
};

const LABEL_SQL = `CASE items.reason ${Object.entries(WORKLIST_LABELS)
  .map(([reason, label]) => `WHEN '${reason}' THEN '${label.replace(/'/g, "''")}'`)
  .join(' ')} END`;

/**
 * The items ($1 the advisor, $2 today, $3…$7 the thresholds' dates): a file idle, on hold, a referral stalled, a
 * need open since, a deadline before.
 */
const ITEMS_SQL = `
       WITH my_files AS (
         SELECT id, company_id, status, opened_on, status_changed_on FROM accompaniments
          WHERE advisor_id = $1 AND status IN ('OPEN', 'ON_HOLD')
       ), my_companies AS (SELECT DISTINCT company_id FROM my_files)
       SELECT 'FILE_WITHOUT_RECENT_INTERACTION' AS reason, activity.last::text AS since, f.company_id,
              f.id AS accompaniment_id, NULL::uuid AS recruitment_need_id, NULL::uuid AS portail_referral_id, NULL::uuid AS event_id
         FROM my_files f
        CROSS JOIN LATERAL (SELECT greatest(f.status_changed_on, coalesce(max(i.occurred_on), f.opened_on)) AS last
                              FROM interactions i WHERE i.accompaniment_id = f.id) activity
        WHERE f.status = 'OPEN' AND activity.last <= $3::date
       UNION ALL
       SELECT 'FILE_ON_HOLD_TOO_LONG', f.status_changed_on::text, f.company_id, f.id, NULL, NULL, NULL
         FROM my_files f WHERE f.status = 'ON_HOLD' AND f.status_changed_on <= $4::date
       UNION ALL
       SELECT 'REFERRAL_STALLED', r.step_changed_on::text, r.company_id, r.accompaniment_id, NULL, r.id, NULL
         FROM portail_referrals r
        WHERE r.advisor_id = $1 AND r.step NOT IN ('HIRED', 'DECLINED', 'ABANDONED') AND r.step_changed_on <= $5::date
       UNION ALL
       SELECT 'NEED_OPEN_TOO_LONG', n.opened_on::text, n.company_id, n.accompaniment_id, n.id, NULL, NULL
         FROM recruitment_needs n JOIN my_companies c ON c.company_id = n.company_id
        WHERE n.status IN ('OPEN', 'IN_PROGRESS') AND n.opened_on <= $6::date
       UNION ALL
       SELECT 'EVENT_DEADLINE_APPROACHING', e.registration_deadline::text, c.company_id, NULL, NULL, NULL, e.id
         FROM journees_quebec_events e CROSS JOIN my_companies c
        WHERE e.status = 'REGISTRATION_OPEN' AND e.registration_deadline BETWEEN $2::date AND $7::date
          AND EXISTS (SELECT 1 FROM recruitment_needs n WHERE n.company_id = c.company_id AND n.status IN ('OPEN', 'IN_PROGRESS'))
          AND NOT EXISTS (SELECT 1 FROM event_participations p
                           WHERE p.event_id = e.id AND p.company_id = c.company_id AND p.status <> 'WITHDRAWN')`;

/** The items with their label and their age in days (for a deadline: the days left before it). */
const ROWS_SQL = `
  SELECT items.*, ${LABEL_SQL} AS label,
         ($2::date - items.since::date) * CASE WHEN items.reason = '${WorklistReason.EVENT_DEADLINE_APPROACHING}' THEN -1 ELSE 1 END AS age_days
    FROM (${ITEMS_SQL}) items`;

/** Dates that decide what is due: a file idle, on hold, a referral stalled, a need open since, a deadline before. */
export interface WorklistThresholds {
  today: string;
  idleSince: string;
  onHoldSince: string;
  stalledSince: string;
  openSince: string;
  deadlineBefore: string;
}

/** The worklist's one statement (see WorklistService). */
@Injectable()
export class WorklistRepository {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /**
   * The advisor's items, with their label and age ($2 is today); with `compiled`, each row's compiled selection as
   * `item` (the rows, aliased `t0`, are those of the same statement, in the same order).
   */
  itemsOf(advisorId: string, t: WorklistThresholds, compiled: CompiledItems | null = null): Promise<WorklistRow[]> {
    const parameters = [advisorId, t.today, t.idleSince, t.onHoldSince, t.stalledSince, t.openSince, t.deadlineBefore];
    const item = compiled ? `, ${afterParameters(compiled.json, parameters.length)} AS item` : '';
    return this.unitOfWork.manager.query(`SELECT t0.*${item} FROM (${ROWS_SQL}) t0`,
      [...parameters, ...(compiled?.values ?? [])],
    );
  }
}
