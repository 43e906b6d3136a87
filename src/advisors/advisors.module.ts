import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferenceDataModule } from '../reference-data/reference-data.module.js';
import { Advisor } from './advisor.entity.js';
import { AdvisorRepository } from './advisor.repository.js';
import { AdvisorsResolver, AuditEntryActorResolver } from './advisors.resolver.js';
import { AdvisorsService } from './advisors.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Advisor]), ReferenceDataModule],
  providers: [AdvisorRepository, AdvisorsService, AdvisorsResolver, AuditEntryActorResolver],
  exports: [AdvisorsService],
})
export class AdvisorsModule {}
