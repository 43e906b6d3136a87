import { createReadStream } from 'node:fs';
import { open, stat, writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse';
import type pg from 'pg';
import { AuditService } from '../../audit/audit.service.js';
import {
  CompanyCsvReader,
  CsvHeaderError,
  csvParseOptions,
  detectDelimiter,
  formatErrorReport,
  isBlankRecord,
  LineCounter,
  normalizeRegionCode,
  sortProblems,
  type CompanyCsvFormat,
  type CompanyImportRow,
  type CsvSkip,
  type RowProblem,
} from './company-csv.js';

/**
 * Imports companies from a CSV file into `companies`, in batches written while the file is still being read: each
 * batch is one transaction of a few multi-row statements (never one round trip per row) that upsert by NEQ, match
 * rows without NEQ by normalized name and region, and write one `audit_log` row per company actually inserted or
 * changed (through AuditService's bulk form, in the same statements). Re-importing the same file changes nothing and writes no audit row.
 */

/** What the import needs from a pg Pool (or anything that lends a client). */
export interface ClientSource {
  connect(): Promise<pg.PoolClient>;
}

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
}

export interface CompanyImportOptions {
  /** Validate and count what would change, inside a transaction that is rolled back. */
  dryRun?: boolean;
  /** Region (`--region`) of the rows that have none; an existing company keeps its own. */
  defaultRegion?: string | null;
  /** Where the rejected rows are written; `<file>.errors.csv` by default. */
  reportPath?: string;
  /** Rows per transaction. */
  batchSize?: number;
  /**
   * Connections writing batches at the same time (2 by default; 1 in a dry run). `db` must be able to lend that
   * many clients at once.
   */
  connections?: number;
  onProgress?: (progress: ImportProgress) => void;
}

export interface CompanyImportSummary {
  file: string;
  format: CompanyCsvFormat;
  delimiter: ',' | ';';
  dryRun: boolean;
  /** Data records in the file (the header is not counted). */
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows refused (a row with several problems counts once). */
  rejected: number;
  durationMs: number;
  reportPath: string;
  /** The report's lines, sorted by line. */
  problems: RowProblem[];
}

/** The import cannot start (unreadable file, unknown region given, unrecognized header…) or had to stop. */
export class CompanyImportError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CompanyImportError';
  }
}

export const DEFAULT_BATCH_SIZE = 5000;
export const DEFAULT_CONNECTIONS = 2;
export const IMPORT_REQUEST_ID = 'system:import';
const PROGRESS_EVERY = 2000;

export function defaultReportPath(file: string): string {
  return `${file}.errors.csv`;
}

