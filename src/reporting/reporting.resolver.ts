import { Args, Query, Resolver } from '@nestjs/graphql';
import { Ctx, Roles } from '../auth/auth.decorators.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { EmployerCounts, EmployerCountsArgs } from './dto/employer-counts.types.js';
import { RegionalReport, RegionalReportArgs } from './dto/regional-report.types.js';
import { EmployerCountsService } from './employer-counts.service.js';
import { RegionalReportService } from './regional-report.service.js';

/** Counts and regional reports (docs/domain.md): all roles; an ADVISOR for their own regions only. */
@Resolver()
@Roles(Role.ADVISOR, Role.MANAGER, Role.ANALYST, Role.ADMIN)
export class ReportingResolver {
  constructor(
    private readonly counts: EmployerCountsService,
    private readonly reports: RegionalReportService,
  ) {}

  @Query(() => EmployerCounts, {
    description:
      'Employeurs accompagnés (entreprises distinctes ayant un dossier actif pendant la période) et nouveaux employeurs (premier dossier ouvert pendant la période), par région. ADVISOR : filter.regionCodes doit nommer ses régions.',
  })
  employerCountsByRegion(@Ctx() ctx: RequestContext, @Args() args: EmployerCountsArgs) {
    return this.counts.employerCounts(ctx, args);
  }

  @Query(() => RegionalReport, { description: 'Bilan des réalisations d’une région, avec sa version rédigée (markdown)' })
  regionalReport(@Ctx() ctx: RequestContext, @Args() args: RegionalReportArgs) {
    return this.reports.regionalReport(ctx, args.regionCode, args.period);
  }
}
