import { Injectable } from '@nestjs/common';
import { repositoryOf } from '../database/entity-repository.js';
import { desc, paginate, type Page } from '../database/keyset-pagination.js';
import type { InteractionsArgs } from './dto/interaction.inputs.js';
import { Interaction } from './interaction.entity.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';

/** An interaction belongs to the region of its file. */
const REGION_SQL = `SELECT a.region_code FROM interactions i JOIN accompaniments a ON a.id = i.accompaniment_id WHERE i.id::text = $1`;

/** The SQL of interactions. */
@Injectable()
export class InteractionRepository extends repositoryOf(Interaction, { region: { sql: REGION_SQL } }) {
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

  ofFile(fileId: string, args: InteractionsArgs, nodes: CompiledNodes | null = null): Promise<Page<Interaction>> {
    return paginate(this.select('interaction').where('interaction.accompaniment_id = :fileId', { fileId }), args, [
      desc('interaction.occurred_on'),
      desc('extract(epoch FROM interaction.created_at)::numeric'),
      desc('interaction.id'),
    ], nodes);
  }
}
