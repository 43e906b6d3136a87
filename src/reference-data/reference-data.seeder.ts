import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { DataSource, EntityManager } from 'typeorm';
import { projectRoot } from '../common/project-root.js';
import { normalizePostalCode } from './postal-code.js';
import { normalizeRegionName } from './region-name.js';

type Row = Record<string, string>;

function readCsv(file: string): Row[] {
  return parse(readFileSync(join(projectRoot(), 'data', file), 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Row[];
}

const orNull = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : null);

export interface SeedSummary {
  directions: number;
  regions: number;
  servicePoints: number;
}

/**
 * Loads the reference data shipped in data/ (copied from the ministry's public documents): regional directions,
 * the 17 regions and the service points. Idempotent: rows already there, possibly edited by an administrator,
 * are left as they are. Returns how many rows were inserted.
 */
export async function seedReferenceData(db: DataSource | EntityManager): Promise<SeedSummary> {
  const directions = readCsv('regional-directions.csv');
  const regions = readCsv('regions.csv');
  const servicePoints = readCsv('service-points.csv');
  const directionOfRegion = new Map<string, string>();
  for (const d of directions) for (const code of (d.region_codes ?? '').split(/\s+/)) directionOfRegion.set(code, d.code!);

  const inserted = async (sql: string, params: unknown[]) => ((await db.query(sql, params)) as unknown[]).length;
  const summary: SeedSummary = { directions: 0, regions: 0, servicePoints: 0 };
  for (const d of directions) {
    summary.directions += await inserted(
      `INSERT INTO regional_directions (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING RETURNING code`,
      [d.code, d.name],
    );
  }
  for (const r of regions) {
    summary.regions += await inserted(
      `INSERT INTO regions (code, name, direction_code) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING code`,
      [r.code, normalizeRegionName(r.name!), directionOfRegion.get(r.code!) ?? null],
    );
  }
  for (const s of servicePoints) {
    summary.servicePoints += await inserted(
      `INSERT INTO service_points (region_code, name, address, municipality, postal_code, phone, email)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (region_code, name) DO NOTHING RETURNING id`,
      [
        s.region_code,
        s.name,
        orNull(s.address),
        orNull(s.municipality),
        s.postal_code ? normalizePostalCode(s.postal_code) : null,
        orNull(s.phone),
        orNull(s.email),
      ],
    );
  }
  return summary;
}
