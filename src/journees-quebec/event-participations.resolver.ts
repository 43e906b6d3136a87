import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Advisor } from '../advisors/advisor.entity.js';
import { AdvisorsService } from '../advisors/advisors.service.js';
import { Ctx, Roles } from '../auth/auth.decorators.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { CompaniesService } from '../companies/companies.service.js';
import { Company } from '../companies/company.entity.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { RecruitmentNeed } from '../recruitment-needs/recruitment-need.entity.js';
import { ParticipationChangeArgs, RecordEventOutcomeInput, RegisterForEventInput } from './dto/event-participation.inputs.js';
import { EventParticipation } from './event-participation.entity.js';
import { EventParticipationsService } from './event-participations.service.js';
import { JourneesQuebecEvent } from './journees-quebec-event.entity.js';
import { JourneesQuebecEventsService } from './journees-quebec-events.service.js';
import { IdempotentReplays } from '../database/idempotent-replays.js';
import type { OnModuleInit } from '@nestjs/common';
import { SqlField } from '../graphql/compiled-lists/sql-relation.decorator.js';

/** Participations: ADVISOR, MANAGER and ADMIN, for companies of their regions (docs/domain.md); ANALYST never. */
@Resolver(() => EventParticipation)
@Roles(Role.ADVISOR, Role.MANAGER, Role.ADMIN)
export class EventParticipationsResolver implements OnModuleInit {
  constructor(
    private readonly participations: EventParticipationsService,
    private readonly events: JourneesQuebecEventsService,
    private readonly companies: CompaniesService,
    private readonly advisors: AdvisorsService,
    private readonly replays: IdempotentReplays,
  ) {}

  /** Replays of an Idempotency-Key read the result again as this module reads it by id. */
  onModuleInit(): void {
    this.replays.register('EventParticipation', (ctx, id) => this.participations.participation(ctx, id));
  }

  @Query(() => EventParticipation, { nullable: true, description: 'Une participation d’une entreprise de vos régions' })
  eventParticipation(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.participations.participation(ctx, id);
  }

  @Mutation(() => EventParticipation, {
    description:
      'Inscrire une entreprise de vos régions à un événement ouvert aux inscriptions, au plus tard à la date limite ' +
      '(une seule fois par événement : CONFLICT sinon), avec les besoins de main-d’œuvre qu’elle y présente',
  })
  registerForEvent(@Ctx() ctx: RequestContext, @Args('input') input: RegisterForEventInput) {
    return this.participations.register(ctx, input);
  }

  @Mutation(() => EventParticipation, {
    description: 'Confirmer une participation inscrite (REGISTERED → CONFIRMED), tant que l’événement est ouvert aux inscriptions',
  })
  confirmParticipation(@Ctx() ctx: RequestContext, @Args() args: ParticipationChangeArgs) {
    return this.participations.confirm(ctx, args);
  }

  @Mutation(() => EventParticipation, { description: 'Désistement : REGISTERED ou CONFIRMED → WITHDRAWN' })
  withdrawFromEvent(@Ctx() ctx: RequestContext, @Args() args: ParticipationChangeArgs) {
    return this.participations.withdraw(ctx, args);
  }

  @Mutation(() => EventParticipation, {
    description: 'L’entreprise était présente : REGISTERED ou CONFIRMED → ATTENDED, une fois l’événement commencé',
  })
  markAttended(@Ctx() ctx: RequestContext, @Args() args: ParticipationChangeArgs) {
    return this.participations.markAttended(ctx, args);
  }

  @Mutation(() => EventParticipation, {
    description:
      'Consigner (ou corriger) les résultats d’une entreprise présente (ATTENDED) : embauches ≤ promesses ≤ ' +
      'entrevues ≤ candidats rencontrés',
  })
  recordEventOutcome(@Ctx() ctx: RequestContext, @Args('input') input: RecordEventOutcomeInput) {
    return this.participations.recordOutcome(ctx, input);
  }

  @ResolveField(() => JourneesQuebecEvent)
  @SqlField(() => EventParticipation, { kind: 'one', to: () => JourneesQuebecEvent, where: ({ parent, row }) => `${row}.id = ${parent}.event_id` })
  event(@Parent() participation: EventParticipation, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.events.eventById, participation.eventId);
  }

  @ResolveField(() => Company)
  @SqlField(() => EventParticipation, { kind: 'one', to: () => Company, where: ({ parent, row }) => `${row}.id = ${parent}.company_id` })
  company(@Parent() participation: EventParticipation, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.companies.companyById, participation.companyId);
  }

  @ResolveField(() => Advisor, { description: 'Qui a inscrit l’entreprise' })
  @SqlField(() => EventParticipation, { kind: 'one', to: () => Advisor, where: ({ parent, row }) => `${row}.id = ${parent}.advisor_id` })
  advisor(@Parent() participation: EventParticipation, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.advisors.advisorById, participation.advisorId);
  }

  @ResolveField(() => [RecruitmentNeed], { description: 'Besoins de main-d’œuvre présentés à l’événement' })
  @SqlField(() => EventParticipation, {
    kind: 'many',
    to: () => RecruitmentNeed,
    // As EventParticipationRepository.needsOf: unscoped (the participation is), by CNP code.
    where: ({ parent, row }) =>
      `${row}.id IN (SELECT link.recruitment_need_id FROM event_participation_needs link WHERE link.participation_id = ${parent}.id)`,
    orderBy: (row) => `${row}.noc_code, ${row}.id`,
  })
  recruitmentNeeds(@Parent() participation: EventParticipation, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.participations.needsByParticipation, participation.id);
  }

  @ResolveField(() => Int, { description: 'Postes offerts : somme des postes des besoins présentés' })
  @SqlField(() => EventParticipation, {
    kind: 'value',
    value: ({ parent }) =>
      `(SELECT coalesce(sum(need.positions), 0)::int FROM event_participation_needs link
         JOIN recruitment_needs need ON need.id = link.recruitment_need_id WHERE link.participation_id = ${parent}.id)`,
  })
  positionsOffered(@Parent() participation: EventParticipation, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.participations.positionsOfferedByParticipation, participation.id);
  }
}
