import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The files of a region still active on a date, and those closed in a period, by index: what the regional report
 * reads (src/reporting/regional-report.sql.ts). Open files sort last (closed_on taken as infinity), so "active on
 * or after D" is one range, and the opening date and id come from the index itself.
 */
export class RegionalReportIndex1764500000000 implements MigrationInterface {
  name = 'RegionalReportIndex1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX accompaniments_region_active_idx
          ON accompaniments (region_code, (coalesce(closed_on, 'infinity'::date))) INCLUDE (opened_on, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX accompaniments_region_active_idx`);
  }
}
