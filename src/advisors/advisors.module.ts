import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReferenceDataModule } from '../reference-data/reference-data.module.js';
import { Advisor } from './advisor.entity.js';
import { AdvisorsResolver, AuditEntryActorResolver } from './advisors.resolver.js';
import { AdvisorsService } from './advisors.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Advisor]), ReferenceDataModule],
  providers: [AdvisorsService, AdvisorsResolver, AuditEntryActorResolver],
  exports: [AdvisorsService],
})
export class AdvisorsModule {}
