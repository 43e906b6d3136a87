import { Injectable } from '@nestjs/common';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { fiscalYearBounds } from '../common/period.js';
import { BadUserInputError, ForbiddenError } from '../errors/domain.errors.js';
import { BI_EXPORT_VIEWS, FISCAL_YEAR_COLUMNS } from './bi-export-views.js';
import { csvRow, UTF8_BOM } from '../common/csv.js';

export interface BiExportRequest {
  /** A key of BI_EXPORT_VIEWS, e.g. `employer-counts`. */
  view: string;
  fiscalYear?: string;
  /** One character (`,` or `;` over HTTP); not a double quote nor a line break. */
  delimiter: string;
  bom: boolean;
}

/** Roles that may download the bi views (they span every region and hold no personal information). */
export const EXPORT_ROLES = [Role.MANAGER, Role.ANALYST, Role.ADMIN];

/**
 * Streams a `bi` view as CSV (header row first) to a writable — `GET /exports/<view>.csv` and `npm run export`:
 * PostgreSQL COPY from the replica when there is one, read back record by record and written again by
 * src/common/csv.ts (RFC 4180, formula-like cells neutralized), so the rows never sit in memory and nothing a
 * spreadsheet would evaluate gets through. The view itself stays raw.
 */
@Injectable()
export class BiExportService {
  constructor(private readonly dataSource: DataSource) {}

  /** Checks the request (role, view, year, delimiter) and answers the SQL to run; refuses with a domain error. */
  async prepare(ctx: RequestContext, request: BiExportRequest): Promise<{ sql: string; fileName: string }> {
    if (!ctx.hasRole(...EXPORT_ROLES)) throw new ForbiddenError();
    const view = BI_EXPORT_VIEWS[request.view];
    if (!view) {
      throw BadUserInputError.field('view', 'export.unknownView', { view: request.view, views: Object.keys(BI_EXPORT_VIEWS).join(', ') });
    }
    const columns = ((await this.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'bi' AND table_name = $1`,
      [view],
    )) as { column_name: string }[]).map((row) => row.column_name);
    const yearColumn = FISCAL_YEAR_COLUMNS.find((column) => columns.includes(column));
    if (request.fiscalYear !== undefined && (!yearColumn || !fiscalYearBounds(request.fiscalYear))) {
      throw BadUserInputError.field('fiscalYear', 'export.fiscalYear');
    }
    // The fiscal year was checked to be YYYY-YYYY: safe inside the COPY statement (COPY takes no parameters).
    const where = request.fiscalYear === undefined ? '' : ` WHERE ${yearColumn} = '${request.fiscalYear}'`;
    return {
      sql: `COPY (SELECT * FROM bi.${view}${where}) TO STDOUT WITH (FORMAT csv, HEADER true)`,
      fileName: `${request.view}${request.fiscalYear ? `-${request.fiscalYear}` : ''}.csv`,
    };
  }

  async write(sql: string, request: BiExportRequest, target: Writable): Promise<void> {
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      const client = (await runner.connect()) as pg.PoolClient;
      if (request.bom) target.write(UTF8_BOM);
      const csv = { delimiter: request.delimiter };
      const rewrite = new Transform({
        objectMode: true,
        transform(record: string[], _encoding, done) {
          done(null, csvRow(record, csv));
        },
      });
      // Standard output stays open (the process ends it); a file or an HTTP response is ended.
      await pipeline(client.query(copyTo(sql)), parse({ relax_column_count: false }), rewrite, target, { end: target !== process.stdout });
    } finally {
      await runner.release();
    }
  }
}
