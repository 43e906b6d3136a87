import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Accompaniment } from '../accompaniments/accompaniment.entity.js';
import { AccompanimentsService } from '../accompaniments/accompaniments.service.js';
import { Advisor } from '../advisors/advisor.entity.js';
import { AdvisorsService } from '../advisors/advisors.service.js';
import { Ctx, Roles } from '../auth/auth.decorators.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { todayInQuebec } from '../common/calendar.js';
import { CompaniesService } from '../companies/companies.service.js';
import { Company } from '../companies/company.entity.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Connection } from '../graphql/pagination/connection.type.js';
import {
  AdvancePortailReferralInput,
  PortailFunnelArgs,
  PortailReferralsArgs,
  ReferToPortailInput,
} from './dto/portail-referral.inputs.js';
import { PortailFunnel } from './portail-funnel.type.js';
import { resolvePeriod } from '../common/period.js';
import { PortailReferral } from './portail-referral.entity.js';
import { PortailReferralsService } from './portail-referrals.service.js';
import { IdempotentReplays } from '../database/idempotent-replays.js';
import type { OnModuleInit } from '@nestjs/common';
import { boundRegionScope } from '../auth/region-scope.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import { ListNodes } from '../graphql/compiled-lists/list-nodes.decorator.js';
import { SqlField } from '../graphql/compiled-lists/sql-relation.decorator.js';

const PortailReferralConnection = Connection(PortailReferral);

/**
 * Portail employeurs referrals: ADVISOR, MANAGER and ADMIN in their regions; the funnel's counts for every role,
 * an ADVISOR's limited to their regions (docs/domain.md, Roles and permissions).
 */
@Resolver(() => PortailReferral)
@Roles(Role.ADVISOR, Role.MANAGER, Role.ADMIN)
export class PortailReferralsResolver implements OnModuleInit {
  constructor(
    private readonly referrals: PortailReferralsService,
    private readonly companies: CompaniesService,
    private readonly files: AccompanimentsService,
    private readonly advisors: AdvisorsService,
    private readonly replays: IdempotentReplays,
  ) {}

  /** Replays of an Idempotency-Key read the result again as this module reads it by id. */
  onModuleInit(): void {
    this.replays.register('PortailReferral', (ctx, id) => this.referrals.portailReferral(ctx, id));
  }

  @Query(() => PortailReferral, { nullable: true, description: 'Un référencement au Portail employeurs de vos régions' })
  portailReferral(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.referrals.portailReferral(ctx, id);
  }

  @Query(() => PortailReferralConnection, {
    description: 'Référencements au Portail employeurs de vos régions (région de l’entreprise), les plus récents d’abord',
  })
  portailReferrals(@Ctx() ctx: RequestContext, @Args() args: PortailReferralsArgs, @ListNodes() nodes: CompiledNodes | null) {
    return this.referrals.portailReferrals(ctx, args, nodes);
  }

  @Query(() => PortailFunnel, {
    description:
      'Entonnoir des référencements faits dans la période : combien ont atteint chaque étape, refusés, abandonnés, ' +
      'taux de conversion. ADVISOR : ses régions seulement',
  })
  @Roles(Role.ADVISOR, Role.MANAGER, Role.ANALYST, Role.ADMIN)
  portailFunnel(@Ctx() ctx: RequestContext, @Args() args: PortailFunnelArgs) {
    return this.referrals.funnel(ctx, resolvePeriod(args.period, todayInQuebec()), args.regionCodes);
  }

  @Mutation(() => PortailReferral, {
    description:
      'Référer une entreprise de vos régions au Portail employeurs (un seul référencement ouvert par entreprise : ' +
      'CONFLICT sinon)',
  })
  referToPortail(@Ctx() ctx: RequestContext, @Args('input') input: ReferToPortailInput) {
    return this.referrals.referToPortail(ctx, input);
  }

  @Mutation(() => PortailReferral, {
    description:
      'Faire avancer un référencement : étapes en avant seulement (les étapes sautées gardent une date nulle), ' +
      'ou DECLINED / ABANDONED depuis une étape ouverte ; rien après HIRED, DECLINED ou ABANDONED',
  })
  advancePortailReferral(@Ctx() ctx: RequestContext, @Args('input') input: AdvancePortailReferralInput) {
    return this.referrals.advancePortailReferral(ctx, input);
  }

  @ResolveField(() => Company)
  @SqlField(() => PortailReferral, { kind: 'one', to: () => Company, where: ({ parent, row }) => `${row}.id = ${parent}.company_id` })
  company(@Parent() referral: PortailReferral, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.companies.companyById, referral.companyId);
  }

  @ResolveField(() => Accompaniment, {
    nullable: true,
    description: 'Dossier d’accompagnement lié (nul s’il n’y en a pas ou s’il est hors de vos régions)',
  })
  @SqlField(() => PortailReferral, {
    kind: 'one',
    to: () => Accompaniment,
    where: ({ parent, row, bind }) => `${row}.id = ${parent}.accompaniment_id AND ${boundRegionScope(`${row}.region_code`, bind)}`,
  })
  accompaniment(@Parent() referral: PortailReferral, @Context() { loaders }: GraphQLContext) {
    return referral.accompanimentId ? loaders.load(this.files.accompanimentById, referral.accompanimentId) : null;
  }

  @ResolveField(() => Advisor, { description: 'Qui a fait le référencement' })
  @SqlField(() => PortailReferral, { kind: 'one', to: () => Advisor, where: ({ parent, row }) => `${row}.id = ${parent}.advisor_id` })
  advisor(@Parent() referral: PortailReferral, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.advisors.advisorById, referral.advisorId);
  }
}
