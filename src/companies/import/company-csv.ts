import { parse, type Options as CsvParseOptions } from 'csv-parse/sync';
import { isCleanMultilineText, isSingleLine } from '../../common/single-line.js';
import { csvRow, UTF8_BOM } from '../../common/csv.js';
import { normalizePostalCode } from '../../reference-data/postal-code.js';
import { isNaicsCode, normalizeNeq } from '../company-identifiers.js';
import { companyNameKey } from '../company-name.js';
import { Ownership, SizeBand } from '../company.enums.js';

/**
 * Reading companies from CSV, without the database: which format a header describes, how each row maps to the
 * `companies` columns, and which rows are refused and why (reasons in French, for the error report).
 *
 * Two formats are recognized from the header row:
 * - the project's template: `neq,legal_name,other_names,naics_code,size_band,ownership,address,municipality,
 *   postal_code,region_code` (other names separated by `|`);
 * - the Registre des entreprises du Québec open-data extract (Entreprise.csv): `NEQ`, `NOM_ASSUJ` (or `NOM`),
 *   `ADR_DOMCL_LIGN1_ADR`…`ADR_DOMCL_LIGN4_ADR`, `COD_ACT_ECON_CAE` (a CAE code, never a SCIAN one) and an
 *   optional `region_code`; its other columns are ignored.
 */

export type CompanyCsvFormat = 'template' | 'registre';

export const TEMPLATE_COLUMNS = [
  'neq',
  'legal_name',
  'other_names',
  'naics_code',
  'size_band',
  'ownership',
  'address',
  'municipality',
  'postal_code',
  'region_code',
] as const;

/** Separator of the other names in the template's `other_names` cell. */
export const OTHER_NAMES_SEPARATOR = '|';

/** Column lengths of the `companies` table (migrations/1763800000000-core-crm.ts) and the API's limits. */
export const LIMITS = { legalName: 300, otherName: 300, otherNames: 20, address: 300, municipality: 100 } as const;

/** A valid row, normalized and ready for the `companies` table. */
export interface CompanyImportRow {
  /** Line of the file where the record starts (the header is line 1). */
  line: number;
  neq: string | null;
  legalName: string;
  otherNames: string[];
  naicsCode: string | null;
  caeCode: string | null;
  sizeBand: SizeBand | null;
  ownership: Ownership | null;
  address: string | null;
  municipality: string | null;
  postalCode: string | null;
  regionCode: string;
  /** True when the region came from `--region`, not from the file: an existing company then keeps its own. */
  regionFromDefault: boolean;
  nameKey: string;
}

/** One reason a row was refused, as written in the error report. */
export interface RowProblem {
  line: number;
  /** The CSV column at fault (empty when the whole record is unreadable). */
  field: string;
  reason: string;
}

/** The header cannot be imported (unknown format, missing columns): nothing is read. */
export class CsvHeaderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvHeaderError';
  }
}

export interface CompanyCsvOptions {
  /** Codes of the regions that exist (the `regions` table). */
  knownRegions: ReadonlySet<string>;
  /** Region of the rows that have none (`--region`), already checked against knownRegions. */
  defaultRegion?: string | null;
}

export type RowResult = { row: CompanyImportRow; problems?: undefined } | { row?: undefined; problems: RowProblem[] };

/** Chooses `;` or `,` from the header line (whichever appears more often outside quotes). */
export function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** What csv-parse says about a record it could not read. */
export interface CsvSkip {
  code?: string;
  message: string;
  lines?: number;
}

/**
 * csv-parse options for a company file: records as arrays of strings, BOM dropped, quotes inside values kept as
 * typed, a record that cannot be read skipped and handed to `onSkip`. Blank lines come through (as `['']`) so that
 * `LineCounter` can count lines; the readers skip them.
 */
