import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { foldEmailCase } from '../common/email-address.js';
import type { RequestContext } from '../auth/request-context.js';
import { groupedLoader, keyedLoader } from '../database/batch-loaders.js';
import { BadUserInputError, ConflictError } from '../errors/domain.errors.js';
import type { CreateRegionalDirectionInput, UpdateRegionalDirectionInput, UpdateRegionInput } from './dto/regional-direction.inputs.js';
import type { CreateServicePointInput, UpdateServicePointInput } from './dto/service-point.inputs.js';
import { normalizePostalCode } from './postal-code.js';
import type { Region } from './region.entity.js';
import { RegionRepository } from './region.repository.js';
import type { RegionalDirection } from './regional-direction.entity.js';
import { RegionalDirectionRepository } from './regional-direction.repository.js';
import type { ServicePoint } from './service-point.entity.js';
import { ServicePointRepository } from './service-point.repository.js';

/**
 * Regions, regional directions and service points: readable by every role, editable by ADMIN (docs/domain.md).
 * The loaders below are how other modules resolve relations to reference data without N+1.
 */
@Injectable()
export class ReferenceDataService {
  constructor(
    private readonly regionRepository: RegionRepository,
    private readonly directionRepository: RegionalDirectionRepository,
    private readonly servicePointRepository: ServicePointRepository,
    private readonly audit: AuditService,
  ) {}

  readonly regionByCode = keyedLoader<string, Region>(
    'regionByCode',
    (codes) => this.regionRepository.findMany(codes),
    (region) => region.code,
  );

  readonly directionByCode = keyedLoader<string, RegionalDirection>(
    'directionByCode',
    (codes) => this.directionRepository.findMany(codes),
    (direction) => direction.code,
  );

  readonly regionsByDirection = groupedLoader<string, Region>(
    'regionsByDirection',
    (codes) => this.regionRepository.ofDirections(codes),
    (region) => region.directionCode!,
  );

  readonly servicePointsByRegion = groupedLoader<string, ServicePoint>(
    'servicePointsByRegion',
    (codes) => this.servicePointRepository.ofRegions(codes),
    (point) => point.regionCode,
  );

  readonly servicePointById = keyedLoader<string, ServicePoint>(
    'servicePointById',
    (ids) => this.servicePointRepository.findMany(ids),
    (point) => point.id,
  );

  regions(_ctx: RequestContext): Promise<Region[]> {
    return this.regionRepository.all();
  }

  region(_ctx: RequestContext, code: string): Promise<Region | null> {
    return this.regionRepository.find(code);
  }

  regionalDirections(_ctx: RequestContext): Promise<RegionalDirection[]> {
    return this.directionRepository.all();
  }

  servicePoints(_ctx: RequestContext, regionCode?: string): Promise<ServicePoint[]> {
    return this.servicePointRepository.ofRegions(regionCode ? [regionCode] : undefined);
  }

  /** Refuses (BAD_USER_INPUT on `field`) any code that is not an existing region. */
  async assertRegionsExist(codes: readonly string[], field: string): Promise<void> {
    if (codes.length === 0) return;
    const missing = await this.regionRepository.unknown(codes);
    if (missing.length > 0) throw BadUserInputError.field(field, 'field.unknownRegion', { codes: missing });
  }

  async assertDirectionExists(code: string, field: string): Promise<void> {
    if (!(await this.directionRepository.find(code))) throw BadUserInputError.field(field, 'field.unknownDirection', { code });
  }

  async assertServicePointExists(id: string, field: string): Promise<void> {
    if (!(await this.servicePointRepository.find(id))) throw BadUserInputError.field(field, 'field.unknownServicePoint', { id });
  }

