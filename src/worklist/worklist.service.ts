import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../auth/request-context.js';
import { addDays, todayInQuebec } from '../common/calendar.js';
import { AppConfig } from '../config/app-config.js';

import { WorklistReason, type WorklistItem } from './worklist-item.type.js';
import { WorklistRepository, type WorklistRow } from './worklist.repository.js';

const LABELS: Record<WorklistReason, string> = {
  FILE_WITHOUT_RECENT_INTERACTION: 'Dossier ouvert sans intervention récente',
  FILE_ON_HOLD_TOO_LONG: 'Dossier en suspens depuis longtemps',
  REFERRAL_STALLED: 'Référencement au Portail employeurs arrêté',
  NEED_OPEN_TOO_LONG: 'Besoin de main-d’œuvre ouvert depuis longtemps',
  EVENT_DEADLINE_APPROACHING: 'Inscription aux Journées Québec bientôt close',
};

/**
 * What needs an advisor's attention, in one statement: their open files idle too long, their files on hold too
 * long, their stalled Portail referrals, the old open needs of the companies they accompany, and Journées Québec
 * whose registration closes soon while one of those companies has open needs and is not registered.
 * "Their companies" are those with an OPEN or ON_HOLD file they lead. Thresholds are settings (WORKLIST_*).
 */
@Injectable()
export class WorklistService {
  constructor(
    private readonly repository: WorklistRepository,
    private readonly config: AppConfig,
  ) {}

  async myWorklist(ctx: RequestContext): Promise<WorklistItem[]> {
    if (!ctx.actorId) return [];
    const today = todayInQuebec();
    const t = this.config.worklist;
    const rows = await this.repository.itemsOf(ctx.actorId, {
      today,
      idleSince: addDays(today, -t.fileIdleDays),
      onHoldSince: addDays(today, -t.onHoldDays),
      stalledSince: addDays(today, -t.referralStalledDays),
      openSince: addDays(today, -t.needOpenDays),
      deadlineBefore: addDays(today, t.eventDeadlineDays),
    });
    const ageOf = (row: WorklistRow) => {
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
