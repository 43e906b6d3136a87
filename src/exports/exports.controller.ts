import { randomUUID } from 'node:crypto';
import { Controller, Get, Logger, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Authenticator } from '../auth/authenticator.js';
import { BadUserInputError, DomainError } from '../errors/domain.errors.js';
import { ErrorCode } from '../errors/error-code.js';
import { localeFromAcceptLanguage, type Locale } from '../i18n/locale.js';
import { translate } from '../i18n/messages.js';
import { BiExportService, type BiExportRequest, type ExportPlan } from './bi-export.service.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/**
 * `GET /exports/<view>.csv?fiscalYear=2020-2021&delimiter=;&bom=true` with `Authorization: Bearer <token>`:
 * a `bi` view as a CSV download (MANAGER, ANALYST, ADMIN). Refusals answer the GraphQL error shape
 * (`{ errors: [{ message, extensions: { code } }] }`) with 400, 401 or 403, in the caller's language.
 */
@Controller('exports')
export class ExportsController {
  private readonly logger = new Logger(ExportsController.name);

  constructor(
    private readonly authenticator: Authenticator,
    private readonly exports: BiExportService,
  ) {}

  @Get(':file')
  async download(
    @Param('file') file: string,
    @Query() query: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const locale = localeFromAcceptLanguage(req.headers['accept-language']);
    const requestId = String((req as Request & { id?: unknown }).id ?? randomUUID());
    let prepared: ExportPlan;
    let request: BiExportRequest;
    try {
      const auth = await this.authenticator.authenticate(req.headers.authorization, requestId, locale);
      if (!('context' in auth)) throw auth.error;
      request = exportRequest(file, query);
      prepared = await this.exports.prepare(auth.context, request);
    } catch (error) {
      return refuse(res, error, locale);
    }
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${prepared.fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    try {
      await this.exports.write(prepared, request, res);
    } catch (error) {
      // Headers are gone: the client sees a truncated download, the log says why.
      this.logger.error({ err: error, requestId }, 'CSV export failed while streaming');
      res.destroy();
    }
  }
}

function exportRequest(file: string, query: Record<string, unknown>): BiExportRequest {
  const view = file.endsWith('.csv') ? file.slice(0, -'.csv'.length) : file;
  const delimiter = query.delimiter ?? ',';
  if (delimiter !== ',' && delimiter !== ';') throw BadUserInputError.field('delimiter', 'export.delimiter');
  const fiscalYear = query.fiscalYear;
  if (fiscalYear !== undefined && typeof fiscalYear !== 'string') throw BadUserInputError.field('fiscalYear', 'export.fiscalYear');
  return { view, delimiter, fiscalYear: fiscalYear || undefined, bom: query.bom === 'true' || query.bom === '1' };
}

function refuse(res: Response, error: unknown, locale: Locale): void {
  if (!(error instanceof DomainError)) throw error;
  const fields =
    error instanceof BadUserInputError
      ? error.fields.map((f) => ({ field: f.field, message: translate(f.message, locale, f.params) }))
      : undefined;
  res
    .status(STATUS[error.code] ?? 400)
    .json({ errors: [{ message: translate(error.messageKey, locale, error.params), extensions: { code: error.code, ...(fields ? { fields } : {}) } }] });
}