  async createRegionalDirection(ctx: RequestContext, input: CreateRegionalDirectionInput): Promise<RegionalDirection> {
    await this.assertRegionsExist(input.regionCodes ?? [], 'input.regionCodes');
    const created = await this.directionRepository.insert(
      { code: input.code, name: input.name },
      { '*': () => new ConflictError('conflict.directionCode', { code: input.code }) },
    );
    if (input.regionCodes) await this.regionRepository.moveTo(input.code, input.regionCodes);
    await this.audit.record(ctx, {
      action: 'create',
      entityType: 'RegionalDirection',
      entityId: created.code,
      after: { ...created, regionCodes: input.regionCodes ?? [] },
    });
    return created;
  }

  async updateRegionalDirection(ctx: RequestContext, input: UpdateRegionalDirectionInput): Promise<RegionalDirection> {
    const before = await this.directionRepository.forUpdate(ctx, input.code, input.version);
    if (input.regionCodes) await this.assertRegionsExist(input.regionCodes, 'input.regionCodes');
    const beforeRegions = (await this.regionRepository.ofDirections([input.code])).map((r) => r.code);
    const after = await this.directionRepository.update(before, input.name != null ? { name: input.name } : {});
    if (input.regionCodes) {
      await this.regionRepository.detachFrom(input.code, input.regionCodes);
      await this.regionRepository.moveTo(input.code, input.regionCodes);
    }
    await this.audit.record(ctx, {
      action: 'update',
      entityType: 'RegionalDirection',
      entityId: input.code,
      before: { ...before, regionCodes: beforeRegions },
      after: { ...after, regionCodes: input.regionCodes ?? beforeRegions },
    });
    return after;
  }

  async updateRegion(ctx: RequestContext, input: UpdateRegionInput): Promise<Region> {
    const before = await this.regionRepository.forUpdate(ctx, input.code, input.version);
    if (input.directionCode != null) await this.assertDirectionExists(input.directionCode, 'input.directionCode');
    const after = await this.regionRepository.update(before, {
      ...(input.name != null ? { name: input.name } : {}),
      ...(input.directionCode != null ? { directionCode: input.directionCode } : {}),
    });
    await this.audit.record(ctx, { action: 'update', entityType: 'Region', entityId: input.code, before, after });
    return after;
  }

  async createServicePoint(ctx: RequestContext, input: CreateServicePointInput): Promise<ServicePoint> {
    const values = this.servicePointValues(input);
    await this.assertRegionsExist([input.regionCode], 'input.regionCode');
    const created = await this.servicePointRepository.insert(
      { regionCode: input.regionCode, name: input.name, ...values },
      { '*': () => new ConflictError('conflict.servicePointName', { name: input.name }) },
    );
    await this.audit.record(ctx, { action: 'create', entityType: 'ServicePoint', entityId: created.id, after: created });
    return created;
  }

  async updateServicePoint(ctx: RequestContext, input: UpdateServicePointInput): Promise<ServicePoint> {
    const before = await this.servicePointRepository.forUpdate(ctx, input.id, input.version);
    const { id, version: _version, ...changes } = input;
    const after = await this.servicePointRepository.update(
      before,
      { ...(changes.name != null ? { name: changes.name } : {}), ...this.servicePointValues(changes) },
      { '*': () => new ConflictError('conflict.servicePointName', { name: changes.name }) },
    );
    await this.audit.record(ctx, { action: 'update', entityType: 'ServicePoint', entityId: id, before, after });
    return after;
  }

  /** Optional contact fields of a service point: empty strings clear a value; the postal code is normalized. */
  private servicePointValues(input: Partial<CreateServicePointInput>): Partial<ServicePoint> {
    const values: Partial<ServicePoint> = {};
    for (const key of ['address', 'municipality', 'phone', 'email'] as const) {
      if (input[key] !== undefined) values[key] = input[key] === '' ? null : input[key]!;
    }
    if (input.postalCode !== undefined) {
      if (input.postalCode === '') values.postalCode = null;
      else {
        const normalized = normalizePostalCode(input.postalCode);
        if (normalized === null) throw BadUserInputError.field('input.postalCode', 'field.postalCode');
        values.postalCode = normalized;
      }
    }
    if (values.email) values.email = foldEmailCase(values.email);
    return values;
  }
}
