import { Module } from '@nestjs/common';
import { CompaniesModule } from '../companies/companies.module.js';
import { PrivacyRetentionService } from './privacy-retention.service.js';
import { PrivacyRepository } from './privacy.repository.js';
import { PrivacyResolver } from './privacy.resolver.js';
import { PrivacyService } from './privacy.service.js';

/**
 * Loi 25 (reporting level: it reads companies and the audit foundation; nothing imports it). The logging of reads
 * itself lives in the audit foundation (PersonalDataAccessLog), which companies call.
 */
@Module({
  imports: [CompaniesModule],
  providers: [PrivacyRepository, PrivacyService, PrivacyRetentionService, PrivacyResolver],
  exports: [PrivacyRetentionService],
})
export class PrivacyModule {}