export async function importCompaniesFromCsv(
  db: ClientSource,
  file: string,
  options: CompanyImportOptions = {},
): Promise<CompanyImportSummary> {
  const started = performance.now();
  const dryRun = options.dryRun ?? false;
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const connections = dryRun ? 1 : Math.max(1, options.connections ?? DEFAULT_CONNECTIONS);
  const reportPath = options.reportPath ?? defaultReportPath(file);
  const totalBytes = await fileSize(file);
  const delimiter = detectDelimiter(await firstLine(file));
  // An unwritable report path is found now rather than after the import.
  await writeFile(reportPath, formatErrorReport([]), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CompanyImportError(`rapport impossible à écrire : ${reportPath} (${error.code ?? String(error)})`, { cause: error });
  });

  const clients: pg.PoolClient[] = [];
  let broken: Error | undefined;
  try {
    clients.push(await db.connect());
    const knownRegions = new Set(
      (await clients[0]!.query<{ code: string }>('SELECT code FROM regions')).rows.map((r) => r.code),
    );
    let defaultRegion: string | null = null;
    if (options.defaultRegion != null && options.defaultRegion !== '') {
      defaultRegion = normalizeRegionCode(options.defaultRegion);
      if (defaultRegion === null || !knownRegions.has(defaultRegion)) {
        throw new CompanyImportError(`--region ${options.defaultRegion} : région inconnue (01 à 17)`);
      }
    }
    while (clients.length < connections) clients.push(await db.connect());

    const problems: RowProblem[] = [];
    const counts = { rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, rejectedRows: 0 };
    const skipped: CsvSkip[] = [];
    const source = createReadStream(file);
    const parser = source.pipe(parse(csvParseOptions(delimiter, (error) => skipped.push(error))));
    source.on('error', (error) => parser.destroy(error));
    const progress = () => options.onProgress?.({ rowsRead: counts.rowsRead, bytesRead: source.bytesRead, totalBytes });

    const writers = new BatchWriters(clients, dryRun, (rows, result) => {
      counts.inserted += result.inserted;
      counts.updated += result.updated;
      counts.unchanged += rows.length - result.inserted - result.updated - result.problems.length;
      counts.rejectedRows += result.problems.length;
      problems.push(...result.problems);
      progress();
    });
    // Rows with and without NEQ wait in separate batches: matching rows without NEQ by name scans `companies` once
    // per batch, so they are best grouped.
    const batches = { byNeq: [] as CompanyImportRow[], byName: [] as CompanyImportRow[] };
    const flush = async (kind: keyof typeof batches) => {
      const rows = batches[kind];
      batches[kind] = [];
      if (rows.length > 0) await writers.write(rows);
    };

    let reader: CompanyCsvReader | null = null;
    const lines = new LineCounter();
    if (dryRun) await begin(clients[0]!);
    try {
      for await (const values of parser as AsyncIterable<string[]>) {
        const line = lines.start(values);
        if (isBlankRecord(values)) continue;
        if (reader === null) {
          reader = headerReader(values, { knownRegions, defaultRegion });
          continue;
        }
        counts.rowsRead++;
        const result = reader.read(values, line);
        if (result.row) {
          const kind = result.row.neq === null ? 'byName' : 'byNeq';
          batches[kind].push(result.row);
          if (batches[kind].length >= batchSize) await flush(kind);
        } else {
          counts.rejectedRows++;
          problems.push(...result.problems);
        }
        if (counts.rowsRead % PROGRESS_EVERY === 0) progress();
      }
      if (reader === null) throw new CompanyImportError('fichier vide : aucune ligne d’en-tête');
      counts.rowsRead += skipped.length;
      counts.rejectedRows += skipped.length;
      problems.push(...skipped.map((error) => lines.unreadable(error)));
      await flush('byNeq');
      await flush('byName');
      await writers.finish();
    } catch (error) {
      source.destroy();
      await writers.settle();
      throw error;
    } finally {
      if (dryRun) {
        await clients[0]!.query('ROLLBACK').catch((error: Error) => {
          broken = error;
        });
      }
    }
    progress();

    sortProblems(problems);
    await writeFile(reportPath, formatErrorReport(problems), 'utf8');
    return {
      file,
      format: reader.format,
      delimiter,
      dryRun,
      rowsRead: counts.rowsRead,
      inserted: counts.inserted,
      updated: counts.updated,
      unchanged: counts.unchanged,
      rejected: counts.rejectedRows,
      durationMs: performance.now() - started,
      reportPath,
      problems,
    };
  } finally {
    for (const client of clients) client.release(broken);
  }
}

/**
 * Writes batches on a few connections at once, each batch in its own transaction (in the dry run: one connection,
 * whose single transaction is rolled back at the end). Parsing goes on while batches are written; `write` waits
 * only when every connection is busy. The first failure stops the import.
 */
class BatchWriters {
  private readonly idle: pg.PoolClient[];
  private readonly running = new Set<Promise<void>>();
  private failure: CompanyImportError | null = null;

  constructor(
    clients: pg.PoolClient[],
    private readonly dryRun: boolean,
    private readonly done: (rows: CompanyImportRow[], result: BatchResult) => void,
  ) {
    this.idle = [...clients];
  }

  async write(rows: CompanyImportRow[]): Promise<void> {
    while (this.idle.length === 0) await Promise.race(this.running);
    if (this.failure) throw this.failure;
    const client = this.idle.pop()!;
    const task: Promise<void> = writeBatchRetrying(client, rows, this.dryRun)
      .then(
        (result) => this.done(rows, result),
        (error: unknown) => {
          this.failure ??= new CompanyImportError(
            `échec de l’écriture des lignes ${rows[0]!.line} à ${rows.at(-1)!.line} : ${String(error)}` +
              (this.dryRun ? '' : ' ; les autres lots sont enregistrés et relancer le même fichier est sans danger'),
            { cause: error },
          );
        },
      )
      .finally(() => {
        this.idle.push(client);
        this.running.delete(task);
      });
    this.running.add(task);
  }

