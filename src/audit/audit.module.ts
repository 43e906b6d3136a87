import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditTrailResolver } from './audit-trail.resolver.js';
import { AuditTrailService } from './audit-trail.service.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';
import { PersonalDataAccessLog } from './personal-data-access-log.js';
import { PersonalInformationAccess } from './personal-information-access.entity.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry, PersonalInformationAccess])],
  providers: [AuditRepository, AuditService, AuditTrailService, AuditTrailResolver, PersonalDataAccessLog],
  exports: [AuditService, AuditTrailService, PersonalDataAccessLog],
})
export class AuditModule {}
