import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../auth/request-context.js';
import { addDays, todayInQuebec } from '../common/calendar.js';
import { AppConfig } from '../config/app-config.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { WorklistReason, type WorklistItem } from './worklist-item.type.js';

const LABELS: Record<WorklistReason, string> = {
  FILE_WITHOUT_RECENT_INTERACTION: 'Dossier ouvert sans intervention récente',
  FILE_ON_HOLD_TOO_LONG: 'Dossier en suspens depuis longtemps',
  REFERRAL_STALLED: 'Référencement au Portail employeurs arrêté',
  NEED_OPEN_TOO_LONG: 'Besoin de main-d’œuvre ouvert depuis longtemps',
  EVENT_DEADLINE_APPROACHING: 'Inscription aux Journées Québec bientôt close',
};

interface Row {
  reason: WorklistReason;
  since: string;
  company_id: string;
  accompaniment_id: string | null;
  recruitment_need_id: string | null;
  portail_referral_id: string | null;
  event_id: string | null;
}

/**
 * What needs an advisor's attention, in one statement: their open files idle too long, their files on hold too
 * long, their stalled Portail referrals, the old open needs of the companies they accompany, and Journées Québec
 * whose registration closes soon while one of those companies has open needs and is not registered.
 * "Their companies" are those with an OPEN or ON_HOLD file they lead. Thresholds are settings (WORKLIST_*).
 */
@Injectable()
export class WorklistService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  async myWorklist(ctx: RequestContext): Promise<WorklistItem[]> {
    if (!ctx.actorId) return [];
    const today = todayInQuebec();
    const t = this.config.worklist;
    const rows: Row[] = await this.unitOfWork.manager.query(
      `WITH my_files AS (
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
                           WHERE p.event_id = e.id AND p.company_id = c.company_id AND p.status <> 'WITHDRAWN')`,
      [
        ctx.actorId,
        today,
        addDays(today, -t.fileIdleDays),
        addDays(today, -t.onHoldDays),
        addDays(today, -t.referralStalledDays),
        addDays(today, -t.needOpenDays),
        addDays(today, t.eventDeadlineDays),
      ],
    );
    const ageOf = (row: Row) => {
      const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${row.since}T00:00:00Z`)) / 86_400_000);
      return row.reason === WorklistReason.EVENT_DEADLINE_APPROACHING ? -days : days;
    };
    // Deadlines first (the closest first), then the oldest matters.
    const urgency = (item: WorklistItem) =>
      item.reason === WorklistReason.EVENT_DEADLINE_APPROACHING ? 1_000_000 - item.ageDays : item.ageDays;
    return rows
      .map((row) => ({
        reason: row.reason,
        label: LABELS[row.reason],
        since: row.since,
        ageDays: ageOf(row),
        companyId: row.company_id,
        accompanimentId: row.accompaniment_id,
        recruitmentNeedId: row.recruitment_need_id,
        portailReferralId: row.portail_referral_id,
        eventId: row.event_id,
      }))
      .sort((a, b) => urgency(b) - urgency(a));
  }
}