export function csvParseOptions(delimiter: ',' | ';', onSkip: (error: CsvSkip) => void): CsvParseOptions {
  return {
    bom: true,
    delimiter,
    // A quote inside a value (LES "ABC" INC.) is kept as typed instead of making the rest of the file unreadable.
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    on_skip: (error) => {
      onSkip(error ?? { message: 'erreur inconnue' });
      return undefined;
    },
  };
}

/** A blank line (or one of spaces only). */
export function isBlankRecord(values: readonly string[]): boolean {
  return values.length === 1 && values[0]!.trim() === '';
}

/**
 * Line numbers of the records, counted from the records themselves (the header is line 1): a record takes one line
 * plus one per line break inside its quoted values. Cheaper than asking csv-parse for each record's context.
 */
export class LineCounter {
  private next = 1;

  /** The line `record` starts on; the counter moves past it. */
  start(record: readonly string[]): number {
    const line = this.next;
    this.next += 1;
    for (const value of record) {
      if (value.includes('\n') || value.includes('\r')) this.next += value.split(/\r\n|\r|\n/).length - 1;
    }
    return line;
  }

  /**
   * The report line of a record csv-parse could not read, once every record has been counted. With quotes inside
   * values kept as typed, that is a quote opened and never closed, which swallows the rest of the file.
   */
  unreadable(error: CsvSkip): RowProblem {
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      return {
        line: this.next,
        field: '',
        reason: 'ligne CSV illisible : guillemet jamais fermé, la suite du fichier n’a pas pu être lue',
      };
    }
    return { line: error.lines ?? this.next, field: '', reason: `ligne CSV illisible (${error.message.split(':')[0]})` };
  }
}

/** Region code typed as `3`, `03` or ` 13 ` → two digits; null when it is not a number of one or two digits. */
export function normalizeRegionCode(value: string): string | null {
  const trimmed = value.trim();
  return /^[0-9]{1,2}$/.test(trimmed) ? trimmed.padStart(2, '0') : null;
}

const SIZE_BANDS = Object.values(SizeBand);
const OWNERSHIPS = Object.values(Ownership);

const NON_ASCII = /[^\u0000-\u007F]/;
const UNTIDY_SPACE = /[\t\r\n]| {2}|^\s|\s$/;

/** Trimmed, NFC, inner white space collapsed; null when blank. Tabs and line breaks become spaces. */
function clean(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  // Both tests are cheap next to normalize() and replace(), which most cells do not need.
  let text = NON_ASCII.test(value) ? value.normalize('NFC') : value;
  if (UNTIDY_SPACE.test(text)) text = text.replace(/[\t\r\n ]+/g, ' ').trim();
  return text === '' ? null : text;
}

/** Collects the problems of one row while its fields are read. */
class RowCheck {
  readonly problems: RowProblem[] = [];

  constructor(readonly line: number) {}

  fail(field: string, reason: string): null {
    this.problems.push({ line: this.line, field, reason });
    return null;
  }

  /**
   * A text cell: no replacement character (bad encoding), at most `max` characters, and by the API's rule
   * (src/common/single-line.ts) on one line with no control character — or, for a `multiline` cell (an address),
   * no control character but tabs and line breaks, which become spaces.
   */
  text(field: string, value: string | undefined, max: number, label: string, options: { multiline?: boolean } = {}): string | null {
    if (value !== undefined && !options.multiline && !isSingleLine(value.trim())) {
      return this.fail(field, `${label} : une seule ligne, caractères de contrôle (saut de ligne, tabulation) interdits`);
    }
    const text = clean(value);
    if (text === null) return null;
    if (text.includes('\uFFFD')) return this.fail(field, 'caractère illisible : le fichier doit être encodé en UTF-8');
    if (!isCleanMultilineText(text)) return this.fail(field, `${label} : caractères de contrôle interdits`);
    if (text.length > max) return this.fail(field, `${label} trop long (${max} caractères au plus, ${text.length} reçus)`);
    return text;
  }

