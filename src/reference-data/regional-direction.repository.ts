import { Injectable } from '@nestjs/common';
import { EntityRepository } from '../database/entity-repository.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { RegionalDirection } from './regional-direction.entity.js';

@Injectable()
export class RegionalDirectionRepository extends EntityRepository<RegionalDirection, 'code'> {
  constructor(unitOfWork: UnitOfWork) {
    super(unitOfWork, RegionalDirection, { key: 'code' });
  }

  all(): Promise<RegionalDirection[]> {
    return this.db.find(RegionalDirection, { order: { name: 'ASC' } });
  }
}
