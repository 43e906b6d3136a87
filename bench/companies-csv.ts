import { writeFileSync } from 'node:fs';
import { TEMPLATE_COLUMNS } from '../src/companies/import/company-csv.js';

const TRADES = ['Boulangerie', 'Usinage', 'Transport', 'Érablière', 'Services conseils', 'Fromagerie', 'Menuiserie', 'Clinique'];
const PLACES = [
  ['Rimouski', 'G5L 1A1', '01'],
  ['Saguenay', 'G7H 2B2', '02'],
  ['Québec', 'G1R 3C3', '03'],
  ['Trois-Rivières', 'G9A 4E4', '04'],
  ['Sherbrooke', 'J1H 5E5', '05'],
  ['Montréal', 'H2X 6G6', '06'],
  ['Gatineau', 'J8X 7H7', '07'],
  ['Laval', 'H7N 8J8', '13'],
  ['Saint-Jérôme', 'J7Z 9K9', '15'],
  ['Longueuil', 'J4K 1L1', '16'],
] as const;
const NAICS = ['311811', '332710', '484110', '111999', '541611', '311515', '321911', '621111'];
const SIZES = ['EMPLOYEES_1_4', 'EMPLOYEES_5_19', 'EMPLOYEES_20_49', 'EMPLOYEES_50_99', 'EMPLOYEES_100_499'];

/** A CSV in the import template's format: `rows` distinct companies (NEQ, name), deterministic. */
export function companiesCsv(rows: number): string {
  const lines = [TEMPLATE_COLUMNS.join(',')];
  for (let i = 0; i < rows; i++) {
    const [municipality, postalCode, region] = PLACES[i % PLACES.length]!;
    const trade = TRADES[(i * 7) % TRADES.length]!;
    lines.push(
      [
        String(1_170_000_000 + i),
        `"${trade} ${municipality} no ${i} inc."`,
        i % 5 === 0 ? `"${trade} ${i}"` : '',
        NAICS[(i * 3) % NAICS.length],
        SIZES[i % SIZES.length],
        'PRIVATE',
        `"${100 + (i % 9000)}, rue Principale"`,
        municipality,
        postalCode,
        region,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function writeCompaniesCsv(file: string, rows: number): void {
  writeFileSync(file, companiesCsv(rows));
}
