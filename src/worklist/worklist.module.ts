import { Module } from '@nestjs/common';
import { AccompanimentsModule } from '../accompaniments/accompaniments.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { RecruitmentNeedsModule } from '../recruitment-needs/recruitment-needs.module.js';
import { WorklistResolver } from './worklist.resolver.js';
import { WorklistService } from './worklist.service.js';

@Module({
  imports: [CompaniesModule, AccompanimentsModule, RecruitmentNeedsModule],
  providers: [WorklistService, WorklistResolver],
})
export class WorklistModule {}
