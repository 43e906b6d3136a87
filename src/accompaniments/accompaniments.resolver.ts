import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Advisor } from '../advisors/advisor.entity.js';
import { AdvisorsService } from '../advisors/advisors.service.js';
import { Ctx, Roles } from '../auth/auth.decorators.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { CompaniesService } from '../companies/companies.service.js';
import { Company } from '../companies/company.entity.js';
import { BadUserInputError } from '../errors/domain.errors.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Connection } from '../graphql/pagination/connection.type.js';
import { Region } from '../reference-data/region.entity.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { Accompaniment } from './accompaniment.entity.js';
import { AccompanimentsService } from './accompaniments.service.js';
import {
  AccompanimentsArgs,
  CloseAccompanimentInput,
  OpenAccompanimentInput,
  PutAccompanimentOnHoldInput,
  ReassignAccompanimentInput,
  ResumeAccompanimentInput,
} from './dto/accompaniment.inputs.js';
import { Interaction } from './interaction.entity.js';
import { InteractionsService } from './interactions.service.js';
import { IdempotentReplays } from '../database/idempotent-replays.js';
import type { OnModuleInit } from '@nestjs/common';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import { ListNodes } from '../graphql/compiled-lists/list-nodes.decorator.js';
import { SqlField } from '../graphql/compiled-lists/sql-relation.decorator.js';

/** `Accompaniment.interactions(first)`: 20 by default, 200 at most. */
function recentInteractionsLimit(first: unknown): number {
  if (!Number.isInteger(first) || (first as number) < 1 || (first as number) > 200) {
    throw BadUserInputError.field('first', 'field.intRange', { min: 1, max: 200 });
  }
  return first as number;
}

const AccompanimentConnection = Connection(Accompaniment);

/** Accompaniment files: ADVISOR, MANAGER and ADMIN, in their regions (docs/domain.md, Roles and permissions). */
@Resolver(() => Accompaniment)
@Roles(Role.ADVISOR, Role.MANAGER, Role.ADMIN)
export class AccompanimentsResolver implements OnModuleInit {
  constructor(
    private readonly files: AccompanimentsService,
    private readonly interactionsService: InteractionsService,
    private readonly companies: CompaniesService,
    private readonly advisors: AdvisorsService,
    private readonly referenceData: ReferenceDataService,
    private readonly replays: IdempotentReplays,
  ) {}

  /** Replays of an Idempotency-Key read the result again as this module reads it by id. */
  onModuleInit(): void {
    this.replays.register('Accompaniment', (ctx, id) => this.files.accompaniment(ctx, id));
  }

  @Query(() => Accompaniment, { nullable: true, description: 'Un dossier de vos régions' })
  accompaniment(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.files.accompaniment(ctx, id);
  }

  @Query(() => AccompanimentConnection, { description: 'Dossiers de vos régions, les plus récents d’abord' })
  accompaniments(@Ctx() ctx: RequestContext, @Args() args: AccompanimentsArgs, @ListNodes() nodes: CompiledNodes | null) {
    return this.files.accompaniments(ctx, args, nodes);
  }

  @Mutation(() => Accompaniment, {
    description: 'Ouvrir un dossier (un seul dossier ouvert ou en suspens par entreprise et région : CONFLICT sinon)',
  })
  openAccompaniment(@Ctx() ctx: RequestContext, @Args('input') input: OpenAccompanimentInput) {
    return this.files.openAccompaniment(ctx, input);
  }

  @Mutation(() => Accompaniment, { description: 'Mettre un dossier ouvert en suspens' })
  putAccompanimentOnHold(@Ctx() ctx: RequestContext, @Args('input') input: PutAccompanimentOnHoldInput) {
    return this.files.putOnHold(ctx, input);
  }

  @Mutation(() => Accompaniment, { description: 'Reprendre un dossier en suspens' })
  resumeAccompaniment(@Ctx() ctx: RequestContext, @Args('input') input: ResumeAccompanimentInput) {
    return this.files.resume(ctx, input);
  }

  @Mutation(() => Accompaniment, { description: 'Fermer un dossier (date de fermeture, résultat facultatif)' })
  closeAccompaniment(@Ctx() ctx: RequestContext, @Args('input') input: CloseAccompanimentInput) {
    return this.files.close(ctx, input);
  }

  @Mutation(() => Accompaniment, { description: 'MANAGER (sa direction) ou ADMIN : réassigner un dossier' })
  @Roles(Role.MANAGER, Role.ADMIN)
  reassignAccompaniment(@Ctx() ctx: RequestContext, @Args('input') input: ReassignAccompanimentInput) {
    return this.files.reassign(ctx, input);
  }

  @ResolveField(() => Company)
  @SqlField(() => Accompaniment, { kind: 'one', to: () => Company, where: ({ parent, row }) => `${row}.id = ${parent}.company_id` })
  company(@Parent() file: Accompaniment, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.companies.companyById, file.companyId);
  }

  @ResolveField(() => Advisor, { description: 'Conseillère ou conseiller responsable' })
  @SqlField(() => Accompaniment, { kind: 'one', to: () => Advisor, where: ({ parent, row }) => `${row}.id = ${parent}.advisor_id` })
  advisor(@Parent() file: Accompaniment, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.advisors.advisorById, file.advisorId);
  }

  @ResolveField(() => Region, { description: 'Région de service' })
  @SqlField(() => Accompaniment, { kind: 'one', to: () => Region, where: ({ parent, row }) => `${row}.code = ${parent}.region_code` })
  region(@Parent() file: Accompaniment, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.referenceData.regionByCode, file.regionCode);
  }

  @ResolveField(() => [Interaction], {
    description: 'Les interventions les plus récentes (20 par défaut, 200 au plus) ; toutes : requête `interactions`',
  })
  @SqlField(() => Accompaniment, {
    kind: 'many',
    to: () => Interaction,
    where: ({ parent, row }) => `${row}.accompaniment_id = ${parent}.id`,
    orderBy: (row) => `${row}.occurred_on DESC, ${row}.created_at DESC, ${row}.id DESC`,
    limit: ({ bind }) => `${bind(({ args }) => recentInteractionsLimit(args.first))}::int`,
  })
  interactions(
    @Parent() file: Accompaniment,
    @Context() { loaders }: GraphQLContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
  ) {
    return loaders.load(this.interactionsService.recentByFile(recentInteractionsLimit(first)), file.id);
  }

  @ResolveField(() => Int, { description: 'Nombre d’interventions consignées' })
  @SqlField(() => Accompaniment, {
    kind: 'value',
    value: ({ parent }) => `(SELECT count(*)::int FROM interactions i WHERE i.accompaniment_id = ${parent}.id)`,
  })
  interactionCount(@Parent() file: Accompaniment, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.interactionsService.countByFile, file.id);
  }
}
