import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { fiscalYearBounds } from '../common/period.js';
import { BI_EXPORT_VIEWS as VIEWS, FISCAL_YEAR_COLUMNS } from '../exports/bi-export-views.js';
import { fail, parseOptions, withCliDatabase } from './cli-database.js';

const USAGE = `Usage : npm run export -- <${Object.keys(VIEWS).join('|')}> [--fiscal-year 2020-2021] [--format csv]
                          [--bom] [--delimiter ';'] [--output fichier.csv]
  --bom         commence par une marque d'ordre d'octets UTF-8 (Excel reconnaît alors les accents)
  --delimiter   séparateur de colonnes (« ; » pour un Excel en français), « , » par défaut`;

/**
 * Streams a bi view as CSV with a header row (PostgreSQL COPY, so the rows never sit in memory), optionally
 * restricted to one fiscal year, to a file or standard output.
 */
async function main(args: string[]): Promise<void> {
  const { options, positional } = parseOptions(args);
  const view = VIEWS[positional[0] ?? ''];
  const format = options.get('format') ?? 'csv';
  const delimiter = options.get('delimiter') ?? ',';
  const fiscalYear = options.get('fiscal-year');
  if (!view || format !== 'csv' || typeof delimiter !== 'string' || delimiter.length !== 1 || fiscalYear === true) {
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
      (await dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'bi' AND table_name = $1`, [
        view,
      ])) as { column_name: string }[]
    ).map((r) => r.column_name);
    // The fiscal year was checked to be digits (YYYY-YYYY): safe to write into the COPY statement.
    const yearColumn = FISCAL_YEAR_COLUMNS.find((c) => columns.includes(c));
    if (fiscalYear !== undefined && !yearColumn) {
      throw new Error(`La vue ${positional[0]} n'a pas d'exercice financier : retirez --fiscal-year.`);
    }
    const where = fiscalYear === undefined ? '' : ` WHERE ${yearColumn} = '${fiscalYear}'`;
    const target: Writable = typeof output === 'string' ? createWriteStream(output) : process.stdout;
    if (options.get('bom') === true) target.write('\uFEFF');
    const runner = dataSource.createQueryRunner('slave');
    try {
      const client = (await runner.connect()) as pg.PoolClient;
      const quoted = delimiter.replace("'", "''");
      const sql = `COPY (SELECT * FROM bi.${view}${where}) TO STDOUT WITH (FORMAT csv, HEADER true, DELIMITER '${quoted}')`;
      await pipeline(client.query(copyTo(sql)), target, { end: target !== process.stdout });
    } finally {
      await runner.release();
    }
  });
}

main(process.argv.slice(2)).catch(fail);