  /** Waits for the batches being written; throws the first failure. */
  async finish(): Promise<void> {
    await this.settle();
    if (this.failure) throw this.failure;
  }

  /** Waits for the batches being written, whatever their outcome. */
  async settle(): Promise<void> {
    await Promise.all(this.running);
  }
}

function headerReader(header: string[], options: ConstructorParameters<typeof CompanyCsvReader>[1]): CompanyCsvReader {
  try {
    return new CompanyCsvReader(header, options);
  } catch (error) {
    if (error instanceof CsvHeaderError) throw new CompanyImportError(error.message, { cause: error });
    throw error;
  }
}

async function fileSize(file: string): Promise<number> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new CompanyImportError(`${file} n’est pas un fichier`);
    return info.size;
  } catch (error) {
    if (error instanceof CompanyImportError) throw error;
    throw new CompanyImportError(`fichier illisible : ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`, {
      cause: error,
    });
  }
}

/** The header line (the first non-blank one, in the first 64 KiB), BOM removed, to choose the delimiter before parsing. */
async function firstLine(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    return text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// SQL

interface BatchResult {
  inserted: number;
  updated: number;
  /** Rows refused by what only the database knows (several companies match a row without NEQ). */
  problems: RowProblem[];
}

/**
 * One batch, in one transaction (the dry run's single transaction instead): rows without NEQ are first matched by
 * normalized name and region; then one statement upserts the rows with a NEQ and inserts the unmatched ones, and
 * one statement updates the matched ones. Each statement writes its own audit rows.
 */
async function writeBatch(client: pg.PoolClient, rows: CompanyImportRow[], dryRun: boolean): Promise<BatchResult> {
  const result: BatchResult = { inserted: 0, updated: 0, problems: [] };
  if (!dryRun) await begin(client);
  try {
    const matches = await matchByName(client, rows.filter((r) => r.neq === null));
    const upserted = rows.filter((r) => r.neq !== null || !matches.has(r.line));
    const matched: { row: CompanyImportRow; id: string }[] = [];
    for (const [line, match] of matches) {
      const row = rows.find((r) => r.line === line)!;
      if (match.count === 1) matched.push({ row, id: match.id });
      else {
        result.problems.push({
          line,
          field: 'legal_name',
          reason: `${match.count} entreprises de la région ${row.regionCode} portent déjà ce nom : ajoutez le NEQ pour choisir`,
        });
      }
    }
    if (upserted.length > 0) {
      const { rows: [counts] } = await client.query<{ inserted: number; updated: number }>(UPSERT_BY_NEQ, columnArrays(upserted));
      result.inserted += counts!.inserted;
      result.updated += counts!.updated;
    }
    if (matched.length > 0) {
      const { rows: [counts] } = await client.query<{ updated: number }>(UPDATE_MATCHED, [
        ...columnArrays(matched.map((m) => m.row)),
        matched.map((m) => m.id),
      ]);
      result.updated += counts!.updated;
    }
    if (!dryRun) await client.query('COMMIT');
  } catch (error) {
    if (!dryRun) await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return result;
}

/** Deadlock or serialization failure: the batch was rolled back and can be written again. */
const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Two connections could in rare cases lock the same two companies in opposite orders (a company named by NEQ in one
 * batch and matched by name in another): PostgreSQL then rolls one batch back, which is written again.
 */
async function writeBatchRetrying(client: pg.PoolClient, rows: CompanyImportRow[], dryRun: boolean): Promise<BatchResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeBatch(client, rows, dryRun);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (dryRun || attempt >= 3 || !code || !RETRYABLE.has(code)) throw error;
    }
  }
}

/**
 * Opens a transaction for import statements. JIT compilation is turned off for it: the planner's row estimates for
 * the statements' CTEs are far too high, so it would compile every batch's plan (tens of ms) for nothing.
 */
async function begin(client: pg.PoolClient): Promise<void> {
  await client.query('BEGIN; SET LOCAL jit = off');
}

/**
 * Existing companies with the same normalized name in the same region, for the rows without NEQ: line → how many
 * and the first one's id, through the (region_code, name_key) index.
 */
