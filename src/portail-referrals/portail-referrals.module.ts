import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccompanimentsModule } from '../accompaniments/accompaniments.module.js';
import { AdvisorsModule } from '../advisors/advisors.module.js';
import { CompaniesModule } from '../companies/companies.module.js';
import { CompanyPortailReferralsResolver } from './company-portail-referrals.resolver.js';
import { PortailReferral } from './portail-referral.entity.js';
import { PortailReferralRepository } from './portail-referral.repository.js';
import { PortailReferralsResolver } from './portail-referrals.resolver.js';
import { PortailReferralsService } from './portail-referrals.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([PortailReferral]), CompaniesModule, AccompanimentsModule, AdvisorsModule],
  providers: [PortailReferralRepository, PortailReferralsService, PortailReferralsResolver, CompanyPortailReferralsResolver],
  exports: [PortailReferralsService],
})
export class PortailReferralsModule {}
