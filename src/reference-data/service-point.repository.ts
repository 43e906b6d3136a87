import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { EntityRepository } from '../database/entity-repository.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ServicePoint } from './service-point.entity.js';

@Injectable()
export class ServicePointRepository extends EntityRepository<ServicePoint> {
  constructor(unitOfWork: UnitOfWork) {
    super(unitOfWork, ServicePoint);
  }

  /** Service points of these regions (all when none given), by region and name. */
  ofRegions(regionCodes?: readonly string[]): Promise<ServicePoint[]> {
    return this.db.find(ServicePoint, {
      where: regionCodes ? { regionCode: In([...regionCodes]) } : {},
      order: { regionCode: 'ASC', name: 'ASC' },
    });
  }
}
