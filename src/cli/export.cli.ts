import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { RequestContext } from '../auth/request-context.js';
import { fiscalYearBounds } from '../common/period.js';
import { BadUserInputError } from '../errors/domain.errors.js';
import { BiExportService } from '../exports/bi-export.service.js';
import { BI_EXPORT_VIEWS as VIEWS } from '../exports/bi-export-views.js';
import { ExportsRepository } from '../exports/exports.repository.js';
import { translate } from '../i18n/messages.js';
import { fail, parseOptions, withCliDatabase } from './cli-database.js';

const USAGE = `Usage : npm run export -- <${Object.keys(VIEWS).join('|')}> [--fiscal-year 2020-2021] [--format csv]
                          [--bom] [--delimiter ';'] [--output fichier.csv]
  --bom         commence par une marque d'ordre d'octets UTF-8 (Excel reconnaît alors les accents)
  --delimiter   séparateur de colonnes (« ; » pour un Excel en français), « , » par défaut`;

/**
 * Streams a bi view as CSV with a header row, optionally restricted to one fiscal year, to a file or standard
 * output — the same export as `GET /exports/<view>.csv` (BiExportService: streamed, written by src/common/csv.ts,
 * cells a spreadsheet would take for a formula neutralized).
 */
async function main(args: string[]): Promise<void> {
  const { options, positional } = parseOptions(args);
  const view = positional[0] ?? '';
  const format = options.get('format') ?? 'csv';
  const delimiter = options.get('delimiter') ?? ',';
  const fiscalYear = options.get('fiscal-year');
  if (!VIEWS[view] || format !== 'csv' || typeof delimiter !== 'string' || !/^[^"\r\n]$/.test(delimiter) || fiscalYear === true) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  if (fiscalYear !== undefined && !fiscalYearBounds(fiscalYear)) {
    process.stderr.write(`Exercice financier invalide : ${fiscalYear} (AAAA-AAAA, ex. 2020-2021)\n`);
    process.exit(2);
  }
  const output = options.get('output');
  await withCliDatabase(async (dataSource) => {
    const exports = new BiExportService(new ExportsRepository(dataSource));
    const request = { view, fiscalYear, delimiter, bom: options.get('bom') === true };
    const prepared = await exports.prepare(RequestContext.system('export'), request).catch((error: unknown) => {
      if (error instanceof BadUserInputError && error.fields[0]) {
        throw new Error(`${view} : ${translate(error.fields[0].message, 'fr', error.fields[0].params)}`);
      }
      throw error;
    });
    const target: Writable = typeof output === 'string' ? createWriteStream(output) : process.stdout;
    await exports.write(prepared, request, target);
  });
}

main(process.argv.slice(2)).catch(fail);
