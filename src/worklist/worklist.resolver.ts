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
import { WORKLIST_COLUMNS } from './worklist.repository.js';
import { boundRegionScope } from '../auth/region-scope.js';
import type { CompiledItems } from '../graphql/compiled-lists/compiled-nodes.js';
import { ListItems } from '../graphql/compiled-lists/list-nodes.decorator.js';
import { SqlField } from '../graphql/compiled-lists/sql-relation.decorator.js';

/** A scoped row exists for the item: the row aliased `row` and its company (alias `c`) pass `condition`. */
const withCompany = (row: string, condition: string) => `EXISTS (SELECT 1 FROM companies c WHERE c.id = ${row}.company_id AND ${condition})`;

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
  myWorklist(@Ctx() ctx: RequestContext, @ListItems(WORKLIST_COLUMNS) items: CompiledItems | null) {
    return this.worklist.myWorklist(ctx, items);
  }

  // Compiled, the item's fields are the columns of the worklist's rows (WORKLIST_COLUMNS, WorklistRepository).
  @ResolveField(() => Company)
  @SqlField(() => WorklistItem, { kind: 'one', to: () => Company, where: ({ parent, row }) => `${row}.id = ${parent}.company_id` })
  company(@Parent() item: WorklistItem, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.companies.companyById, item.companyId);
  }

  @ResolveField(() => Accompaniment, { nullable: true })
  @SqlField(() => WorklistItem, {
    kind: 'one',
    to: () => Accompaniment,
    where: ({ parent, row, bind }) => `${row}.id = ${parent}.accompaniment_id AND ${boundRegionScope(`${row}.region_code`, bind)}`,
  })
  accompaniment(@Parent() item: WorklistItem, @Context() { loaders }: GraphQLContext) {
    return item.accompanimentId ? loaders.load(this.files.accompanimentById, item.accompanimentId) : null;
  }

  @ResolveField(() => RecruitmentNeed, { nullable: true })
  @SqlField(() => WorklistItem, {
    kind: 'one',
    to: () => RecruitmentNeed,
    // As RecruitmentNeedRepository.inScope: the company's region or the work region in scope.
    where: ({ parent, row, bind }) =>
      `${row}.id = ${parent}.recruitment_need_id AND ` +
      withCompany(row, `(${boundRegionScope('c.region_code', bind)} OR ${boundRegionScope(`${row}.work_region_code`, bind)})`),
  })
  recruitmentNeed(@Parent() item: WorklistItem, @Context() { loaders }: GraphQLContext) {
    return item.recruitmentNeedId ? loaders.load(this.needs.needById, item.recruitmentNeedId) : null;
  }

  @ResolveField(() => PortailReferral, { nullable: true })
  @SqlField(() => WorklistItem, {
    kind: 'one',
    to: () => PortailReferral,
    // As PortailReferralRepository.inScope: the company's region in scope.
    where: ({ parent, row, bind }) => `${row}.id = ${parent}.portail_referral_id AND ${withCompany(row, boundRegionScope('c.region_code', bind))}`,
  })
  portailReferral(@Parent() item: WorklistItem, @Context() { loaders }: GraphQLContext) {
    return item.portailReferralId ? loaders.load(this.referrals.referralById, item.portailReferralId) : null;
  }

  @ResolveField(() => JourneesQuebecEvent, { nullable: true, description: 'L’événement dont l’inscription ferme bientôt' })
  @SqlField(() => WorklistItem, { kind: 'one', to: () => JourneesQuebecEvent, where: ({ parent, row }) => `${row}.id = ${parent}.event_id` })
  event(@Parent() item: WorklistItem, @Context() { loaders }: GraphQLContext) {
    return item.eventId ? loaders.load(this.events.eventById, item.eventId) : null;
  }
}
