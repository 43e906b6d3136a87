import { Injectable } from '@nestjs/common';
import { AuditTrailService } from '../audit/audit-trail.service.js';
import { EntityRepository } from '../database/entity-repository.js';
import { desc, paginate, type Page } from '../database/keyset-pagination.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { InteractionsArgs } from './dto/interaction.inputs.js';
import { Interaction } from './interaction.entity.js';

/** The SQL of interactions; they belong to the region of their file. */
@Injectable()
export class InteractionRepository extends EntityRepository<Interaction> {
  constructor(unitOfWork: UnitOfWork, auditTrail: AuditTrailService) {
    const sql = `SELECT a.region_code FROM interactions i JOIN accompaniments a ON a.id = i.accompaniment_id WHERE i.id::text = $1`;
    super(unitOfWork, Interaction, { region: { sql }, auditTrail });
  }

  /**
   * The `limit` newest interactions of each file, in one statement (a LATERAL join per file on the
   * (accompaniment_id, occurred_on DESC…) index).
   */
  recentOfFiles(fileIds: readonly string[], limit: number): Promise<Interaction[]> {
    return this.select('interaction')
      .where(
        `interaction.id IN (SELECT recent.id FROM unnest(CAST(:fileIds AS uuid[])) AS file(id)
           CROSS JOIN LATERAL (SELECT i.id FROM interactions i WHERE i.accompaniment_id = file.id
                               ORDER BY i.occurred_on DESC, i.created_at DESC, i.id DESC
                               LIMIT :limit) recent)`,
        { fileIds: [...fileIds], limit },
      )
      .orderBy('interaction.occurred_on', 'DESC')
      .addOrderBy('interaction.created_at', 'DESC')
      .addOrderBy('interaction.id', 'DESC')
      .getMany();
  }

  /** Number of interactions of each file. */
  async countsOfFiles(fileIds: readonly string[]): Promise<Map<string, number>> {
    const rows: { accompaniment_id: string; n: number }[] = await this.db.query(
      `SELECT accompaniment_id, count(*)::int AS n FROM interactions WHERE accompaniment_id = ANY($1::uuid[]) GROUP BY 1`,
      [[...fileIds]],
    );
    return new Map(rows.map((row) => [row.accompaniment_id, row.n]));
  }

  ofFile(fileId: string, args: InteractionsArgs): Promise<Page<Interaction>> {
    return paginate(this.select('interaction').where('interaction.accompaniment_id = :fileId', { fileId }), args, [
      desc('interaction.occurred_on'),
      desc('extract(epoch FROM interaction.created_at)::numeric'),
      desc('interaction.id'),
    ]);
  }
}
