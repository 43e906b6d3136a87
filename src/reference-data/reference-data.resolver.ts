import type { OnModuleInit } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, Roles } from '../auth/auth.decorators.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { IdempotentReplays } from '../database/idempotent-replays.js';
import { SqlField } from '../graphql/compiled-lists/sql-relation.decorator.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import {
  CreateRegionalDirectionInput,
  UpdateRegionalDirectionInput,
  UpdateRegionInput,
} from './dto/regional-direction.inputs.js';
import { CreateServicePointInput, UpdateServicePointInput } from './dto/service-point.inputs.js';
import { Region } from './region.entity.js';
import { RegionalDirection } from './regional-direction.entity.js';
import { ReferenceDataService } from './reference-data.service.js';
import { ServicePoint } from './service-point.entity.js';

@Resolver(() => Region)
export class RegionResolver implements OnModuleInit {
  constructor(
    private readonly referenceData: ReferenceDataService,
    private readonly replays: IdempotentReplays,
  ) {}

  /** Replays of an Idempotency-Key read the result again as this module reads it by id. */
  onModuleInit(): void {
    this.replays.register('Region', (ctx, code) => this.referenceData.region(ctx, code), 'code');
  }

  @Query(() => [Region], { description: 'Les 17 régions administratives, par code' })
  regions(@Ctx() ctx: RequestContext): Promise<Region[]> {
    return this.referenceData.regions(ctx);
  }

  @Query(() => Region, { nullable: true, description: 'Une région par son code (01 à 17)' })
  region(@Ctx() ctx: RequestContext, @Args('code') code: string): Promise<Region | null> {
    return this.referenceData.region(ctx, code);
  }

  @Mutation(() => Region, { description: 'ADMIN : renommer une région ou changer sa direction régionale' })
  @Roles(Role.ADMIN)
  updateRegion(@Ctx() ctx: RequestContext, @Args('input') input: UpdateRegionInput): Promise<Region> {
    return this.referenceData.updateRegion(ctx, input);
  }

  @ResolveField(() => RegionalDirection, { nullable: true })
  @SqlField(() => Region, { kind: 'one', to: () => RegionalDirection, where: ({ parent, row }) => `${row}.code = ${parent}.direction_code` })
  direction(@Parent() region: Region, @Context() { loaders }: GraphQLContext) {
    return region.directionCode ? loaders.load(this.referenceData.directionByCode, region.directionCode) : null;
  }

  @ResolveField(() => [ServicePoint], { description: 'Points de services de la région' })
  @SqlField(() => Region, {
    kind: 'many',
    to: () => ServicePoint,
    where: ({ parent, row }) => `${row}.region_code = ${parent}.code`,
    orderBy: (row) => `${row}.region_code, ${row}.name`,
  })
  servicePoints(@Parent() region: Region, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.referenceData.servicePointsByRegion, region.code);
  }
}

@Resolver(() => RegionalDirection)
export class RegionalDirectionResolver implements OnModuleInit {
  constructor(
    private readonly referenceData: ReferenceDataService,
    private readonly replays: IdempotentReplays,
  ) {}

  /** Replays of an Idempotency-Key read the result again as this module reads it by id. */
  onModuleInit(): void {
    this.replays.register(
      'RegionalDirection',
      async (ctx, code) => (await this.referenceData.regionalDirections(ctx)).find((direction) => direction.code === code) ?? null,
      'code',
    );
  }

  @Query(() => [RegionalDirection], { description: 'Les directions régionales et leurs régions' })
  regionalDirections(@Ctx() ctx: RequestContext): Promise<RegionalDirection[]> {
    return this.referenceData.regionalDirections(ctx);
  }

  @Mutation(() => RegionalDirection, { description: 'ADMIN : créer une direction régionale' })
  @Roles(Role.ADMIN)
  createRegionalDirection(@Ctx() ctx: RequestContext, @Args('input') input: CreateRegionalDirectionInput) {
    return this.referenceData.createRegionalDirection(ctx, input);
  }

  @Mutation(() => RegionalDirection, { description: 'ADMIN : modifier une direction régionale et ses régions' })
  @Roles(Role.ADMIN)
  updateRegionalDirection(@Ctx() ctx: RequestContext, @Args('input') input: UpdateRegionalDirectionInput) {
    return this.referenceData.updateRegionalDirection(ctx, input);
  }

  @ResolveField(() => [Region])
  @SqlField(() => RegionalDirection, {
    kind: 'many',
    to: () => Region,
    where: ({ parent, row }) => `${row}.direction_code = ${parent}.code`,
    orderBy: (row) => `${row}.code`,
  })
  regions(@Parent() direction: RegionalDirection, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.referenceData.regionsByDirection, direction.code);
  }
}

@Resolver(() => ServicePoint)
export class ServicePointResolver implements OnModuleInit {
  constructor(
    private readonly referenceData: ReferenceDataService,
    private readonly replays: IdempotentReplays,
  ) {}

  /** Replays of an Idempotency-Key read the result again as this module reads it by id. */
  onModuleInit(): void {
    this.replays.register(
      'ServicePoint',
      async (ctx, id) => (await this.referenceData.servicePoints(ctx)).find((point) => point.id === id) ?? null,
    );
  }

  @Query(() => [ServicePoint], { description: 'Points de services, d’une région ou de toutes' })
  servicePoints(
    @Ctx() ctx: RequestContext,
    @Args('regionCode', { nullable: true, type: () => String }) regionCode?: string,
  ): Promise<ServicePoint[]> {
    return this.referenceData.servicePoints(ctx, regionCode ?? undefined);
  }

  @Mutation(() => ServicePoint, { description: 'ADMIN : créer un point de services' })
  @Roles(Role.ADMIN)
  createServicePoint(@Ctx() ctx: RequestContext, @Args('input') input: CreateServicePointInput) {
    return this.referenceData.createServicePoint(ctx, input);
  }

  @Mutation(() => ServicePoint, { description: 'ADMIN : modifier un point de services' })
  @Roles(Role.ADMIN)
  updateServicePoint(@Ctx() ctx: RequestContext, @Args('input') input: UpdateServicePointInput) {
    return this.referenceData.updateServicePoint(ctx, input);
  }

  @ResolveField(() => Region)
  @SqlField(() => ServicePoint, { kind: 'one', to: () => Region, where: ({ parent, row }) => `${row}.code = ${parent}.region_code` })
  region(@Parent() point: ServicePoint, @Context() { loaders }: GraphQLContext) {
    return loaders.load(this.referenceData.regionByCode, point.regionCode);
  }
}
