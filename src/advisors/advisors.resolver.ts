import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Ctx, Roles } from '../auth/auth.decorators.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Connection } from '../graphql/pagination/connection.type.js';
import { Region } from '../reference-data/region.entity.js';
import { RegionalDirection } from '../reference-data/regional-direction.entity.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { ServicePoint } from '../reference-data/service-point.entity.js';
import { Advisor } from './advisor.entity.js';
import { AdvisorsService } from './advisors.service.js';
import { AdvisorsArgs, CreateAdvisorInput, UpdateAdvisorInput } from './dto/advisor.inputs.js';
import { IdempotentReplays } from '../database/idempotent-replays.js';
import type { OnModuleInit } from '@nestjs/common';
import { ownRegionCodes } from '../auth/own-regions.sql.js';
import { SqlField } from '../graphql/compiled-lists/sql-relation.decorator.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import { ListNodes } from '../graphql/compiled-lists/list-nodes.decorator.js';

const AdvisorConnection = Connection(Advisor);

@Resolver(() => Advisor)
export class AdvisorsResolver implements OnModuleInit {
  constructor(
    private readonly advisorsService: AdvisorsService,
    private readonly referenceData: ReferenceDataService,
    private readonly replays: IdempotentReplays,
  ) {}

  /** Replays of an Idempotency-Key read the result again as this module reads it by id. */
  onModuleInit(): void {
    this.replays.register('Advisor', (ctx, id) => this.advisorsService.advisor(ctx, id));
  }

  @Query(() => Advisor, { description: 'La personne authentifiée' })
  me(@Ctx() ctx: RequestContext) {
    return this.advisorsService.me(ctx);
  }

  @Query(() => Advisor, { nullable: true })
  advisor(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.advisorsService.advisor(ctx, id);
  }

  @Query(() => AdvisorConnection, { description: 'Utilisatrices et utilisateurs, par nom' })
  advisors(@Ctx() ctx: RequestContext, @Args() args: AdvisorsArgs, @ListNodes() nodes: CompiledNodes | null) {
    return this.advisorsService.advisors(ctx, args, nodes);
  }

  @Mutation(() => Advisor, { description: 'ADMIN : créer une utilisatrice ou un utilisateur' })
  @Roles(Role.ADMIN)
  createAdvisor(@Ctx() ctx: RequestContext, @Args('input') input: CreateAdvisorInput) {
    return this.advisorsService.createAdvisor(ctx, input);
  }

  @Mutation(() => Advisor, { description: 'ADMIN : modifier, changer le rôle ou les régions, désactiver' })
  @Roles(Role.ADMIN)
  updateAdvisor(@Ctx() ctx: RequestContext, @Args('input') input: UpdateAdvisorInput) {
    return this.advisorsService.updateAdvisor(ctx, input);
  }

  @ResolveField(() => [Region], {
    description: 'Ses régions : celles qui lui sont assignées, ou pour un MANAGER celles de sa direction',
  })
  @SqlField(() => Advisor, {
    kind: 'many',
    to: () => Region,
    where: ({ parent, row }) => `${row}.code IN (${ownRegionCodes(parent)})`,
    orderBy: (row) => `${row}.code`,
  })
  regions(@Parent() advisor: Advisor, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.advisorsService.regionsByAdvisor, advisor.id);
  }

  @ResolveField(() => RegionalDirection, { nullable: true })
  @SqlField(() => Advisor, { kind: 'one', to: () => RegionalDirection, where: ({ parent, row }) => `${row}.code = ${parent}.direction_code` })
  direction(@Parent() advisor: Advisor, @Context() { loaders }: GraphQLContext) {
    return advisor.directionCode ? loaders.load(this.referenceData.directionByCode, advisor.directionCode) : null;
  }

  @ResolveField(() => ServicePoint, { nullable: true })
  @SqlField(() => Advisor, { kind: 'one', to: () => ServicePoint, where: ({ parent, row }) => `${row}.id = ${parent}.service_point_id` })
  servicePoint(@Parent() advisor: Advisor, @Context() { loaders }: GraphQLContext) {
    return advisor.servicePointId ? loaders.load(this.referenceData.servicePointById, advisor.servicePointId) : null;
  }
}

/** `AuditEntry.actor`, resolved here because the audit module sits below advisors. */
@Resolver(() => AuditEntry)
export class AuditEntryActorResolver {
  constructor(private readonly advisorsService: AdvisorsService) {}

  @ResolveField(() => Advisor, { nullable: true, description: 'Auteur de la modification' })
  actor(@Parent() entry: AuditEntry, @Context() { loaders }: GraphQLContext) {
    return entry.actorId ? loaders.load(this.advisorsService.advisorById, entry.actorId) : null;
  }
}
