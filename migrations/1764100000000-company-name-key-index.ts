import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Companies by region and normalized name: the CSV import matches rows without NEQ this way, and the duplicate
 * check of one region looks there first. Without it, matching a batch scanned the table.
 */
export class CompanyNameKeyIndex1764100000000 implements MigrationInterface {
  name = 'CompanyNameKeyIndex1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX companies_region_name_key_idx ON companies (region_code, name_key)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX companies_region_name_key_idx`);
  }
}
