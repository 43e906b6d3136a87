import { Args, Context, Field, Float, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Accompaniment } from '../accompaniments/accompaniment.entity.js';
import { AccompanimentsService } from '../accompaniments/accompaniments.service.js';
import { Ctx, Roles } from '../auth/auth.decorators.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { CompaniesService } from '../companies/companies.service.js';
import { Company } from '../companies/company.entity.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Connection } from '../graphql/pagination/connection.type.js';
import { Region } from '../reference-data/region.entity.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import {
  CloseRecruitmentNeedInput,
  CreateRecruitmentNeedInput,
  RecordPositionsFilledInput,
  RecruitmentNeedsArgs,
  RecruitmentNeedsSummaryArgs,
  UpdateRecruitmentNeedInput,
} from './dto/recruitment-need.inputs.js';
import { RecruitmentChannel } from './recruitment-need.enums.js';
import { RecruitmentNeed } from './recruitment-need.entity.js';
import type { RecruitmentNeedsSummaryRow } from './recruitment-need.repository.js';
import { RecruitmentNeedsService } from './recruitment-needs.service.js';
import { IdempotentReplays } from '../database/idempotent-replays.js';
import type { OnModuleInit } from '@nestjs/common';
import { boundRegionScope } from '../auth/region-scope.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import { ListNodes } from '../graphql/compiled-lists/list-nodes.decorator.js';
import { SqlField } from '../graphql/compiled-lists/sql-relation.decorator.js';

const RecruitmentNeedConnection = Connection(RecruitmentNeed);

@ObjectType({ description: 'Une ligne du sommaire des besoins : les champs de regroupement demandés, puis les totaux' })
class RecruitmentNeedsSummaryGroup {
  @Field(() => String, { nullable: true })
  workRegionCode!: string | null;

  @Field(() => Int, { nullable: true })
  nocBroadCategory!: number | null;

  @Field(() => Int, { nullable: true })
  teer!: number | null;

  @Field(() => String, { nullable: true })
  nocCode!: string | null;

  @Field(() => RecruitmentChannel, { nullable: true })
  channel!: RecruitmentChannel | null;

  @Field(() => Int, { description: 'Nombre de besoins' })
  needs!: number;

  @Field(() => Int, { description: 'Postes prévus' })
  positions!: number;

  @Field(() => Int, { description: 'Postes encore à pourvoir (besoins OPEN et IN_PROGRESS)' })
  openPositions!: number;

  @Field(() => Int, { description: 'Postes pourvus' })
  filledPositions!: number;
}

@Resolver(() => RecruitmentNeed)
@Roles(Role.ADVISOR, Role.MANAGER, Role.ADMIN)
export class RecruitmentNeedsResolver implements OnModuleInit {
  constructor(
    private readonly needs: RecruitmentNeedsService,
    private readonly companies: CompaniesService,
    private readonly files: AccompanimentsService,
    private readonly referenceData: ReferenceDataService,
    private readonly replays: IdempotentReplays,
  ) {}

  /** Replays of an Idempotency-Key read the result again as this module reads it by id. */
  onModuleInit(): void {
    this.replays.register('RecruitmentNeed', (ctx, id) => this.needs.recruitmentNeed(ctx, id));
  }

  @Query(() => RecruitmentNeed, { nullable: true })
  recruitmentNeed(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.needs.recruitmentNeed(ctx, id);
  }

  @Query(() => RecruitmentNeedConnection, {
    description: 'Besoins dont l’entreprise ou la région de travail est dans vos régions, les plus récents d’abord',
  })
  recruitmentNeeds(@Ctx() ctx: RequestContext, @Args() args: RecruitmentNeedsArgs, @ListNodes() nodes: CompiledNodes | null) {
    return this.needs.recruitmentNeeds(ctx, args, nodes);
  }

  @Query(() => [RecruitmentNeedsSummaryGroup], {
    description:
      'Postes ouverts et pourvus par groupe, calculés en SQL (ADVISOR : ses régions ; MANAGER, ANALYST, ADMIN : toutes)',
  })
  @Roles(Role.ADVISOR, Role.MANAGER, Role.ANALYST, Role.ADMIN)
  recruitmentNeedsSummary(@Ctx() ctx: RequestContext, @Args() args: RecruitmentNeedsSummaryArgs): Promise<RecruitmentNeedsSummaryRow[]> {
    return this.needs.summary(ctx, args.groupBy, args.filter ?? undefined);
  }

  @Mutation(() => RecruitmentNeed, { description: 'Consigner un besoin de main-d’œuvre' })
  createRecruitmentNeed(@Ctx() ctx: RequestContext, @Args('input') input: CreateRecruitmentNeedInput) {
    return this.needs.createRecruitmentNeed(ctx, input);
  }

