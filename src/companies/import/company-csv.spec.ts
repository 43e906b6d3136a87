import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { projectRoot } from '../../common/project-root.js';
import {
  CsvHeaderError,
  detectDelimiter,
  detectFormat,
  formatErrorReport,
  normalizeRegionCode,
  parseCompanyCsv,
  parseRegistreAddress,
  TEMPLATE_COLUMNS,
  type CompanyCsvOptions,
} from './company-csv.js';

const REGIONS = new Set(Array.from({ length: 17 }, (_, i) => String(i + 1).padStart(2, '0')));
const options = (extra: Partial<CompanyCsvOptions> = {}): CompanyCsvOptions => ({ knownRegions: REGIONS, ...extra });
const fixture = (name: string) => readFileSync(join(projectRoot(), 'test', 'fixtures', name), 'utf8');
const HEADER = TEMPLATE_COLUMNS.join(',');
const REGISTRE_HEADER = 'NEQ,NOM_ASSUJ,COD_ACT_ECON_CAE,ADR_DOMCL_LIGN1_ADR,ADR_DOMCL_LIGN2_ADR,ADR_DOMCL_LIGN3_ADR,ADR_DOMCL_LIGN4_ADR';

describe('company CSV: the project template', () => {
  const parsed = parseCompanyCsv(fixture('companies-template.csv'), options());

  it('keeps the valid rows, normalized', () => {
    expect(parsed.format).toBe('template');
    expect(parsed.rowsRead).toBe(16);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 13, 14, 16]);
    expect(parsed.rows[0]).toEqual({
      line: 2,
      neq: '1171234567',
      legalName: 'Boulangerie St-Jérôme inc.',
      otherNames: ['Pains de Saint-Jérôme', 'Boulangerie du Nord'],
      naicsCode: '311811',
      caeCode: null,
      sizeBand: 'EMPLOYEES_20_49',
      ownership: 'PRIVATE',
      address: '125, rue Principale',
      municipality: 'Saint-Jérôme',
      postalCode: 'J7Z 1X6',
      regionCode: '15',
      regionFromDefault: false,
      nameKey: 'boulangerie st jerome',
    });
    const erabliere = parsed.rows.find((r) => r.line === 3)!;
    expect(erabliere).toMatchObject({ neq: '1162345678', postalCode: 'J2R 1H3', otherNames: [], nameKey: 'erabliere cote et fils' });
    expect(parsed.rows.find((r) => r.line === 5)).toMatchObject({ neq: null, regionCode: '08', legalName: 'Garage Léveillé' });
  });

  it('reports every refused row with its line, its column and a reason in French', () => {
    expect(parsed.problems.map((p) => [p.line, p.field])).toEqual([
      [6, 'neq'],
      [7, 'naics_code'],
      [8, 'region_code'],
      [9, 'legal_name'],
      [10, 'postal_code'],
      [11, 'neq'],
      [12, 'size_band'],
      [15, 'neq'],
      [15, 'region_code'],
      [17, 'ownership'],
    ]);
    const reason = (line: number, field: string) => parsed.problems.find((p) => p.line === line && p.field === field)!.reason;
    expect(reason(6, 'neq')).toBe('NEQ invalide : « 12345 » (10 chiffres attendus)');
    expect(reason(7, 'naics_code')).toContain('code SCIAN invalide');
    expect(reason(8, 'region_code')).toBe('région inconnue : 18');
    expect(reason(9, 'legal_name')).toBe('nom légal manquant');
    expect(reason(10, 'postal_code')).toContain('code postal invalide');
    expect(reason(11, 'neq')).toBe('NEQ 1171234567 en double dans le fichier : la ligne 2 est retenue');
    expect(reason(12, 'size_band')).toContain('EMPLOYEES_1_4');
    expect(reason(15, 'region_code')).toContain('région manquante');
    expect(reason(17, 'ownership')).toContain('propriété invalide : « PRIVÉE »');
  });

  it('reads semicolons, a BOM, CRLF line ends, quoted line breaks and a header in any order or case', () => {
    const text =
      '\uFEFFREGION_CODE;Legal_Name;neq;other_names;naics_code;size_band;ownership;address;municipality;postal_code\r\n' +
      '13;"Quincaillerie ; Laval";1234567890;;;;;"10, rue A\r\nbureau 3";Laval;h7n 5j3\r\n' +
      '\r\n' +
      '3;Autre;;;;;;;;\r\n';
    const result = parseCompanyCsv(text, options());
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([
      expect.objectContaining({ line: 2, legalName: 'Quincaillerie ; Laval', address: '10, rue A bureau 3', postalCode: 'H7N 5J3', regionCode: '13' }),
      expect.objectContaining({ line: 5, legalName: 'Autre', regionCode: '03', neq: null }),
    ]);
  });

  it('uses --region for the rows without region, and marks them so', () => {
    const result = parseCompanyCsv(`${HEADER}\n1234567890,Atelier,,,,,,,,\n`, options({ defaultRegion: '14' }));
    expect(result.rows[0]).toMatchObject({ regionCode: '14', regionFromDefault: true });
  });

  it('refuses texts that are too long, control characters, bad encoding and a wrong number of columns', () => {
    const long = 'A'.repeat(301);
    const names = Array.from({ length: 21 }, (_, i) => `Nom ${i}`).join('|');
    const text = [
      HEADER,
      `,${long},,,,,,,,06`,
      `,Atelier,${names},,,,,,,06`,
      `,Ate\u0007lier,,,,,,,,06`,
      `,Caf\uFFFD,,,,,,,,06`,
      `,Atelier,,,,,${'x'.repeat(301)},${'y'.repeat(101)},,06`,
      `,Atelier,,,,06`,
      `,!!!,,,,,,,,06`,
    ].join('\n');
    const problems = parseCompanyCsv(text, options()).problems;
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'legal_name'],
      [3, 'other_names'],
      [4, 'legal_name'],
      [5, 'legal_name'],
      [6, 'address'],
      [6, 'municipality'],
      [7, ''],
      [8, 'legal_name'],
    ]);
    expect(problems[0]!.reason).toBe('nom légal trop long (300 caractères au plus, 301 reçus)');
    expect(problems[2]!.reason).toContain('caractères de contrôle');
    expect(problems[3]!.reason).toContain('UTF-8');
    expect(problems[6]!.reason).toBe('nombre de colonnes incorrect : 6 au lieu de 10');
  });

  it('refuses a second row without NEQ with the same normalized name in the same region, not in another region', () => {
    const text = [HEADER, ',Garage Léveillé inc.,,,,,,,,08', ',GARAGE LEVEILLE LTÉE,,,,,,,,08', ',Garage Léveillé,,,,,,,,09'].join('\n');
    const result = parseCompanyCsv(text, options());
    expect(result.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(result.problems).toEqual([
      { line: 3, field: 'legal_name', reason: expect.stringContaining('la ligne 2 est retenue') },
    ]);
  });

  it('keeps quotes typed inside values, and reports a quote never closed with the rest of the file', () => {
    const text = [
      HEADER,
      ',Les Entreprises "ABC" inc.,,,,,,,,06',
      ',"Mau"vais,,,,,,,,06',
      ',"Guillemet ouvert,,,,,,,,06',
      ',Jamais lue,,,,,,,,06',
    ].join('\n');
    const result = parseCompanyCsv(text, options());
    expect(result.rows.map((r) => r.legalName)).toEqual(['Les Entreprises "ABC" inc.', '"Mau"vais']);
    expect(result.rowsRead).toBe(3);
    expect(result.problems).toEqual([{ line: 4, field: '', reason: expect.stringContaining('guillemet jamais fermé') }]);
  });
});

