import { Injectable } from '@nestjs/common';
import { AuditTrailService } from '../audit/audit-trail.service.js';
import { aggregateRegionScope, type ScopeCondition } from '../auth/region-scope.js';
import type { RequestContext } from '../auth/request-context.js';
import { EntityRepository } from '../database/entity-repository.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { RecruitmentNeed } from '../recruitment-needs/recruitment-need.entity.js';
import { EventParticipation } from './event-participation.entity.js';
import type { EventFigures } from './event-summary.types.js';
import { JourneesQuebecEvent } from './journees-quebec-event.entity.js';

/** Figures of an event's summary, per region of the companies (`regionCode`) or in total (`regionCode` null). */
export interface EventSummaryRow extends EventFigures {
  eventId: string;
  regionCode: string | null;
  isTotal: boolean;
}

/**
 * The SQL of companies' participations in Journées Québec events and of the recruitment needs they bring. A
 * participation belongs to its company's region.
 */
@Injectable()
export class EventParticipationRepository extends EntityRepository<EventParticipation> {
  constructor(unitOfWork: UnitOfWork, auditTrail: AuditTrailService) {
    super(unitOfWork, EventParticipation, { region: 'company', auditTrail });
  }

  inScope(ctx: RequestContext, id: string): Promise<EventParticipation | null> {
    return this.scoped(ctx, 'participation', true).andWhere('participation.id = :id', { id }).getOne();
  }

  /** Participations of these events, in the caller's regions, in order of registration. */
  ofEvents(ctx: RequestContext, eventIds: readonly string[]): Promise<EventParticipation[]> {
    return this.scoped(ctx, 'participation', true)
      .andWhere('participation.event_id IN (:...eventIds)', { eventIds })
      .orderBy('participation.registered_on')
      .addOrderBy('participation.created_at')
      .addOrderBy('participation.id')
      .getMany();
  }

  /** Participations of these companies in the caller's regions, the latest events first. */
  ofCompanies(ctx: RequestContext, companyIds: readonly string[]): Promise<EventParticipation[]> {
    return this.scoped(ctx, 'participation', true)
      .innerJoin(JourneesQuebecEvent, 'event', 'event.id = participation.event_id')
      .andWhere('participation.company_id IN (:...companyIds)', { companyIds })
      .orderBy('event.starts_on', 'DESC')
      .addOrderBy('participation.id')
      .getMany();
  }

  /** The needs each participation brings (a need may be brought to several events), by CNP code. */
  async needsOf(participationIds: readonly string[]): Promise<Map<string, RecruitmentNeed[]>> {
    const { entities, raw } = await this.db
      .createQueryBuilder(RecruitmentNeed, 'need')
      .addSelect(
        `(SELECT array_agg(link.participation_id::text) FROM event_participation_needs link
           WHERE link.recruitment_need_id = need.id AND link.participation_id = ANY(CAST(:ids AS uuid[])))`,
        'participation_ids',
      )
      .where(
        `need.id IN (SELECT link.recruitment_need_id FROM event_participation_needs link
                      WHERE link.participation_id = ANY(CAST(:ids AS uuid[])))`,
        { ids: [...participationIds] },
      )
      .orderBy('need.noc_code')
      .addOrderBy('need.id')
      .getRawAndEntities<{ participation_ids: string[] }>();
    const groups = new Map<string, RecruitmentNeed[]>(participationIds.map((id) => [id, []]));
    entities.forEach((need, i) => {
      for (const participationId of raw[i]!.participation_ids) groups.get(participationId)?.push(need);
    });
    return groups;
  }

  /** Positions offered by each participation: the sum of the positions of the needs it brings. */
  async positionsOffered(participationIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { participation_id: string; positions: number }[] = await this.db.query(
      `SELECT link.participation_id, sum(need.positions)::int AS positions
         FROM event_participation_needs link JOIN recruitment_needs need ON need.id = link.recruitment_need_id
        WHERE link.participation_id = ANY($1::uuid[])
        GROUP BY link.participation_id`,
      [[...participationIds]],
    );
    return new Map(rows.map((row) => [row.participation_id, row.positions]));
  }

  /**
   * The events' summaries in one statement: participations that are not withdrawn, grouped by the company's region
   * and in total (GROUPING SETS), over the caller's aggregate scope (every region but for an ADVISOR).
   */
  async summaries(ctx: RequestContext | null, eventIds: readonly string[]): Promise<EventSummaryRow[]> {
    const scope: ScopeCondition = ctx ? aggregateRegionScope(ctx, 'company.region_code') : { sql: 'TRUE', parameters: {} };
    const [sql, parameters] = this.db.dataSource.driver.escapeQueryWithParameters(
      `SELECT participation.event_id AS "eventId",
              company.region_code AS "regionCode",
              GROUPING(company.region_code) = 1 AS "isTotal",
              count(*)::int AS "companiesRegistered",
              count(*) FILTER (WHERE participation.status = 'ATTENDED')::int AS "companiesAttended",
              coalesce(sum(offered.positions), 0)::int AS "positionsOffered",
              coalesce(sum(participation.candidates_met), 0)::int AS "candidatesMet",
              coalesce(sum(participation.interviews_held), 0)::int AS "interviewsHeld",
              coalesce(sum(participation.offers_made), 0)::int AS "offersMade",
              coalesce(sum(participation.hires), 0)::int AS "hires"
         FROM event_participations participation
         JOIN companies company ON company.id = participation.company_id
         LEFT JOIN LATERAL (SELECT sum(need.positions) AS positions
                              FROM event_participation_needs link
                              JOIN recruitment_needs need ON need.id = link.recruitment_need_id
                             WHERE link.participation_id = participation.id) offered ON TRUE
        WHERE participation.event_id IN (:...eventIds)
          AND participation.status <> 'WITHDRAWN'
          AND ${scope.sql}
        GROUP BY GROUPING SETS ((participation.event_id, company.region_code), (participation.event_id))
        ORDER BY participation.event_id, company.region_code`,
      { eventIds: [...eventIds], ...scope.parameters },
    );
    return this.db.query(sql, parameters);
  }

  async linkNeeds(participationId: string, needIds: readonly string[]): Promise<void> {
    if (needIds.length === 0) return;
    await this.db.query(
      `INSERT INTO event_participation_needs (participation_id, recruitment_need_id)
       SELECT $1, need_id FROM unnest($2::uuid[]) AS need_id`,
      [participationId, [...needIds]],
    );
  }

  /** The company and status of each of these needs (ids in lower case) that exists. */
  async needsByIds(needIds: readonly string[]): Promise<Map<string, { companyId: string; status: string }>> {
    const rows: { id: string; company_id: string; status: string }[] = await this.db.query(
      `SELECT id::text, company_id::text, status FROM recruitment_needs WHERE id = ANY($1::uuid[])`,
      [[...needIds]],
    );
    return new Map(rows.map((row) => [row.id, { companyId: row.company_id, status: row.status }]));
  }
}
