import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { todayInQuebec } from '../common/calendar.js';
import { resolvePeriod, type Period } from '../common/period.js';
import { NAICS_SECTORS } from '../companies/company-identifiers.js';
import { BadUserInputError, ForbiddenError } from '../errors/domain.errors.js';
import { regionFromRow, type RegionRow } from '../reference-data/region.entity.js';
import type { EmployerCounts, EmployerCountsArgs, EmployerCountsFilter } from './dto/employer-counts.types.js';
import { ALL_REGION_CODES, isFiscalYear } from './employer-counts.sql.js';
import { ReportingRepository } from './reporting.repository.js';

interface Row extends RegionRow {
  employers_accompanied: number;
  new_employers: number;
  total_accompanied: number;
  total_new: number;
}

/** "31-33" → ["31", "32", "33"]; "54" → ["54"]; anything else is refused. */
export function naicsPrefixes(sector: string): string[] {
  const range = /^(\d{2})-(\d{2})$/.exec(sector);
  const codes = range
    ? Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => String(Number(range[1]) + i))
    : [sector];
  if (!codes.every((code) => (NAICS_SECTORS as readonly string[]).includes(code)) || codes.length > 3) {
    throw BadUserInputError.field('filter.naicsSector', 'field.naics');
  }
  return codes;
}

/**
 * Employer counts per region (docs/domain.md) in one SQL statement, read from the replica when there is one.
 * An ADVISOR sees counts of their own regions only: they must name them in `filter.regionCodes`, and any other
 * region is refused with FORBIDDEN rather than silently shown as zero.
 */
@Injectable()
export class EmployerCountsService {
  constructor(private readonly repository: ReportingRepository) {}

  async employerCounts(ctx: RequestContext, args: EmployerCountsArgs): Promise<EmployerCounts> {
    const period = resolvePeriod(args.period, todayInQuebec());
    const filter = args.filter ?? {};
    const regionCodes = this.rowRegions(ctx, filter);
    return this.count(period, regionCodes, filter);
  }

  /**
   * The counts for a period and regions, without permission checks (callers check). Unfiltered counts read the
   * rollup the triggers of `accompaniments` keep (a few rows per company), its fiscal-year rows when the period is
   * exactly a fiscal year, its scalar columns when the period runs to today or later; a filter on the files'
   * service level, theme, sector or advisor needs the files themselves (see employerCountsStatement).
   */
  async count(period: Period, regionCodes: string[], filter: EmployerCountsFilter = {}): Promise<EmployerCounts> {
    const filters = [
      filter.serviceLevel ?? null,
      filter.theme ?? null,
      filter.naicsSector ? naicsPrefixes(filter.naicsSector) : null,
      filter.advisorId ?? null,
    ];
    const request = {
      filtered: filters.some((value) => value !== null),
      regionCodes,
      fiscalYear: period.fiscalYear !== null || isFiscalYear(period.from, period.to),
      toToday: period.to >= todayInQuebec(),
    };
    const rows = await this.repository.employerCounts<Row>(request, [period.from, period.to, regionCodes, ...filters]);
    return {
      from: period.from,
      to: period.to,
      fiscalYear: period.fiscalYear,
      byRegion: rows.map((row) => ({
        region: regionFromRow(row),
        employersAccompanied: row.employers_accompanied,
        newEmployers: row.new_employers,
      })),
      employersAccompanied: rows[0]?.total_accompanied ?? 0,
      newEmployers: rows[0]?.total_new ?? 0,
    };
  }

  private rowRegions(ctx: RequestContext, filter: EmployerCountsFilter): string[] {
    const requested = filter.regionCodes?.length ? [...new Set(filter.regionCodes)].sort() : null;
    if (ctx.actor?.role === Role.ADVISOR) {
      const own = ctx.actor.regionCodes;
      const outside = (requested ?? ALL_REGION_CODES).filter((code) => !own.includes(code));
      if (outside.length > 0) throw new ForbiddenError('forbidden.countsRegions', { regionCodes: outside.join(', ') });
    }
    return requested ?? [...ALL_REGION_CODES];
  }
}