  @Mutation(() => RecruitmentNeed, { description: 'Modifier un besoin (avec la version lue)' })
  updateRecruitmentNeed(@Ctx() ctx: RequestContext, @Args('input') input: UpdateRecruitmentNeedInput) {
    return this.needs.updateRecruitmentNeed(ctx, input);
  }

  @Mutation(() => RecruitmentNeed, { description: 'Consigner les postes pourvus (tous : FILLED)' })
  recordPositionsFilled(@Ctx() ctx: RequestContext, @Args('input') input: RecordPositionsFilledInput) {
    return this.needs.recordPositionsFilled(ctx, input);
  }

  @Mutation(() => RecruitmentNeed, { description: 'Annuler un besoin ouvert ou en cours' })
  cancelRecruitmentNeed(@Ctx() ctx: RequestContext, @Args('input') input: CloseRecruitmentNeedInput) {
    return this.needs.cancelRecruitmentNeed(ctx, input);
  }

  @Mutation(() => RecruitmentNeed, {
    description: 'Fermer un besoin en cours : FILLED si tous les postes sont pourvus, sinon PARTIALLY_FILLED',
  })
  closeRecruitmentNeed(@Ctx() ctx: RequestContext, @Args('input') input: CloseRecruitmentNeedInput) {
    return this.needs.closeRecruitmentNeed(ctx, input);
  }

  @ResolveField(() => Company)
  @SqlField(() => RecruitmentNeed, { kind: 'one', to: () => Company, where: ({ parent, row }) => `${row}.id = ${parent}.company_id` })
  company(@Parent() need: RecruitmentNeed, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.companies.companyById, need.companyId);
  }

  @ResolveField(() => Accompaniment, { nullable: true })
  @SqlField(() => RecruitmentNeed, {
    kind: 'one',
    to: () => Accompaniment,
    where: ({ parent, row, bind }) => `${row}.id = ${parent}.accompaniment_id AND ${boundRegionScope(`${row}.region_code`, bind)}`,
  })
  accompaniment(@Parent() need: RecruitmentNeed, @Context() { loaders }: GraphQLContext) {
    return need.accompanimentId ? loaders.load(this.files.accompanimentById, need.accompanimentId) : null;
  }

  @ResolveField(() => Region, { description: 'Région de travail' })
  @SqlField(() => RecruitmentNeed, { kind: 'one', to: () => Region, where: ({ parent, row }) => `${row}.code = ${parent}.work_region_code` })
  workRegion(@Parent() need: RecruitmentNeed, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.referenceData.regionByCode, need.workRegionCode);
  }

  @ResolveField(() => Float, { nullable: true, description: 'Salaire horaire ($, deux décimales)' })
  // numeric(8,2): TypeORM's transformer reads its text with Number(); the JSON number of the same digits reads the same.
  @SqlField(() => RecruitmentNeed, { kind: 'value', value: ({ parent }) => `${parent}.hourly_wage` })
  hourlyWage(@Parent() need: RecruitmentNeed) {
    return need.hourlyWage;
  }
}

@Resolver(() => RecruitmentNeedsSummaryGroup)
export class RecruitmentNeedsSummaryResolver {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @ResolveField(() => Region, { nullable: true, description: 'Région de travail (avec le regroupement WORK_REGION)' })
  workRegion(@Parent() row: RecruitmentNeedsSummaryGroup, @Context() { loaders }: GraphQLContext) {
    return row.workRegionCode ? loaders.load(this.referenceData.regionByCode, row.workRegionCode) : null;
  }
}

/** `Company.recruitmentNeeds`, resolved here so that companies never depends on recruitment needs. */
@Resolver(() => Company)
export class CompanyRecruitmentNeedsResolver {
  constructor(private readonly needs: RecruitmentNeedsService) {}

  @ResolveField(() => [RecruitmentNeed], { description: 'Besoins de main-d’œuvre de l’entreprise, dans vos régions' })
  @SqlField(() => Company, {
    kind: 'many',
    to: () => RecruitmentNeed,
    // As RecruitmentNeedRepository.ofCompanies: the company's region (the parent's) or the need's work region in scope.
    where: ({ parent, row, bind }) =>
      `${row}.company_id = ${parent}.id AND (${boundRegionScope(`${parent}.region_code`, bind)} OR ${boundRegionScope(`${row}.work_region_code`, bind)})`,
    orderBy: (row) => `${row}.opened_on DESC, ${row}.id`,
  })
  recruitmentNeeds(@Parent() company: Company, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.needs.needsByCompany, company.id);
  }
}
