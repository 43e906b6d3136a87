import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../auth/request-context.js';
import { updateWithVersion } from '../database/optimistic-update.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { BadUserInputError, NotFoundError } from '../errors/domain.errors.js';
import type { Page } from '../graphql/pagination/connection.type.js';
import { paginate } from '../graphql/pagination/keyset.js';
import { groupedLoader, LoaderDefinition } from '../graphql/request-loaders.js';
import { Accompaniment } from './accompaniment.entity.js';
import { AccompanimentsService, assertNotFuture } from './accompaniments.service.js';
import type { InteractionsArgs, LogInteractionInput, UpdateInteractionInput } from './dto/interaction.inputs.js';
import { Interaction } from './interaction.entity.js';

const INTERACTION = { fr: 'Intervention', en: 'Interaction' };

/** Interactions logged on files (docs/domain.md): dated inside the file's active interval, never in the future. */
@Injectable()
export class InteractionsService {
  private readonly recentLoaders = new Map<number, LoaderDefinition<string, Interaction[]>>();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
    private readonly accompaniments: AccompanimentsService,
  ) {}

  private get db() {
    return this.unitOfWork.manager;
  }

  /**
   * The `limit` newest interactions of each file, in one statement for all the files of a request
   * (a LATERAL join per file on the (accompaniment_id, occurred_on DESC…) index). Callers pass files they may see.
   */
  recentByFile(limit: number): LoaderDefinition<string, Interaction[]> {
    let definition = this.recentLoaders.get(limit);
    if (!definition) {
      definition = groupedLoader<string, Interaction>(
        `recentInteractionsByFile:${limit}`,
        (fileIds) =>
          this.db
            .createQueryBuilder(Interaction, 'interaction')
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
            .getMany(),
        (interaction) => interaction.accompanimentId,
      );
      this.recentLoaders.set(limit, definition);
    }
    return definition;
  }

  /** Number of interactions of each file. */
  readonly countByFile = new LoaderDefinition<string, number>('interactionCountByFile', async (fileIds) => {
    const rows: { accompaniment_id: string; n: number }[] = await this.db.query(
      `SELECT accompaniment_id, count(*)::int AS n FROM interactions WHERE accompaniment_id = ANY($1::uuid[]) GROUP BY 1`,
      [[...fileIds]],
    );
    const counts = new Map(rows.map((row) => [row.accompaniment_id, row.n]));
    return fileIds.map((id) => counts.get(id) ?? 0);
  });

  /** An interaction of a file the caller may see (out of scope: null, as if absent). */
  async interactionInScope(ctx: RequestContext, id: string): Promise<Interaction | null> {
    const interaction = await this.db.findOneBy(Interaction, { id });
    return interaction && (await this.accompaniments.accompaniment(ctx, interaction.accompanimentId)) ? interaction : null;
  }

  async interactions(ctx: RequestContext, args: InteractionsArgs): Promise<Page<Interaction>> {
    const file = await this.accompaniments.accompaniment(ctx, args.accompanimentId);
    if (!file) throw new NotFoundError({ fr: 'Dossier d’accompagnement', en: 'Accompaniment file' }, args.accompanimentId);
    const query = this.db
      .createQueryBuilder(Interaction, 'interaction')
      .where('interaction.accompaniment_id = :fileId', { fileId: file.id });
    return paginate(query, {
      first: args.first,
      after: args.after,
      sort: [
        { expression: 'interaction.occurred_on', direction: 'DESC' },
        { expression: 'extract(epoch FROM interaction.created_at)::numeric', direction: 'DESC' },
        { expression: 'interaction.id', direction: 'DESC' },
      ],
    });
  }

  async logInteraction(ctx: RequestContext, input: LogInteractionInput): Promise<Interaction> {
    const file = await this.accompaniments.fileForWrite(ctx, input.accompanimentId);
    this.assertInsideFile(file, input.occurredOn, 'input.occurredOn');
    const result = await this.db.insert(Interaction, {
      accompanimentId: file.id,
      advisorId: ctx.actorId!,
      occurredOn: input.occurredOn,
      kind: input.kind,
      mode: input.mode,
      durationMinutes: input.durationMinutes,
      summary: input.summary,
    });
    const id = (result.identifiers[0] as { id: string }).id;
    const created = await this.db.findOneByOrFail(Interaction, { id });
    await this.audit.record(ctx, { action: 'create', entityType: 'Interaction', entityId: id, after: created });
    return created;
  }

  async updateInteraction(ctx: RequestContext, input: UpdateInteractionInput): Promise<Interaction> {
    const before = await this.db.findOneBy(Interaction, { id: input.id });
    if (!before) throw new NotFoundError(INTERACTION, input.id);
    const file = await this.accompaniments.fileForWrite(ctx, before.accompanimentId);
    const { id, version, ...fields } = input;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null)) as Partial<Interaction>;
    if (Object.keys(changes).length === 0) throw BadUserInputError.field('input', 'field.noChange');
    if (changes.occurredOn) this.assertInsideFile(file, changes.occurredOn, 'input.occurredOn');
    await updateWithVersion(this.db, Interaction, { id }, version, changes, 'Interaction');
    const after = await this.db.findOneByOrFail(Interaction, { id });
    await this.audit.record(ctx, { action: 'update', entityType: 'Interaction', entityId: id, before, after });
    return after;
  }

  private assertInsideFile(file: Accompaniment, date: string, field: string): void {
    assertNotFuture(date, field);
    if (date < file.openedOn) throw BadUserInputError.field(field, 'field.beforeOpening', { openedOn: file.openedOn });
    if (file.closedOn && date > file.closedOn) {
      throw BadUserInputError.field(field, 'field.afterClosing', { closedOn: file.closedOn });
    }
  }
}
