import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Advisor } from '../advisors/advisor.entity.js';
import { AdvisorsService } from '../advisors/advisors.service.js';
import { Ctx, Roles } from '../auth/auth.decorators.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Connection } from '../graphql/pagination/connection.type.js';
import { Accompaniment } from './accompaniment.entity.js';
import { AccompanimentsService } from './accompaniments.service.js';
import { InteractionsArgs, LogInteractionInput, UpdateInteractionInput } from './dto/interaction.inputs.js';
import { Interaction } from './interaction.entity.js';
import { InteractionsService } from './interactions.service.js';
import { IdempotentReplays } from '../database/idempotent-replays.js';
import type { OnModuleInit } from '@nestjs/common';
import { boundRegionScope } from '../auth/region-scope.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import { ListNodes } from '../graphql/compiled-lists/list-nodes.decorator.js';
import { SqlField } from '../graphql/compiled-lists/sql-relation.decorator.js';

const InteractionConnection = Connection(Interaction);

@Resolver(() => Interaction)
@Roles(Role.ADVISOR, Role.MANAGER, Role.ADMIN)
export class InteractionsResolver implements OnModuleInit {
  constructor(
    private readonly interactionsService: InteractionsService,
    private readonly files: AccompanimentsService,
    private readonly advisors: AdvisorsService,
    private readonly replays: IdempotentReplays,
  ) {}

  /** Replays of an Idempotency-Key read the result again as this module reads it by id. */
  onModuleInit(): void {
    this.replays.register('Interaction', (ctx, id) => this.interactionsService.interactionInScope(ctx, id));
  }

  @Query(() => InteractionConnection, { description: 'Les interventions d’un dossier de vos régions, les plus récentes d’abord' })
  interactions(@Ctx() ctx: RequestContext, @Args() args: InteractionsArgs, @ListNodes() nodes: CompiledNodes | null) {
    return this.interactionsService.interactions(ctx, args, nodes);
  }

  @Mutation(() => Interaction, { description: 'Consigner une intervention dans un dossier de vos régions' })
  logInteraction(@Ctx() ctx: RequestContext, @Args('input') input: LogInteractionInput) {
    return this.interactionsService.logInteraction(ctx, input);
  }

  @Mutation(() => Interaction, { description: 'Modifier une intervention (avec la version lue)' })
  updateInteraction(@Ctx() ctx: RequestContext, @Args('input') input: UpdateInteractionInput) {
    return this.interactionsService.updateInteraction(ctx, input);
  }

  @ResolveField(() => Advisor, { description: 'Qui a consigné l’intervention' })
  @SqlField(() => Interaction, { kind: 'one', to: () => Advisor, where: ({ parent, row }) => `${row}.id = ${parent}.advisor_id` })
  advisor(@Parent() interaction: Interaction, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.advisors.advisorById, interaction.advisorId);
  }

  @ResolveField(() => Accompaniment)
  @SqlField(() => Interaction, {
    kind: 'one',
    to: () => Accompaniment,
    where: ({ parent, row, bind }) => `${row}.id = ${parent}.accompaniment_id AND ${boundRegionScope(`${row}.region_code`, bind)}`,
  })
  accompaniment(@Parent() interaction: Interaction, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.files.accompanimentById, interaction.accompanimentId);
  }
}