async function matchByName(client: pg.PoolClient, rows: CompanyImportRow[]): Promise<Map<number, { count: number; id: string }>> {
  const matches = new Map<number, { count: number; id: string }>();
  if (rows.length === 0) return matches;
  const { rows: found } = await client.query<{ line: number; count: number; id: string }>(
    `SELECT i.line, count(*)::int AS count, (array_agg(c.id ORDER BY c.created_at, c.id))[1] AS id
       FROM unnest($1::int[], $2::text[], $3::text[]) AS i(line, region_code, name_key)
       JOIN companies c ON c.name_key = i.name_key AND c.region_code = i.region_code
      GROUP BY i.line`,
    [rows.map((r) => r.line), rows.map((r) => r.regionCode), rows.map((r) => r.nameKey)],
  );
  for (const { line, count, id } of found) matches.set(line, { count, id });
  return matches;
}

/** Other names travel as one text joined by U+001F, a control character that validation refuses in names. */
const NAMES_SEPARATOR = '\u001F';

/** The batch as one array per column, in the order of the `input` CTE below ($1…$14). */
function columnArrays(rows: CompanyImportRow[]): unknown[] {
  return [
    rows.map((r) => r.line),
    rows.map((r) => r.neq),
    rows.map((r) => r.legalName),
    rows.map((r) => (r.otherNames.length > 0 ? r.otherNames.join(NAMES_SEPARATOR) : null)),
    rows.map((r) => r.naicsCode),
    rows.map((r) => r.caeCode),
    rows.map((r) => r.sizeBand),
    rows.map((r) => r.ownership),
    rows.map((r) => r.address),
    rows.map((r) => r.municipality),
    rows.map((r) => r.postalCode),
    rows.map((r) => r.regionCode),
    rows.map((r) => r.regionFromDefault),
    rows.map((r) => r.nameKey),
  ];
}

const INPUT = `
  input AS (
    SELECT t.line, t.neq, t.legal_name, coalesce(string_to_array(t.other_names, chr(31)), '{}'::text[]) AS other_names,
           t.naics_code, t.cae_code, t.size_band, t.ownership, t.address, t.municipality, t.postal_code,
           t.region_code, t.region_default, t.name_key
      FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                  $9::text[], $10::text[], $11::text[], $12::text[], $13::boolean[], $14::text[])
        AS t(line, neq, legal_name, other_names, naics_code, cae_code, size_band, ownership, address, municipality,
             postal_code, region_code, region_default, name_key)
  )`;

/** The company as the audit trail shows it (the entity's property names, like the API's own audit rows). */
const companyJson = (c: string) => `jsonb_build_object(
    'id', ${c}.id, 'legalName', ${c}.legal_name, 'otherNames', to_jsonb(${c}.other_names), 'neq', ${c}.neq,
    'naicsCode', ${c}.naics_code, 'caeCode', ${c}.cae_code, 'sizeBand', ${c}.size_band, 'ownership', ${c}.ownership,
    'address', ${c}.address, 'municipality', ${c}.municipality, 'postalCode', ${c}.postal_code,
    'regionCode', ${c}.region_code, 'nameKey', ${c}.name_key, 'version', ${c}.version,
    'createdAt', ${c}.created_at, 'updatedAt', ${c}.updated_at)`;

/**
 * The value each column takes when an existing company `e` is updated from `s`: the file's value, except that an
 * empty cell never erases what the CRM already has (optional columns keep their value, other names too).
 */
const UPDATED_COLUMNS = (s: string, e: string) => ({
  legal_name: `${s}.legal_name`,
  name_key: `${s}.name_key`,
  other_names: `CASE WHEN cardinality(${s}.other_names) > 0 THEN ${s}.other_names ELSE ${e}.other_names END`,
  naics_code: `coalesce(${s}.naics_code, ${e}.naics_code)`,
  cae_code: `coalesce(${s}.cae_code, ${e}.cae_code)`,
  size_band: `coalesce(${s}.size_band, ${e}.size_band)`,
  ownership: `coalesce(${s}.ownership, ${e}.ownership)`,
  address: `coalesce(${s}.address, ${e}.address)`,
  municipality: `coalesce(${s}.municipality, ${e}.municipality)`,
  postal_code: `coalesce(${s}.postal_code, ${e}.postal_code)`,
  region_code: `${s}.region_code`,
});

