import { Module } from '@nestjs/common';
import { AccompanimentsModule } from '../accompaniments/accompaniments.module.js';
import { AdvisorsModule } from '../advisors/advisors.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { JourneesQuebecModule } from '../journees-quebec/journees-quebec.module.js';
import { PortailReferralsModule } from '../portail-referrals/portail-referrals.module.js';
import { RecruitmentNeedsModule } from '../recruitment-needs/recruitment-needs.module.js';
import { DemoDataService } from './demo-data.service.js';

@Module({
  imports: [
    AdvisorsModule,
    CompaniesModule,
    AccompanimentsModule,
    RecruitmentNeedsModule,
    JourneesQuebecModule,
    PortailReferralsModule,
  ],
  providers: [DemoDataService],
  exports: [DemoDataService],
})
export class DemoModule {}