describe('company CSV: the Registre des entreprises extract', () => {
  it('takes the name, the CAE code (never as SCIAN) and the address lines, with the region of --region', () => {
    const parsed = parseCompanyCsv(fixture('registre-entreprises-extrait.csv'), options({ defaultRegion: '13' }));
    expect(parsed.format).toBe('registre');
    expect(parsed.rowsRead).toBe(6);
    expect(parsed.rows).toEqual([
      expect.objectContaining({
        line: 2,
        neq: '1160000001',
        legalName: 'LES CONSTRUCTIONS GAUTHIER & FRÈRES INC.',
        caeCode: '4011',
        naicsCode: null,
        address: '1250, BOUL. DES LAURENTIDES',
        municipality: 'LAVAL',
        postalCode: 'H7M 2Y3',
        regionCode: '13',
        regionFromDefault: true,
      }),
      expect.objectContaining({ line: 3, address: '45 RUE SAINT-MARTIN', municipality: 'LAVAL', postalCode: 'H7V 1X4' }),
      expect.objectContaining({ line: 4, address: '800 BOUL. CHOMEDEY, BUREAU 200', municipality: 'LAVAL', postalCode: 'H7V 3Y4' }),
      expect.objectContaining({ line: 7, address: null, municipality: null, postalCode: null, caeCode: '7712' }),
    ]);
    expect(parsed.problems).toEqual([
      { line: 5, field: 'NEQ', reason: 'NEQ invalide : « 11600000X4 » (10 chiffres attendus)' },
      { line: 6, field: 'COD_ACT_ECON_CAE', reason: 'code CAE invalide : « AB12 » (1 à 6 chiffres)' },
    ]);
  });

  it('refuses every row when there is neither a region_code column nor --region', () => {
    const parsed = parseCompanyCsv(fixture('registre-entreprises-extrait.csv'), options());
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems.filter((p) => p.field === 'region_code')).toHaveLength(6);
    expect(parsed.problems[0]!.reason).toContain('--region');
  });

  it('prefers a region_code column, accepts NOM instead of NOM_ASSUJ, semicolons, and requires a NEQ', () => {
    const text = [
      'NEQ;NOM;COD_ACT_ECON_CAE;ADR_DOMCL_LIGN1_ADR;ADR_DOMCL_LIGN2_ADR;region_code;DAT_IMMAT',
      '1234567890;Ferme Bélanger;0111;12 rang 4;Saint-Élie (Québec);04;2001-01-01',
      '1234567891;Ferme Sans Région;0111;;;;2001-01-01',
      ';Sans NEQ;0111;;;04;2001-01-01',
    ].join('\n');
    const parsed = parseCompanyCsv(text, options({ defaultRegion: '17' }));
    expect(parsed.rows).toEqual([
      expect.objectContaining({ line: 2, legalName: 'Ferme Bélanger', regionCode: '04', regionFromDefault: false, municipality: 'Saint-Élie', caeCode: '0111' }),
      expect.objectContaining({ line: 3, regionCode: '17', regionFromDefault: true }),
    ]);
    expect(parsed.problems).toEqual([{ line: 4, field: 'NEQ', reason: 'NEQ manquant' }]);
  });

  it.each([
    [['1250, BOUL. DES LAURENTIDES', 'LAVAL (QUÉBEC)', '', 'H7M2Y3'], '1250, BOUL. DES LAURENTIDES', 'LAVAL', 'H7M 2Y3'],
    [['45 rue X', 'Québec (Québec) G1R 1N6'], '45 rue X', 'Québec', 'G1R 1N6'],
    [['45 rue X', 'Suite 3', 'Gatineau, QC J8X-2K1', 'CANADA'], '45 rue X, Suite 3', 'Gatineau', 'J8X 2K1'],
    [['45 rue X', 'Sherbrooke (Québec)'], '45 rue X', 'Sherbrooke', null],
    [['45 rue X', 'Sherbrooke', 'J1H 5N4'], '45 rue X', 'Sherbrooke', 'J1H 5N4'],
    [['45 rue X', 'Toronto (Ontario) M5V 2T6'], '45 rue X', 'Toronto', 'M5V 2T6'],
    [['100 Main Street', 'Boston MA 02110'], '100 Main Street', 'Boston MA 02110', null],
    [['45 rue X'], '45 rue X', null, null],
    [['1 rue X, Laval H7N 5J3'], '1 rue X, Laval', null, 'H7N 5J3'],
    [['J8X 2K1'], null, null, 'J8X 2K1'],
    [[], null, null, null],
  ])('splits the address lines %j', (lines, address, municipality, postalCode) => {
    expect(parseRegistreAddress(lines)).toEqual({ address, municipality, postalCode });
  });
});

