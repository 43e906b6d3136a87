import { Injectable } from '@nestjs/common';
import { repositoryOf } from '../database/entity-repository.js';
import { RegionalDirection } from './regional-direction.entity.js';

@Injectable()
export class RegionalDirectionRepository extends repositoryOf(RegionalDirection, { key: 'code' }) {
  all(): Promise<RegionalDirection[]> {
    return this.db.find(RegionalDirection, { order: { name: 'ASC' } });
  }
}
