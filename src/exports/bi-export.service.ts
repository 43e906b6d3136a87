import { Injectable } from '@nestjs/common';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type { RequestContext } from '../auth/request-context.js';
import { Role } from '../auth/role.js';
import { csvRow, UTF8_BOM } from '../common/csv.js';
import { fiscalYearBounds } from '../common/period.js';
import { BadUserInputError, ForbiddenError } from '../errors/domain.errors.js';
import { BI_EXPORT_VIEWS, FISCAL_YEAR_COLUMNS } from './bi-export-views.js';
import { ExportsRepository } from './exports.repository.js';

export interface BiExportRequest {
  /** A key of BI_EXPORT_VIEWS, e.g. `employer-counts`. */
  view: string;
  fiscalYear?: string;
  /** One character (`,` or `;` over HTTP); not a double quote nor a line break. */
  delimiter: string;
  bom: boolean;
}

/** What an export copies: a `bi` view, of one fiscal year or whole. */
export interface ExportPlan {
  view: string;
  where: { column: string; value: string } | null;
  fileName: string;
}

/** Roles that may download the bi views (they span every region and hold no personal information). */
export const EXPORT_ROLES = [Role.MANAGER, Role.ANALYST, Role.ADMIN];

/**
 * Streams a `bi` view as CSV (header row first) to a writable — `GET /exports/<view>.csv` and `npm run export`:
 * PostgreSQL COPY from the replica when there is one (ExportsRepository), read back record by record and written
 * again by src/common/csv.ts (RFC 4180, formula-like cells neutralized), so the rows never sit in memory and nothing
 * a spreadsheet would evaluate gets through. The view itself stays raw.
 */
@Injectable()
export class BiExportService {
  constructor(private readonly repository: ExportsRepository) {}

  /** Checks the request (role, view, year, delimiter) and answers what to copy; refuses with a domain error. */
  async prepare(ctx: RequestContext, request: BiExportRequest): Promise<ExportPlan> {
    if (!ctx.hasRole(...EXPORT_ROLES)) throw new ForbiddenError();
    const view = BI_EXPORT_VIEWS[request.view];
    if (!view) {
      throw BadUserInputError.field('view', 'export.unknownView', { view: request.view, views: Object.keys(BI_EXPORT_VIEWS).join(', ') });
    }
    const columns = await this.repository.viewColumns(view);
    const yearColumn = FISCAL_YEAR_COLUMNS.find((column) => columns.includes(column));
    if (request.fiscalYear !== undefined && (!yearColumn || !fiscalYearBounds(request.fiscalYear))) {
      throw BadUserInputError.field('fiscalYear', 'export.fiscalYear');
    }
    return {
      view,
      // Checked to be YYYY-YYYY: safe inside the COPY statement.
      where: request.fiscalYear === undefined ? null : { column: yearColumn!, value: request.fiscalYear },
      fileName: `${request.view}${request.fiscalYear ? `-${request.fiscalYear}` : ''}.csv`,
    };
  }

  async write(plan: ExportPlan, request: BiExportRequest, target: Writable): Promise<void> {
    await this.repository.copy(plan.view, plan.where, async (copied) => {
      if (request.bom) target.write(UTF8_BOM);
      const csv = { delimiter: request.delimiter };
      const rewrite = new Transform({
        objectMode: true,
        transform(record: string[], _encoding, done) {
          done(null, csvRow(record, csv));
        },
      });
      // Standard output stays open (the process ends it); a file or an HTTP response is ended.
      await pipeline(copied, parse({ relax_column_count: false }), rewrite, target, { end: target !== process.stdout });
    });
  }
}
