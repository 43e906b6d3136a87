import { Args, Context, Field, Float, ID, Info, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { accessChannelOf, PersonalDataAccessLog } from '../audit/personal-data-access-log.js';
import { Ctx, Roles } from '../auth/auth.decorators.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Connection } from '../graphql/pagination/connection.type.js';
import { Region } from '../reference-data/region.entity.js';
import { ReferenceDataService } from '../reference-data/reference-data.service.js';
import { CompaniesService } from './companies.service.js';
import { CompanyContact } from './company-contact.entity.js';
import { CompanyContactsService } from './company-contacts.service.js';
import { naicsSector } from './company-identifiers.js';
import { Company } from './company.entity.js';
import { CompaniesArgs, CreateCompanyInput, PossibleDuplicatesArgs, UpdateCompanyInput } from './dto/company.inputs.js';
import { IdempotentReplays } from '../database/idempotent-replays.js';
import type { CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import { ListNodes } from '../graphql/compiled-lists/list-nodes.decorator.js';
import { SqlField } from '../graphql/compiled-lists/sql-relation.decorator.js';
import { carried, compiledValue } from '../graphql/compiled-lists/compiled-values.js';
import { boundRegionScope } from '../auth/region-scope.js';
import type { PersonalDataSubject } from '../audit/personal-data-access-log.js';
import type { OnModuleInit } from '@nestjs/common';

const CompanyConnection = Connection(Company);

@ObjectType({ description: 'Entreprise probablement identique à celle décrite' })
class PossibleDuplicate {
  @Field(() => Company)
  company!: Company;

  @Field({ description: 'NEQ (même NEQ) ou NAME (nom normalisé identique ou très semblable)' })
  reason!: string;

  @Field(() => Float, { description: 'Similarité du nom normalisé, de 0 à 1' })
  similarity!: number;
}

/** The directory: ADVISOR, MANAGER and ADMIN read every region; ANALYST reads aggregates only (docs/domain.md). */
@Resolver(() => Company)
@Roles(Role.ADVISOR, Role.MANAGER, Role.ADMIN)
export class CompaniesResolver implements OnModuleInit {
  constructor(
    private readonly companiesService: CompaniesService,
    private readonly contactsService: CompanyContactsService,
    private readonly referenceData: ReferenceDataService,
    private readonly accessLog: PersonalDataAccessLog,
    private readonly replays: IdempotentReplays,
  ) {}

  /** Replays of an Idempotency-Key read the result again as this module reads it by id. */
  onModuleInit(): void {
    this.replays.register('Company', (ctx, id) => this.companiesService.company(ctx, id));
  }

  @Query(() => Company, { nullable: true })
  company(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.companiesService.company(ctx, id);
  }

  @Query(() => Company, { nullable: true, description: 'Une entreprise par son NEQ (espaces et tirets acceptés)' })
  companyByNeq(@Ctx() ctx: RequestContext, @Args('neq') neq: string) {
    return this.companiesService.companyByNeq(ctx, neq);
  }

  @Query(() => CompanyConnection, { description: 'Répertoire des entreprises : recherche, filtres, tri, pagination' })
  companies(@Ctx() ctx: RequestContext, @Args() args: CompaniesArgs, @ListNodes() nodes: CompiledNodes | null) {
    return this.companiesService.companies(ctx, args, nodes);
  }

  @Query(() => [PossibleDuplicate], { description: 'Vérifier les doublons probables avant de créer une entreprise' })
  possibleDuplicateCompanies(@Ctx() ctx: RequestContext, @Args() args: PossibleDuplicatesArgs) {
    return this.companiesService.possibleDuplicates(ctx, args.legalName, args.neq);
  }

  @Mutation(() => Company, {
    description: 'Créer une entreprise dans vos régions. CONFLICT : NEQ déjà utilisé, ou doublons probables (extensions.duplicates)',
  })
  createCompany(@Ctx() ctx: RequestContext, @Args('input') input: CreateCompanyInput) {
    return this.companiesService.createCompany(ctx, input);
  }

  @Mutation(() => Company, { description: 'Modifier une entreprise de vos régions (avec la version lue)' })
  updateCompany(@Ctx() ctx: RequestContext, @Args('input') input: UpdateCompanyInput) {
    return this.companiesService.updateCompany(ctx, input);
  }

  @ResolveField(() => Region)
  @SqlField(() => Company, { kind: 'one', to: () => Region, where: ({ parent, row }) => `${row}.code = ${parent}.region_code` })
  region(@Parent() company: Company, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.referenceData.regionByCode, company.regionCode);
  }

  @ResolveField(() => String, { nullable: true, description: 'Secteur SCIAN (2 chiffres, 31-33, 44-45, 48-49)' })
  naicsSector(@Parent() company: Company) {
    return company.naicsCode ? naicsSector(company.naicsCode) : null;
  }

  @ResolveField(() => [CompanyContact], {
    description: 'Personnes-ressources : seulement pour une entreprise de vos régions (liste vide sinon)',
  })
  @SqlField(() => Company, {
    kind: 'many',
    to: () => CompanyContact,
    where: ({ parent, row, bind }) => `${row}.company_id = ${parent}.id AND ${boundRegionScope(`${parent}.region_code`, bind)}`,
    orderBy: (row) => `${row}.last_name, ${row}.first_name, ${row}.id`,
    // Compiled too, the read goes through this method: it is logged exactly as below.
    resolverReads: true,
    carry: (row) => `json_build_object('id', ${row}.id, 'companyId', ${row}.company_id)`,
  })
  async contacts(@Parent() company: Company, @Context() { loaders }: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    const compiled = compiledValue<object[]>(company, info);
    const contacts = compiled ?? (await loaders.load(this.contactsService.contactsByCompany, company.id));
    const subjects = compiled ? compiled.map((row) => carried<PersonalDataSubject>(row)) : (contacts as CompanyContact[]);
    // Loi 25: logged (one INSERT per page, see PersonalDataAccessLog) before anything is returned; no log, no read.
    if (subjects.length > 0) await loaders.load(this.accessLog.reads, { subjects, channel: accessChannelOf(info) });
    return contacts;
  }
}
