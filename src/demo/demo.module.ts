import { Module } from '@nestjs/common';
import { AccompanimentsModule } from '../accompaniments/accompaniments.module.js';
import { AdvisorsModule } from '../advisors/advisors.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { DemoDataService } from './demo-data.service.js';

@Module({
  imports: [AdvisorsModule, CompaniesModule, AccompanimentsModule],
  providers: [DemoDataService],
  exports: [DemoDataService],
})
export class DemoModule {}