describe('company CSV: headers and helpers', () => {
  it('recognizes the two formats and refuses anything else', () => {
    expect(detectFormat(TEMPLATE_COLUMNS)).toBe('template');
    expect(detectFormat(REGISTRE_HEADER.split(','))).toBe('registre');
    expect(detectFormat(['nom', 'adresse'])).toBeNull();
    expect(() => parseCompanyCsv('nom,adresse\nA,B\n', options())).toThrow(CsvHeaderError);
    expect(() => parseCompanyCsv('neq,legal_name,region_code\n1234567890,A,06\n', options())).toThrow(
      /colonnes manquantes.*other_names, naics_code, size_band, ownership, address, municipality, postal_code/,
    );
    expect(() => parseCompanyCsv('NEQ,NOM_ASSUJ\n1234567890,A\n', options())).toThrow(
      /ADR_DOMCL_LIGN1_ADR, ADR_DOMCL_LIGN2_ADR, COD_ACT_ECON_CAE/,
    );
    expect(() => parseCompanyCsv('', options())).toThrow(/fichier vide/);
  });

  it('chooses the delimiter from the header line', () => {
    expect(detectDelimiter(HEADER)).toBe(',');
    expect(detectDelimiter(HEADER.replaceAll(',', ';'))).toBe(';');
    expect(detectDelimiter('"a;b",c')).toBe(',');
  });

  it('normalizes region codes', () => {
    expect(normalizeRegionCode('3')).toBe('03');
    expect(normalizeRegionCode(' 13 ')).toBe('13');
    expect(normalizeRegionCode('Laval')).toBeNull();
    expect(normalizeRegionCode('130')).toBeNull();
  });

  it('writes a report that a CSV reader reads back', () => {
    const problems = [
      { line: 3, field: 'neq', reason: 'NEQ invalide : « 1, 2 » (10 chiffres attendus)' },
      { line: 9, field: '', reason: 'guillemets "mal" fermés' },
    ];
    const text = formatErrorReport(problems);
    expect(text.startsWith('\uFEFFline,field,reason\r\n')).toBe(true);
    expect(parse(text, { bom: true, columns: true })).toEqual([
      { line: '3', field: 'neq', reason: problems[0]!.reason },
      { line: '9', field: '', reason: problems[1]!.reason },
    ]);
  });

  it('writes its cells through src/common/csv.ts: a reason that would start a formula is neutralized', () => {
    const text = formatErrorReport([{ line: 2, field: 'legal_name', reason: '=HYPERLINK("http://evil.example")' }]);
    expect(parse(text, { bom: true, columns: true })).toEqual([{ line: '2', field: 'legal_name', reason: `'=HYPERLINK("http://evil.example")` }]);
  });

  it('refuses a name written on two lines or with a tab, and keeps an address written on two lines', () => {
    const text = [HEADER, `,"Atelier\nNord",,,,,,,,06`, `,"Atelier\tSud",,,,,,,,06`, `,Atelier Est,,,,,"10, rue A\r\nbureau 3",Laval,,06`].join('\n');
    const result = parseCompanyCsv(text, options());
    expect(result.problems.map((p) => [p.line, p.field, p.reason])).toEqual([
      [2, 'legal_name', 'nom légal : une seule ligne, caractères de contrôle (saut de ligne, tabulation) interdits'],
      [4, 'legal_name', 'nom légal : une seule ligne, caractères de contrôle (saut de ligne, tabulation) interdits'],
    ]);
    expect(result.rows.map((row) => row.address)).toEqual(['10, rue A bureau 3']);
  });
});
