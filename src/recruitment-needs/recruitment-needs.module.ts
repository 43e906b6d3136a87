import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccompanimentsModule } from '../accompaniments/accompaniments.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { ReferenceDataModule } from '../reference-data/reference-data.module.js';
import { RecruitmentNeed } from './recruitment-need.entity.js';
import { RecruitmentNeedRepository } from './recruitment-need.repository.js';
import {
  CompanyRecruitmentNeedsResolver,
  RecruitmentNeedsResolver,
  RecruitmentNeedsSummaryResolver,
} from './recruitment-needs.resolver.js';
import { RecruitmentNeedsService } from './recruitment-needs.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([RecruitmentNeed]), CompaniesModule, AccompanimentsModule, ReferenceDataModule],
  providers: [RecruitmentNeedRepository, RecruitmentNeedsService, RecruitmentNeedsResolver, RecruitmentNeedsSummaryResolver, CompanyRecruitmentNeedsResolver],
  exports: [RecruitmentNeedsService],
})
export class RecruitmentNeedsModule {}