  legalName(field: string, value: string | undefined): { legalName: string; nameKey: string } | null {
    const legalName = this.text(field, value, LIMITS.legalName, 'nom légal');
    if (legalName === null) {
      if (clean(value) === null) this.fail(field, 'nom légal manquant');
      return null;
    }
    const nameKey = companyNameKey(legalName);
    if (nameKey === '') return this.fail(field, 'nom légal sans lettre ni chiffre');
    if (nameKey.length > LIMITS.legalName) return this.fail(field, `nom légal trop long (${LIMITS.legalName} caractères au plus)`);
    return { legalName, nameKey };
  }

  neq(field: string, value: string | undefined, required: boolean): string | null {
    const text = clean(value);
    if (text === null) return required ? this.fail(field, 'NEQ manquant') : null;
    return normalizeNeq(text) ?? this.fail(field, `NEQ invalide : « ${text} » (10 chiffres attendus)`);
  }

  region(field: string, value: string | undefined, options: CompanyCsvOptions): { code: string; fromDefault: boolean } | null {
    const text = clean(value);
    if (text === null) {
      if (options.defaultRegion) return { code: options.defaultRegion, fromDefault: true };
      return this.fail(field, 'région manquante : remplissez region_code ou donnez --region');
    }
    const code = normalizeRegionCode(text);
    if (code === null) return this.fail(field, `code de région invalide : « ${text} » (01 à 17)`);
    if (!options.knownRegions.has(code)) return this.fail(field, `région inconnue : ${code}`);
    return { code, fromDefault: false };
  }

  postalCode(field: string, value: string | undefined): string | null {
    const text = clean(value);
    if (text === null) return null;
    return normalizePostalCode(text) ?? this.fail(field, `code postal invalide : « ${text} » (format A1A 1A1)`);
  }

  enumValue<T extends string>(field: string, value: string | undefined, allowed: readonly T[], label: string): T | null {
    const text = clean(value);
    if (text === null) return null;
    const upper = text.toUpperCase() as T;
    if (allowed.includes(upper)) return upper;
    return this.fail(field, `${label} invalide : « ${text} » (valeurs permises : ${allowed.join(', ')})`);
  }
}

interface RowMapper {
  format: CompanyCsvFormat;
  /** Column whose value identifies duplicates, as named in the file (for the report). */
  neqField: string;
  nameField: string;
  expectedColumns: number;
  map(record: readonly string[], check: RowCheck): Omit<CompanyImportRow, 'line'> | null;
}

/** Lower-cased, trimmed column names → their index (the first one when a name repeats). */
function columnIndex(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const key = name.replace(/^\uFEFF/, '').trim().toLowerCase();
    if (key !== '' && !index.has(key)) index.set(key, i);
  });
  return index;
}

function templateMapper(header: readonly string[], options: CompanyCsvOptions): RowMapper {
  const index = columnIndex(header);
  const missing = TEMPLATE_COLUMNS.filter((c) => !index.has(c));
  if (missing.length > 0) {
    throw new CsvHeaderError(`colonnes manquantes dans l’en-tête du modèle : ${missing.join(', ')}`);
  }
  const at = (record: readonly string[], column: (typeof TEMPLATE_COLUMNS)[number]) => record[index.get(column)!];
  return {
    format: 'template',
    neqField: 'neq',
    nameField: 'legal_name',
    expectedColumns: header.length,
    map(record, check) {
      const neq = check.neq('neq', at(record, 'neq'), false);
      const name = check.legalName('legal_name', at(record, 'legal_name'));
      const otherNames = otherNamesOf(check, at(record, 'other_names'));
      const naicsText = clean(at(record, 'naics_code'));
      const naicsCode =
        naicsText === null || isNaicsCode(naicsText)
          ? naicsText
          : check.fail('naics_code', `code SCIAN invalide : « ${naicsText} » (2 à 6 chiffres d’un secteur SCIAN)`);
      const sizeBand = check.enumValue('size_band', at(record, 'size_band'), SIZE_BANDS, 'taille');
      const ownership = check.enumValue('ownership', at(record, 'ownership'), OWNERSHIPS, 'propriété');
      const address = check.text('address', at(record, 'address'), LIMITS.address, 'adresse', { multiline: true });
      const municipality = check.text('municipality', at(record, 'municipality'), LIMITS.municipality, 'municipalité');
      const postalCode = check.postalCode('postal_code', at(record, 'postal_code'));
      const region = check.region('region_code', at(record, 'region_code'), options);
      if (check.problems.length > 0 || !name || !region) return null;
      return {
        neq,
        ...name,
        otherNames,
        naicsCode,
        caeCode: null,
        sizeBand,
        ownership,
        address,
        municipality,
        postalCode,
        regionCode: region.code,
        regionFromDefault: region.fromDefault,
      };
    },
  };
}

