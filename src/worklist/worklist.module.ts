import { Module } from '@nestjs/common';
import { AccompanimentsModule } from '../accompaniments/accompaniments.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { JourneesQuebecModule } from '../journees-quebec/journees-quebec.module.js';
import { PortailReferralsModule } from '../portail-referrals/portail-referrals.module.js';
import { RecruitmentNeedsModule } from '../recruitment-needs/recruitment-needs.module.js';
import { WorklistResolver } from './worklist.resolver.js';
import { WorklistRepository } from './worklist.repository.js';
import { WorklistService } from './worklist.service.js';

@Module({
  imports: [CompaniesModule, AccompanimentsModule, RecruitmentNeedsModule, JourneesQuebecModule, PortailReferralsModule],
  providers: [WorklistRepository, WorklistService, WorklistResolver],
})
export class WorklistModule {}
