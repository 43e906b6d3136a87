import { Module } from '@nestjs/common';
import { EmployerCountsService } from './employer-counts.service.js';
import { RegionalReportService } from './regional-report.service.js';
import { ReportingRepository } from './reporting.repository.js';
import { ReportingResolver } from './reporting.resolver.js';

/** Reads only, from the replica when there is one; depends on the tables, not on the domain modules' code. */
@Module({
  providers: [ReportingRepository, EmployerCountsService, RegionalReportService, ReportingResolver],
  exports: [EmployerCountsService, RegionalReportService],
})
export class ReportingModule {}