function otherNamesOf(check: RowCheck, value: string | undefined): string[] {
  const names: string[] = [];
  for (const part of (value ?? '').split(OTHER_NAMES_SEPARATOR)) {
    const name = check.text('other_names', part, LIMITS.otherName, 'autre nom');
    if (name !== null && !names.includes(name)) names.push(name);
  }
  if (names.length > LIMITS.otherNames) check.fail('other_names', `trop d’autres noms (${LIMITS.otherNames} au plus)`);
  return names;
}

export const REGISTRE_ADDRESS_COLUMNS = [
  'ADR_DOMCL_LIGN1_ADR',
  'ADR_DOMCL_LIGN2_ADR',
  'ADR_DOMCL_LIGN3_ADR',
  'ADR_DOMCL_LIGN4_ADR',
] as const;
const REGISTRE_REQUIRED = ['NEQ', 'ADR_DOMCL_LIGN1_ADR', 'ADR_DOMCL_LIGN2_ADR', 'COD_ACT_ECON_CAE'] as const;

function registreMapper(header: readonly string[], options: CompanyCsvOptions): RowMapper {
  const index = columnIndex(header);
  const nameColumn = index.has('nom_assuj') ? 'NOM_ASSUJ' : 'NOM';
  const missing = [...REGISTRE_REQUIRED, nameColumn].filter((c) => !index.has(c.toLowerCase()));
  if (missing.length > 0) {
    throw new CsvHeaderError(`colonnes manquantes dans l’en-tête de l’extrait du Registre des entreprises : ${missing.join(', ')}`);
  }
  const at = (record: readonly string[], column: string) => {
    const i = index.get(column.toLowerCase());
    return i === undefined ? undefined : record[i];
  };
  const hasRegionColumn = index.has('region_code');
  return {
    format: 'registre',
    neqField: 'NEQ',
    nameField: nameColumn,
    expectedColumns: header.length,
    map(record, check) {
      const neq = check.neq('NEQ', at(record, 'NEQ'), true);
      const name = check.legalName(nameColumn, at(record, nameColumn));
      const lines: string[] = [];
      for (const column of REGISTRE_ADDRESS_COLUMNS) {
        const line = check.text(column, at(record, column), LIMITS.address, 'ligne d’adresse', { multiline: true });
        if (line !== null) lines.push(line);
      }
      const parts = parseRegistreAddress(lines);
      const address =
        parts.address !== null && parts.address.length > LIMITS.address
          ? check.fail('ADR_DOMCL_LIGN1_ADR', `adresse trop longue (${LIMITS.address} caractères au plus)`)
          : parts.address;
      const municipality =
        parts.municipality !== null && parts.municipality.length > LIMITS.municipality
          ? check.fail('ADR_DOMCL_LIGN2_ADR', `municipalité trop longue (${LIMITS.municipality} caractères au plus)`)
          : parts.municipality;
      const caeText = clean(at(record, 'COD_ACT_ECON_CAE'));
      const caeCode =
        caeText === null || /^[0-9]{1,6}$/.test(caeText)
          ? caeText
          : check.fail('COD_ACT_ECON_CAE', `code CAE invalide : « ${caeText} » (1 à 6 chiffres)`);
      const region = hasRegionColumn
        ? check.region('region_code', at(record, 'region_code'), options)
        : options.defaultRegion
          ? { code: options.defaultRegion, fromDefault: true }
          : check.fail('region_code', 'région manquante : l’extrait du Registre n’en a pas, donnez --region NN');
      if (check.problems.length > 0 || !name || !region) return null;
      return {
        neq,
        ...name,
        otherNames: [],
        naicsCode: null,
        caeCode,
        sizeBand: null,
        ownership: null,
        address,
        municipality,
        postalCode: parts.postalCode,
        regionCode: region.code,
        regionFromDefault: region.fromDefault,
      };
    },
  };
}

