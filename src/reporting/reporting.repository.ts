import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REGION_COLUMNS, type RegionRow } from '../reference-data/region.entity.js';
import { employerCountsStatement } from './employer-counts.sql.js';
import { REGIONAL_REPORT_SQL } from './regional-report.sql.js';

/**
 * The statements of counts and reports (their text in `*.sql.ts` beside this file). They read the read replica when
 * DATABASE_READ_URL is set (TypeORM replication, "slave" mode), the primary otherwise. Writes never go through here.
 */
@Injectable()
export class ReportingRepository {
  constructor(private readonly dataSource: DataSource) {}

  private async query<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return (await runner.query(sql, parameters)) as T[];
    } finally {
      await runner.release();
    }
  }

  /** The rows of the employer-counts statement that fits `request`: $1 from, $2 to, $3 region codes, then the filters. */
  employerCounts<T>(request: Parameters<typeof employerCountsStatement>[0], parameters: unknown[]): Promise<T[]> {
    return this.query<T>(employerCountsStatement(request), parameters);
  }

  async region(code: string): Promise<RegionRow | undefined> {
    return (await this.query<RegionRow>(`SELECT ${REGION_COLUMNS} FROM regions r WHERE r.code = $1`, [code]))[0];
  }

  /** Every figure of a regional report but the employer counts (REGIONAL_REPORT_SQL). */
  async regionalFigures<T>(from: string, to: string, regionCode: string): Promise<T> {
    return (await this.query<T>(REGIONAL_REPORT_SQL, [from, to, regionCode]))[0]!;
  }
}
