import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../auth/request-context.js';
import { updateWithVersion } from '../database/optimistic-update.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../errors/domain.errors.js';
import { groupedLoader, keyedLoader } from '../graphql/request-loaders.js';
import type { CreateRegionalDirectionInput, UpdateRegionalDirectionInput, UpdateRegionInput } from './dto/regional-direction.inputs.js';
import type { CreateServicePointInput, UpdateServicePointInput } from './dto/service-point.inputs.js';
import { normalizePostalCode } from './postal-code.js';
import { Region } from './region.entity.js';
import { RegionalDirection } from './regional-direction.entity.js';
import { ServicePoint } from './service-point.entity.js';
import { foldEmailCase } from '../common/email-address.js';

const DIRECTION = { fr: 'Direction régionale', en: 'Regional direction' };
const REGION = { fr: 'Région', en: 'Region' };
const SERVICE_POINT = { fr: 'Point de services', en: 'Service point' };

/**
 * Regions, regional directions and service points: readable by every role, editable by ADMIN (docs/domain.md).
 * The loaders below are how other modules resolve relations to reference data without N+1.
 */
@Injectable()
export class ReferenceDataService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  private get db() {
    return this.unitOfWork.manager;
  }

  readonly regionByCode = keyedLoader<string, Region>(
    'regionByCode',
    (codes) => this.db.find(Region, { where: { code: In([...codes]) } }),
    (region) => region.code,
  );

  readonly directionByCode = keyedLoader<string, RegionalDirection>(
    'directionByCode',
    (codes) => this.db.find(RegionalDirection, { where: { code: In([...codes]) } }),
    (direction) => direction.code,
  );

  readonly regionsByDirection = groupedLoader<string, Region>(
    'regionsByDirection',
    (codes) => this.db.find(Region, { where: { directionCode: In([...codes]) }, order: { code: 'ASC' } }),
    (region) => region.directionCode!,
  );

  readonly servicePointsByRegion = groupedLoader<string, ServicePoint>(
    'servicePointsByRegion',
    (codes) => this.db.find(ServicePoint, { where: { regionCode: In([...codes]) }, order: { name: 'ASC' } }),
    (point) => point.regionCode,
  );

  readonly servicePointById = keyedLoader<string, ServicePoint>(
    'servicePointById',
    (ids) => this.db.find(ServicePoint, { where: { id: In([...ids]) } }),
    (point) => point.id,
  );

  regions(_ctx: RequestContext): Promise<Region[]> {
    return this.db.find(Region, { order: { code: 'ASC' } });
  }

  region(_ctx: RequestContext, code: string): Promise<Region | null> {
    return this.db.findOne(Region, { where: { code } });
  }

  regionalDirections(_ctx: RequestContext): Promise<RegionalDirection[]> {
    return this.db.find(RegionalDirection, { order: { name: 'ASC' } });
  }

  servicePoints(_ctx: RequestContext, regionCode?: string): Promise<ServicePoint[]> {
    return this.db.find(ServicePoint, {
      where: regionCode ? { regionCode } : {},
      order: { regionCode: 'ASC', name: 'ASC' },
    });
  }

  /** Refuses (BAD_USER_INPUT on `field`) any code that is not an existing region. */
  async assertRegionsExist(codes: readonly string[], field: string): Promise<void> {
    if (codes.length === 0) return;
    const found = await this.db.find(Region, { select: { code: true }, where: { code: In([...codes]) } });
    const missing = codes.filter((code) => !found.some((r) => r.code === code));
    if (missing.length > 0) throw BadUserInputError.field(field, 'field.unknownRegion', { codes: missing });
  }

  async assertDirectionExists(code: string, field: string): Promise<void> {
    if (!(await this.db.exists(RegionalDirection, { where: { code } }))) {
      throw BadUserInputError.field(field, 'field.unknownDirection', { code });
    }
  }

  async assertServicePointExists(id: string, field: string): Promise<void> {
    if (!(await this.db.exists(ServicePoint, { where: { id } }))) {
      throw BadUserInputError.field(field, 'field.unknownServicePoint', { id });
    }
  }

  async createRegionalDirection(ctx: RequestContext, input: CreateRegionalDirectionInput): Promise<RegionalDirection> {
    await this.assertRegionsExist(input.regionCodes ?? [], 'input.regionCodes');
    try {
      await this.db.insert(RegionalDirection, { code: input.code, name: input.name });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('conflict.directionCode', { code: input.code });
      throw error;
    }
    if (input.regionCodes) await this.moveRegions(ctx, input.code, input.regionCodes);
    const created = await this.db.findOneByOrFail(RegionalDirection, { code: input.code });
    await this.audit.record(ctx, {
      action: 'create',
      entityType: 'RegionalDirection',
      entityId: created.code,
      after: { ...created, regionCodes: input.regionCodes ?? [] },
    });
    return created;
  }

  async updateRegionalDirection(ctx: RequestContext, input: UpdateRegionalDirectionInput): Promise<RegionalDirection> {
    const before = await this.db.findOneBy(RegionalDirection, { code: input.code });
    if (!before) throw new NotFoundError(DIRECTION, input.code);
    if (input.regionCodes) await this.assertRegionsExist(input.regionCodes, 'input.regionCodes');
    const beforeRegions = (await this.db.findBy(Region, { directionCode: input.code })).map((r) => r.code);
    await updateWithVersion(this.db, RegionalDirection, { code: input.code }, input.version, {
      ...(input.name != null ? { name: input.name } : {}),
    }, 'RegionalDirection');
    if (input.regionCodes) {
      await this.db
        .createQueryBuilder()
        .update(Region)
        .set({ directionCode: null, version: () => 'version + 1', updatedAt: () => 'now()' })
        .where('direction_code = :code AND code NOT IN (:...keep)', { code: input.code, keep: ['', ...input.regionCodes] })
        .execute();
      await this.moveRegions(ctx, input.code, input.regionCodes);
    }
    const after = await this.db.findOneByOrFail(RegionalDirection, { code: input.code });
    await this.audit.record(ctx, {
      action: 'update',
      entityType: 'RegionalDirection',
      entityId: input.code,
      before: { ...before, regionCodes: beforeRegions },
      after: { ...after, regionCodes: input.regionCodes ?? beforeRegions },
    });
    return after;
  }

  private async moveRegions(_ctx: RequestContext, directionCode: string, regionCodes: string[]): Promise<void> {
    if (regionCodes.length === 0) return;
    await this.db
      .createQueryBuilder()
      .update(Region)
      .set({ directionCode, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('code IN (:...regionCodes) AND direction_code IS DISTINCT FROM :directionCode', { regionCodes, directionCode })
      .execute();
  }

  async updateRegion(ctx: RequestContext, input: UpdateRegionInput): Promise<Region> {
    const before = await this.db.findOneBy(Region, { code: input.code });
    if (!before) throw new NotFoundError(REGION, input.code);
    if (input.directionCode != null) await this.assertDirectionExists(input.directionCode, 'input.directionCode');
    await updateWithVersion(this.db, Region, { code: input.code }, input.version, {
      ...(input.name != null ? { name: input.name } : {}),
      ...(input.directionCode != null ? { directionCode: input.directionCode } : {}),
    }, 'Region');
    const after = await this.db.findOneByOrFail(Region, { code: input.code });
    await this.audit.record(ctx, { action: 'update', entityType: 'Region', entityId: input.code, before, after });
    return after;
  }

  async createServicePoint(ctx: RequestContext, input: CreateServicePointInput): Promise<ServicePoint> {
    const values = this.servicePointValues(input);
    await this.assertRegionsExist([input.regionCode], 'input.regionCode');
    let id: string;
    try {
      const result = await this.db.insert(ServicePoint, { regionCode: input.regionCode, name: input.name, ...values });
      id = (result.identifiers[0] as { id: string }).id;
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('conflict.servicePointName', { name: input.name });
      throw error;
    }
    const created = await this.db.findOneByOrFail(ServicePoint, { id });
    await this.audit.record(ctx, { action: 'create', entityType: 'ServicePoint', entityId: id, after: created });
    return created;
  }

  async updateServicePoint(ctx: RequestContext, input: UpdateServicePointInput): Promise<ServicePoint> {
    const before = await this.db.findOneBy(ServicePoint, { id: input.id });
    if (!before) throw new NotFoundError(SERVICE_POINT, input.id);
    const { id, version, ...changes } = input;
    try {
      await updateWithVersion(this.db, ServicePoint, { id }, version, {
        ...(changes.name != null ? { name: changes.name } : {}),
        ...this.servicePointValues(changes),
      }, 'ServicePoint');
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('conflict.servicePointName', { name: changes.name });
      throw error;
    }
    const after = await this.db.findOneByOrFail(ServicePoint, { id });
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