/** A trailing Canadian postal code ("H2X 1Y4", "h2x1y4", "H2X-1Y4"), with what precedes it. */
const TRAILING_POSTAL_CODE = /(^|[\s,(])([A-Za-z][0-9][A-Za-z])[\s-]?([0-9][A-Za-z][0-9])\)?$/;
/** "Montréal (Québec)", "MONTRÉAL, QC", "Laval Québec": the province after a municipality. */
const TRAILING_PROVINCE = /(?:\s*\([^)]*\)|[\s,]+(?:QC|QU[EÉ]BEC|PQ))\s*$/i;
const COUNTRY_ONLY = /^canada$/i;

export interface RegistreAddress {
  address: string | null;
  municipality: string | null;
  postalCode: string | null;
}

/**
 * The Registre's address lines → street address, municipality and postal code. The postal code is a trailing
 * Canadian code on the last line that has one ("H1J1Z1" alone, or "Montréal (Québec) H2X 1Y4"); the municipality
 * is what precedes it on that line, or else the line before it (or the last line after the first when there is no
 * postal code), without the province ("(Québec)", "QC"); the street address is the remaining lines. A line that
 * only says "CANADA" is dropped.
 */
export function parseRegistreAddress(rawLines: readonly string[]): RegistreAddress {
  const lines = rawLines.map((l) => l.trim()).filter((l) => l !== '' && !COUNTRY_ONLY.test(l));
  let postalCode: string | null = null;
  let postalLine = -1;
  for (let i = lines.length - 1; i >= 0 && postalLine < 0; i--) {
    const match = TRAILING_POSTAL_CODE.exec(lines[i]!);
    const code = match ? normalizePostalCode(`${match[2]}${match[3]}`) : null;
    if (match && code) {
      postalCode = code;
      postalLine = i;
      lines[i] = lines[i]!.slice(0, match.index + match[1]!.length).replace(/[\s,(]+$/, '');
    }
  }
  let municipalityLine = -1;
  if (postalLine > 0 && lines[postalLine] !== '') municipalityLine = postalLine;
  else if (postalLine > 1) municipalityLine = postalLine - 1;
  else if (postalLine < 0 && lines.length > 1) municipalityLine = lines.length - 1;
  const municipality =
    municipalityLine >= 0 ? lines[municipalityLine]!.replace(TRAILING_PROVINCE, '').replace(/[\s,]+$/, '').trim() || null : null;
  const street = lines.filter((l, i) => i !== municipalityLine && l !== '');
  return { address: street.length > 0 ? street.join(', ') : null, municipality, postalCode };
}

/** Which format a header row describes, or null. */
export function detectFormat(header: readonly string[]): CompanyCsvFormat | null {
  const index = columnIndex(header);
  if (index.has('legal_name')) return 'template';
  if (index.has('neq') && (index.has('nom_assuj') || index.has('nom') || index.has('adr_domcl_lign1_adr'))) return 'registre';
  return null;
}

/**
 * Reads the records of one file after its header: maps and checks each row, and refuses the later occurrences of
 * a NEQ (or, for rows without NEQ, of a name and region) that an earlier valid row of the file already has.
 */
export class CompanyCsvReader {
  readonly format: CompanyCsvFormat;
  private readonly mapper: RowMapper;
  private readonly firstLineOfNeq = new Map<string, number>();
  private readonly firstLineOfName = new Map<string, number>();

  constructor(header: readonly string[], options: CompanyCsvOptions) {
    const format = detectFormat(header);
    if (format === null) {
      throw new CsvHeaderError(
        `en-tête non reconnu : attendu le modèle du projet (${TEMPLATE_COLUMNS.join(',')}) ` +
          `ou l’extrait du Registre des entreprises (NEQ, NOM_ASSUJ, ADR_DOMCL_LIGN1_ADR, ADR_DOMCL_LIGN2_ADR, COD_ACT_ECON_CAE)`,
      );
    }
    this.format = format;
    this.mapper = format === 'template' ? templateMapper(header, options) : registreMapper(header, options);
  }

  read(record: readonly string[], line: number): RowResult {
    const check = new RowCheck(line);
    if (record.length !== this.mapper.expectedColumns) {
      return {
        problems: [
          { line, field: '', reason: `nombre de colonnes incorrect : ${record.length} au lieu de ${this.mapper.expectedColumns}` },
        ],
      };
    }
    const values = this.mapper.map(record, check);
    if (values === null) return { problems: check.problems };
    const row: CompanyImportRow = { line, ...values };
    if (row.neq !== null) {
      const first = this.firstLineOfNeq.get(row.neq);
      if (first !== undefined) {
        check.fail(this.mapper.neqField, `NEQ ${row.neq} en double dans le fichier : la ligne ${first} est retenue`);
        return { problems: check.problems };
      }
      this.firstLineOfNeq.set(row.neq, line);
    } else {
      const key = `${row.regionCode}\u0000${row.nameKey}`;
      const first = this.firstLineOfName.get(key);
      if (first !== undefined) {
        check.fail(this.mapper.nameField, `entreprise sans NEQ en double dans le fichier (même nom, même région) : la ligne ${first} est retenue`);
        return { problems: check.problems };
      }
      this.firstLineOfName.set(key, line);
    }
    return { row };
  }
}

export interface ParsedCompanyCsv {
  format: CompanyCsvFormat;
  rowsRead: number;
  rows: CompanyImportRow[];
  problems: RowProblem[];
}

/** Parses a whole CSV text at once (small files and tests; the import streams the same steps). */
export function parseCompanyCsv(text: string, options: CompanyCsvOptions): ParsedCompanyCsv {
  const headerLine = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  const problems: RowProblem[] = [];
  const skipped: CsvSkip[] = [];
  const records = parse(text, csvParseOptions(detectDelimiter(headerLine), (error) => skipped.push(error)));
  const lines = new LineCounter();
  let reader: CompanyCsvReader | null = null;
  const rows: CompanyImportRow[] = [];
  let rowsRead = skipped.length;
  for (const values of records) {
    const line = lines.start(values);
    if (isBlankRecord(values)) continue;
    if (reader === null) {
      reader = new CompanyCsvReader(values, options);
      continue;
    }
    rowsRead++;
    const result = reader.read(values, line);
    if (result.row) rows.push(result.row);
    else problems.push(...result.problems);
  }
  if (reader === null) throw new CsvHeaderError('fichier vide : aucune ligne d’en-tête');
  problems.push(...skipped.map((error) => lines.unreadable(error)));
  return { format: reader.format, rowsRead, rows, problems: sortProblems(problems) };
}

export function sortProblems(problems: RowProblem[]): RowProblem[] {
  return problems.sort((a, b) => a.line - b.line || a.field.localeCompare(b.field));
}

/**
 * The error report: UTF-8 with a BOM (spreadsheets then read the accents), columns line, field, reason, written by
 * src/common/csv.ts like every CSV of the product (RFC 4180, cells that would start a formula neutralized).
 */
export function formatErrorReport(problems: readonly RowProblem[]): string {
  return UTF8_BOM + csvRow(['line', 'field', 'reason']) + problems.map((p) => csvRow([p.line, p.field, p.reason])).join('');
}
