import { Injectable } from '@nestjs/common';
import { assertRegionInScope } from '../auth/region-scope.js';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { todayInQuebec } from '../common/calendar.js';
import { resolvePeriod, type Period } from '../common/period.js';
import { BadUserInputError } from '../errors/domain.errors.js';
import type { PeriodInput } from '../graphql/period.input.js';
import { regionFromRow } from '../reference-data/region.entity.js';
import { ServicePoint } from '../reference-data/service-point.entity.js';
import type { JourneesQuebecFigures, PortailFigures, RegionalReport } from './dto/regional-report.types.js';
import { EmployerCountsService } from './employer-counts.service.js';
import { NOC_BROAD_CATEGORIES, renderRegionalReport } from './report-markdown.js';
import { ReportingRepository } from './reporting.repository.js';

interface Row {
  files_opened: number;
  files_closed: number;
  interactions: number;
  interaction_minutes: number;
  needs: { category: number; needs: number; positions: number; open: number; filled: number }[];
  journees_quebec: JourneesQuebecFigures;
  portail: PortailFigures;
  advisors: number;
  service_points: (Partial<ServicePoint> & { createdAt: string; updatedAt: string })[];
}

/** The regional "Bilan des réalisations" (docs/domain.md): every figure in SQL, and its French rendering. */
@Injectable()
export class RegionalReportService {
  constructor(
    private readonly repository: ReportingRepository,
    private readonly counts: EmployerCountsService,
  ) {}

  /** ADVISOR: their own regions only (FORBIDDEN otherwise); MANAGER, ANALYST, ADMIN: every region. */
  async regionalReport(ctx: RequestContext, regionCode: string, periodInput: PeriodInput): Promise<RegionalReport> {
    if (ctx.actor?.role === Role.ADVISOR) assertRegionInScope(ctx, regionCode);
    return this.build(regionCode, resolvePeriod(periodInput, todayInQuebec()));
  }

  async build(regionCode: string, period: Period): Promise<RegionalReport> {
    const regionRow = await this.repository.region(regionCode);
    if (!regionRow) throw BadUserInputError.field('regionCode', 'field.unknownRegion', { codes: [regionCode] });
    const region = regionFromRow(regionRow);
    const counts = await this.counts.count(period, [regionCode]);
    const row = await this.repository.regionalFigures<Row>(period.from, period.to, regionCode);
    const figures = {
      region,
      from: period.from,
      to: period.to,
      fiscalYear: period.fiscalYear,
      employersAccompanied: counts.byRegion[0]?.employersAccompanied ?? 0,
      newEmployers: counts.byRegion[0]?.newEmployers ?? 0,
      filesOpened: row.files_opened,
      filesClosed: row.files_closed,
      interactions: row.interactions,
      interactionMinutes: row.interaction_minutes,
      needsByCategory: row.needs.map((c) => ({
        nocBroadCategory: c.category,
        label: NOC_BROAD_CATEGORIES[c.category] ?? String(c.category),
        needs: c.needs,
        positions: c.positions,
        openPositions: c.open,
        filledPositions: c.filled,
      })),
      journeesQuebec: row.journees_quebec,
      portailReferrals: row.portail,
      advisors: row.advisors,
      servicePoints: row.service_points.map((point) =>
        Object.assign(new ServicePoint(), point, { createdAt: new Date(point.createdAt), updatedAt: new Date(point.updatedAt) }),
      ),
    };
    return { ...figures, markdown: renderRegionalReport({ ...figures, regionName: region.name }) };
  }
}
