import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import QueryStream from 'pg-query-stream';
import { csvRow, UTF8_BOM } from '../common/csv.js';
import { fiscalYearBounds } from '../common/period.js';
import { fail, parseOptions, withCliDatabase } from './cli-database.js';

/** What can be exported: the bi views, by a friendly name. */
const VIEWS: Record<string, string> = {
  'employer-counts': 'employer_counts_by_region_fiscal_year',
  'dim-region': 'dim_region',
  'dim-company': 'dim_company',
  'dim-advisor': 'dim_advisor',
  'fact-accompaniment': 'fact_accompaniment',
  'fact-interaction': 'fact_interaction',
  'fact-recruitment-need': 'fact_recruitment_need',
  'fact-event-participation': 'fact_event_participation',
  'fact-portail-referral': 'fact_portail_referral',
};

const USAGE = `Usage : npm run export -- <${Object.keys(VIEWS).join('|')}> [--fiscal-year 2020-2021] [--format csv]
                          [--bom] [--delimiter ';'] [--output fichier.csv]
  --bom         commence par une marque d'ordre d'octets UTF-8 (Excel reconnaît alors les accents)
  --delimiter   séparateur de colonnes (« ; » pour un Excel en français), « , » par défaut`;

/** Every value as PostgreSQL writes it in text (dates, booleans t/f, numerics exactly), not parsed into JavaScript. */
const AS_TEXT = { getTypeParser: () => (text: string) => text };
/** Rows fetched per round trip, and CSV text gathered before each write. */
const BATCH_ROWS = 1000;
const CHUNK_CHARACTERS = 64 * 1024;

/**
 * Streams a bi view as CSV with a header row, optionally restricted to one fiscal year, to a file or standard
 * output. Rows come through a cursor (pg-query-stream, a batch at a time: they never all sit in memory) and are
 * written by src/common/csv.ts, which quotes them (RFC 4180) and neutralizes cells a spreadsheet would take for
 * a formula. The view itself stays raw.
 */
async function main(args: string[]): Promise<void> {
  const { options, positional } = parseOptions(args);
  const view = VIEWS[positional[0] ?? ''];
  const format = options.get('format') ?? 'csv';
  const delimiter = options.get('delimiter') ?? ',';
  const fiscalYear = options.get('fiscal-year');
  if (!view || format !== 'csv' || typeof delimiter !== 'string' || !/^[^"\r\n]$/.test(delimiter) || fiscalYear === true) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  if (fiscalYear !== undefined && !fiscalYearBounds(fiscalYear)) {
    process.stderr.write(`Exercice financier invalide : ${fiscalYear} (AAAA-AAAA, ex. 2020-2021)\n`);
    process.exit(2);
  }
  const output = options.get('output');
  await withCliDatabase(async (dataSource) => {
    const columns = (
      (await dataSource.query(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'bi' AND table_name = $1 ORDER BY ordinal_position`,
        [view],
      )) as { column_name: string }[]
    ).map((r) => r.column_name);
    const yearColumn = ['fiscal_year', 'fiscal_year_opened'].find((c) => columns.includes(c));
    if (fiscalYear !== undefined && !yearColumn) {
      throw new Error(`La vue ${positional[0]} n'a pas d'exercice financier : retirez --fiscal-year.`);
    }
    // The view and the year column come from fixed lists; the fiscal year is a parameter.
    const where = fiscalYear === undefined ? '' : ` WHERE ${yearColumn} = $1`;
    const target: Writable = typeof output === 'string' ? createWriteStream(output) : process.stdout;
    const runner = dataSource.createQueryRunner('slave');
    try {
      const client = (await runner.connect()) as pg.PoolClient;
      const rows = client.query(
        new QueryStream(`SELECT * FROM bi.${view}${where}`, fiscalYear === undefined ? [] : [fiscalYear], {
          batchSize: BATCH_ROWS,
          rowMode: 'array',
          types: AS_TEXT,
        }),
      );
      const csv = { delimiter };
      async function* lines(source: AsyncIterable<unknown[]>): AsyncGenerator<string> {
        let chunk = (options.get('bom') === true ? UTF8_BOM : '') + csvRow(columns, csv);
        for await (const row of source) {
          chunk += csvRow(row, csv);
          if (chunk.length >= CHUNK_CHARACTERS) {
            yield chunk;
            chunk = '';
          }
        }
        yield chunk;
      }
      await pipeline(rows, lines, target, { end: target !== process.stdout });
    } finally {
      await runner.release();
    }
  });
}

main(process.argv.slice(2)).catch(fail);
