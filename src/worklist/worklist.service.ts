import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../auth/request-context.js';
import { addDays, todayInQuebec } from '../common/calendar.js';
import { AppConfig } from '../config/app-config.js';
import type { CompiledItems } from '../graphql/compiled-lists/compiled-nodes.js';
import { WorklistReason, type WorklistItem } from './worklist-item.type.js';
import { WorklistRepository, type WorklistRow } from './worklist.repository.js';

/** Deadlines first (the closest first), then the oldest matters. */
const urgency = (row: WorklistRow) =>
  row.reason === WorklistReason.EVENT_DEADLINE_APPROACHING ? 1_000_000 - row.age_days : row.age_days;

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

  /** The items, most urgent first; with `compiled` (ListItems), each item is its compiled selection. */
  async myWorklist(ctx: RequestContext, compiled: CompiledItems | null = null): Promise<WorklistItem[]> {
    if (!ctx.actorId) return [];
    const today = todayInQuebec();
    const t = this.config.worklist;
    const rows = await this.repository.itemsOf(
      ctx.actorId,
      {
        today,
        idleSince: addDays(today, -t.fileIdleDays),
        onHoldSince: addDays(today, -t.onHoldDays),
        stalledSince: addDays(today, -t.referralStalledDays),
        openSince: addDays(today, -t.needOpenDays),
        deadlineBefore: addDays(today, t.eventDeadlineDays),
      },
      compiled,
    );
    // A stable sort: items equally urgent keep the statement's order.
    return rows
      .sort((a, b) => urgency(b) - urgency(a))
      .map(
        (row) =>
          row.item ?? {
            reason: row.reason,
            label: row.label,
            since: row.since,
            ageDays: row.age_days,
            companyId: row.company_id,
            accompanimentId: row.accompaniment_id,
            recruitmentNeedId: row.recruitment_need_id,
            portailReferralId: row.portail_referral_id,
            eventId: row.event_id,
          },
      );
  }
}
