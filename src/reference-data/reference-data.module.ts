import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Region } from './region.entity.js';
import { RegionRepository } from './region.repository.js';
import { RegionalDirection } from './regional-direction.entity.js';
import { RegionalDirectionRepository } from './regional-direction.repository.js';
import { ReferenceDataService } from './reference-data.service.js';
import { RegionalDirectionResolver, RegionResolver, ServicePointResolver } from './reference-data.resolver.js';
import { ServicePoint } from './service-point.entity.js';
import { ServicePointRepository } from './service-point.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([Region, RegionalDirection, ServicePoint])],
  providers: [RegionRepository, RegionalDirectionRepository, ServicePointRepository, ReferenceDataService, RegionResolver, RegionalDirectionResolver, ServicePointResolver],
  exports: [ReferenceDataService],
})
export class ReferenceDataModule {}
