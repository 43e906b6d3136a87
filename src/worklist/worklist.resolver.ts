import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Accompaniment } from '../accompaniments/accompaniment.entity.js';
import { AccompanimentsService } from '../accompaniments/accompaniments.service.js';
import { Ctx, Roles } from '../auth/auth.decorators.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { CompaniesService } from '../companies/companies.service.js';
import { Company } from '../companies/company.entity.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { JourneesQuebecEvent } from '../journees-quebec/journees-quebec-event.entity.js';
import { JourneesQuebecEventsService } from '../journees-quebec/journees-quebec-events.service.js';
import { PortailReferral } from '../portail-referrals/portail-referral.entity.js';
import { PortailReferralsService } from '../portail-referrals/portail-referrals.service.js';
import { RecruitmentNeed } from '../recruitment-needs/recruitment-need.entity.js';
import { RecruitmentNeedsService } from '../recruitment-needs/recruitment-needs.service.js';
import { WorklistItem } from './worklist-item.type.js';
import { WorklistService } from './worklist.service.js';

@Resolver(() => WorklistItem)
export class WorklistResolver {
  constructor(
    private readonly worklist: WorklistService,
    private readonly companies: CompaniesService,
    private readonly files: AccompanimentsService,
    private readonly needs: RecruitmentNeedsService,
    private readonly events: JourneesQuebecEventsService,
    private readonly referrals: PortailReferralsService,
  ) {}

  @Query(() => [WorklistItem], { description: 'Ce qui demande votre attention, le plus urgent d’abord' })
  @Roles(Role.ADVISOR, Role.MANAGER, Role.ADMIN)
  myWorklist(@Ctx() ctx: RequestContext) {
    return this.worklist.myWorklist(ctx);
  }

  @ResolveField(() => Company)
  company(@Parent() item: WorklistItem, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.companies.companyById, item.companyId);
  }

  @ResolveField(() => Accompaniment, { nullable: true })
  accompaniment(@Parent() item: WorklistItem, @Context() { loaders }: GraphQLContext) {
    return item.accompanimentId ? loaders.load(this.files.accompanimentById, item.accompanimentId) : null;
  }

  @ResolveField(() => RecruitmentNeed, { nullable: true })
  recruitmentNeed(@Parent() item: WorklistItem, @Context() { loaders }: GraphQLContext) {
    return item.recruitmentNeedId ? loaders.load(this.needs.needById, item.recruitmentNeedId) : null;
  }

  @ResolveField(() => PortailReferral, { nullable: true })
  portailReferral(@Parent() item: WorklistItem, @Context() { loaders }: GraphQLContext) {
    return item.portailReferralId ? loaders.load(this.referrals.referralById, item.portailReferralId) : null;
  }

  @ResolveField(() => JourneesQuebecEvent, { nullable: true, description: 'L’événement dont l’inscription ferme bientôt' })
  event(@Parent() item: WorklistItem, @Context() { loaders }: GraphQLContext) {
    return item.eventId ? loaders.load(this.events.eventById, item.eventId) : null;
  }
}