/** The `SET …` list that updates company `c` from `source`. */
function setFrom(source: string): string {
  return [
    ...Object.entries(UPDATED_COLUMNS(source, 'c')).map(([column, value]) => `${column} = ${value}`),
    'version = c.version + 1',
    'updated_at = now()',
  ].join(',\n        ');
}

/** True when updating company `existing` from `source` changes something (else nothing is written nor audited). */
function changes(source: string, existing: string): string {
  const columns = Object.entries(UPDATED_COLUMNS(source, existing));
  return `((${columns.map(([column]) => `${existing}.${column}`).join(', ')})
      IS DISTINCT FROM (${columns.map(([, value]) => value).join(', ')}))`;
}

const INSERTED_COLUMNS =
  'legal_name, other_names, neq, naics_code, cae_code, size_band, ownership, address, municipality, postal_code, region_code, name_key';

/**
 * Rows with a NEQ, and rows without NEQ that match no company: one INSERT … ON CONFLICT (neq) DO UPDATE … WHERE
 * <something changes>. `old` reads the companies as they were before the statement (every part of a statement sees
 * the same snapshot): it gives the audit's `before`, tells inserts from updates, and leaves out beforehand the rows
 * that would change nothing (ON CONFLICT would still lock them). The ON CONFLICT condition stays, for a company
 * written meanwhile by someone else. A row whose region came from --region keeps the existing company's region.
 * Rows without NEQ never conflict: they are inserted.
 */
export const UPSERT_BY_NEQ = `
WITH ${INPUT},
  old AS (
    SELECT c.* FROM companies c WHERE c.neq IN (SELECT neq FROM input)
  ),
  src AS (
    SELECT i.legal_name, i.other_names, i.neq, i.naics_code, i.cae_code, i.size_band, i.ownership, i.address,
           i.municipality, i.postal_code,
           CASE WHEN i.region_default AND o.id IS NOT NULL THEN o.region_code ELSE i.region_code END AS region_code,
           i.name_key, o.id AS old_id
      FROM input i LEFT JOIN old o ON o.neq = i.neq
  ),
  up AS (
    INSERT INTO companies AS c (${INSERTED_COLUMNS})
    SELECT ${INSERTED_COLUMNS.replace(/(\w+)/g, 's.$1')}
      FROM src s LEFT JOIN old o ON o.id = s.old_id
     WHERE s.old_id IS NULL OR ${changes('s', 'o')}
    ON CONFLICT (neq) DO UPDATE SET
        ${setFrom('EXCLUDED')}
      WHERE ${changes('EXCLUDED', 'c')}
    RETURNING c.id, ${companyJson('c')} AS after
  ),
  written AS (
    SELECT up.id, up.after, o.id AS old_id, CASE WHEN o.id IS NOT NULL THEN ${companyJson('o')} END AS before
      FROM up LEFT JOIN old o ON o.id = up.id
  ),
  audit AS (
    ${AuditService.insertFrom(`SELECT NULL::uuid, 'import', 'Company', id::text, before, after, '${IMPORT_REQUEST_ID}' FROM written`)}
  )
SELECT (count(*) FILTER (WHERE old_id IS NULL))::int AS inserted, (count(*) FILTER (WHERE old_id IS NOT NULL))::int AS updated
  FROM written`;

/**
 * Rows without NEQ matched to one existing company ($15: its id): the company is updated when something differs.
 * `before` is read in the same statement, so before the update.
 */
export const UPDATE_MATCHED = `
WITH ${INPUT},
  upd AS (
    UPDATE companies c SET
        ${setFrom('m')}
      FROM (SELECT i.*, o.id AS match_id, ${companyJson('o')} AS before
              FROM input i
              JOIN unnest($1::int[], $15::uuid[]) AS x(line, id) ON x.line = i.line
              JOIN companies o ON o.id = x.id) m
     WHERE c.id = m.match_id AND ${changes('m', 'c')}
    RETURNING c.id, m.before, ${companyJson('c')} AS after
  ),
  audit AS (
    ${AuditService.insertFrom(`SELECT NULL::uuid, 'import', 'Company', upd.id::text, upd.before, upd.after, '${IMPORT_REQUEST_ID}' FROM upd`)}
  )
SELECT count(*)::int AS updated FROM upd`;
