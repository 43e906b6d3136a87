import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, Roles } from '../auth/auth.decorators.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Connection } from '../graphql/pagination/connection.type.js';
import {
  CreateJourneesQuebecEventInput,
  JourneesQuebecEventsArgs,
  UpdateJourneesQuebecEventInput,
} from './dto/journees-quebec-event.inputs.js';
import { EventParticipation } from './event-participation.entity.js';
import { EventParticipationsService } from './event-participations.service.js';
import { JourneesQuebecEventSummary } from './event-summary.types.js';
import { JourneesQuebecEvent } from './journees-quebec-event.entity.js';
import { JourneesQuebecEventsService } from './journees-quebec-events.service.js';
import { IdempotentReplays } from '../database/idempotent-replays.js';
import type { OnModuleInit } from '@nestjs/common';
import { boundRegionScope } from '../auth/region-scope.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import { ListNodes } from '../graphql/compiled-lists/list-nodes.decorator.js';
import { SqlField } from '../graphql/compiled-lists/sql-relation.decorator.js';

const JourneesQuebecEventConnection = Connection(JourneesQuebecEvent);

/** Events: every role reads them; ADMIN and MANAGER create and edit them. */
@Resolver(() => JourneesQuebecEvent)
export class JourneesQuebecEventsResolver implements OnModuleInit {
  constructor(
    private readonly events: JourneesQuebecEventsService,
    private readonly participationsService: EventParticipationsService,
    private readonly replays: IdempotentReplays,
  ) {}

  /** Replays of an Idempotency-Key read the result again as this module reads it by id. */
  onModuleInit(): void {
    this.replays.register('JourneesQuebecEvent', (ctx, id) => this.events.event(ctx, id));
  }

  @Query(() => JourneesQuebecEvent, { nullable: true, description: 'Un événement Journées Québec' })
  journeesQuebecEvent(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.events.event(ctx, id);
  }

  @Query(() => JourneesQuebecEventConnection, { description: 'Événements Journées Québec, les plus récents d’abord' })
  journeesQuebecEvents(@Ctx() ctx: RequestContext, @Args() args: JourneesQuebecEventsArgs, @ListNodes() nodes: CompiledNodes | null) {
    return this.events.events(ctx, args, nodes);
  }

  @Mutation(() => JourneesQuebecEvent, {
    description: 'ADMIN ou MANAGER : créer un événement (état PLANNED, ou REGISTRATION_OPEN si demandé)',
  })
  @Roles(Role.ADMIN, Role.MANAGER)
  createJourneesQuebecEvent(@Ctx() ctx: RequestContext, @Args('input') input: CreateJourneesQuebecEventInput) {
    return this.events.createEvent(ctx, input);
  }

  @Mutation(() => JourneesQuebecEvent, {
    description: 'ADMIN ou MANAGER : modifier un événement ou changer son état (avec la version lue)',
  })
  @Roles(Role.ADMIN, Role.MANAGER)
  updateJourneesQuebecEvent(@Ctx() ctx: RequestContext, @Args('input') input: UpdateJourneesQuebecEventInput) {
    return this.events.updateEvent(ctx, input);
  }

  @ResolveField(() => [EventParticipation], {
    description: 'Entreprises inscrites, de vos régions seulement (liste vide pour ANALYST), par ordre d’inscription',
  })
  @SqlField(() => JourneesQuebecEvent, {
    kind: 'many',
    to: () => EventParticipation,
    // As EventParticipationRepository.ofEvents: scoped by the participating company's region.
    where: ({ parent, row, bind }) =>
      `${row}.event_id = ${parent}.id AND EXISTS (SELECT 1 FROM companies c WHERE c.id = ${row}.company_id AND ${boundRegionScope('c.region_code', bind)})`,
    orderBy: (row) => `${row}.registered_on, ${row}.created_at, ${row}.id`,
  })
  participations(@Parent() event: JourneesQuebecEvent, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.participationsService.participationsByEvent, event.id);
  }

  @ResolveField(() => JourneesQuebecEventSummary, {
    description:
      'Bilan par région des entreprises et au total (désistements exclus). ADMIN, MANAGER et ANALYST : toutes les ' +
      'régions ; ADVISOR : lignes et totaux limités à ses régions (coversAllRegions = false)',
  })
  summary(@Parent() event: JourneesQuebecEvent, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.participationsService.summaryByEvent, event.id);
  }
}
