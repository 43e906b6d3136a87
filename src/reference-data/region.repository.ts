import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { EntityRepository } from '../database/entity-repository.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { Region } from './region.entity.js';

@Injectable()
export class RegionRepository extends EntityRepository<Region, 'code'> {
  constructor(unitOfWork: UnitOfWork) {
    super(unitOfWork, Region, { key: 'code' });
  }

  all(): Promise<Region[]> {
    return this.db.find(Region, { order: { code: 'ASC' } });
  }

  ofDirections(directionCodes: readonly string[]): Promise<Region[]> {
    return this.db.find(Region, { where: { directionCode: In([...directionCodes]) }, order: { code: 'ASC' } });
  }

  /** Of `codes`, those that are no region. */
  async unknown(codes: readonly string[]): Promise<string[]> {
    const found = await this.db.find(Region, { select: { code: true }, where: { code: In([...codes]) } });
    return codes.filter((code) => !found.some((region) => region.code === code));
  }

  /** Puts the regions `codes` in the direction (those already there are left as they are). */
  async moveTo(directionCode: string, codes: string[]): Promise<void> {
    if (codes.length === 0) return;
    await this.updateWhere({ directionCode }, 'code IN (:...codes) AND direction_code IS DISTINCT FROM :directionCode', {
      codes,
      directionCode,
    });
  }

  /** Takes out of the direction every region but `keep`. */
  async detachFrom(directionCode: string, keep: string[]): Promise<void> {
    await this.updateWhere({ directionCode: null }, 'direction_code = :directionCode AND code NOT IN (:...keep)', {
      directionCode,
      keep: ['', ...keep],
    });
  }
}
