import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../auth/request-context.js';
import { assertNotFuture } from '../common/date-rules.js';
import { groupedLoader, LoaderDefinition } from '../database/batch-loaders.js';
import type { Page } from '../database/keyset-pagination.js';
import { BadUserInputError, NotFoundError } from '../errors/domain.errors.js';
import type { Accompaniment } from './accompaniment.entity.js';
import { AccompanimentsService } from './accompaniments.service.js';
import type { InteractionsArgs, LogInteractionInput, UpdateInteractionInput } from './dto/interaction.inputs.js';
import type { Interaction } from './interaction.entity.js';
import { InteractionRepository } from './interaction.repository.js';

/** Interactions logged on files (docs/domain.md): dated inside the file's active interval, never in the future. */
@Injectable()
export class InteractionsService {
  private readonly recentLoaders = new Map<number, LoaderDefinition<string, Interaction[]>>();

  constructor(
    private readonly repository: InteractionRepository,
    private readonly audit: AuditService,
    private readonly accompaniments: AccompanimentsService,
  ) {}

  /** The `limit` newest interactions of each file, in one statement (callers pass files they may see). */
  recentByFile(limit: number): LoaderDefinition<string, Interaction[]> {
    let definition = this.recentLoaders.get(limit);
    if (!definition) {
      definition = groupedLoader<string, Interaction>(
        `recentInteractionsByFile:${limit}`,
        (fileIds) => this.repository.recentOfFiles(fileIds, limit),
        (interaction) => interaction.accompanimentId,
      );
      this.recentLoaders.set(limit, definition);
    }
    return definition;
  }

  /** Number of interactions of each file. */
  readonly countByFile = new LoaderDefinition<string, number>('interactionCountByFile', async (fileIds) => {
    const counts = await this.repository.countsOfFiles(fileIds);
    return fileIds.map((id) => counts.get(id) ?? 0);
  });

  /** An interaction of a file the caller may see (out of scope: null, as if absent). */
  async interactionInScope(ctx: RequestContext, id: string): Promise<Interaction | null> {
    const interaction = await this.repository.find(id);
    return interaction && (await this.accompaniments.accompaniment(ctx, interaction.accompanimentId)) ? interaction : null;
  }

  async interactions(ctx: RequestContext, args: InteractionsArgs, nodes: CompiledNodes | null = null): Promise<Page<Interaction>> {
    const file = await this.accompaniments.accompaniment(ctx, args.accompanimentId);
    if (!file) throw new NotFoundError('Accompaniment', args.accompanimentId);
    return this.repository.ofFile(file.id, args, nodes);
  }

  async logInteraction(ctx: RequestContext, input: LogInteractionInput): Promise<Interaction> {
    const file = await this.accompaniments.fileForWrite(ctx, input.accompanimentId);
    this.assertInsideFile(file, input.occurredOn, 'input.occurredOn');
    const created = await this.repository.insert({
      accompanimentId: file.id,
      advisorId: ctx.actorId!,
      occurredOn: input.occurredOn,
      kind: input.kind,
      mode: input.mode,
      durationMinutes: input.durationMinutes,
      summary: input.summary,
    });
    await this.audit.record(ctx, { action: 'create', entityType: 'Interaction', entityId: created.id, after: created });
    return created;
  }

  async updateInteraction(ctx: RequestContext, input: UpdateInteractionInput): Promise<Interaction> {
    const before = await this.repository.forUpdate(ctx, input.id, input.version);
    const file = await this.accompaniments.fileForWrite(ctx, before.accompanimentId);
    const { id, version: _version, ...fields } = input;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null)) as Partial<Interaction>;
    if (Object.keys(changes).length === 0) throw BadUserInputError.field('input', 'field.noChange');
    if (changes.occurredOn) this.assertInsideFile(file, changes.occurredOn, 'input.occurredOn');
    const after = await this.repository.update(before, changes);
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
