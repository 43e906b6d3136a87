import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counts over a period that runs to today or later ("since the deployment", "since 1 January"): no activity can
 * start after today (the service refuses future opening and closing dates), so a pair or company is accompanied
 * in such a period exactly when it is still open, or when its last closed interval ended on or after the period's
 * start. `last_ended_on` (generated from `active`: the last day of its last finite interval) makes both index-only
 * counts, instead of testing every pair's intervals.
 */
export class EmployerActivityLastEnded1764800000000 implements MigrationInterface {
  name = 'EmployerActivityLastEnded1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION employer_activity_last_ended(active datemultirange) RETURNS date
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        RETURN (SELECT max(upper(r)) - 1 FROM unnest(active) AS r WHERE NOT upper_inf(r))`);
    for (const table of ['employer_region_activity', 'employer_activity']) {
      await db.query(
        `ALTER TABLE ${table} ADD COLUMN last_ended_on date GENERATED ALWAYS AS (employer_activity_last_ended(active)) STORED`,
      );
    }
    // Closed pairs / companies (no open interval) by the end of their activity.
    await db.query(`
      CREATE INDEX employer_region_activity_last_ended_idx ON employer_region_activity (region_code, last_ended_on)
       WHERE open_since IS NULL`);
    await db.query(`CREATE INDEX employer_activity_last_ended_idx ON employer_activity (last_ended_on) WHERE open_since IS NULL`);
    await db.query(`ANALYZE employer_region_activity`);
    await db.query(`ANALYZE employer_activity`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX employer_activity_last_ended_idx`);
    await db.query(`DROP INDEX employer_region_activity_last_ended_idx`);
    await db.query(`ALTER TABLE employer_activity DROP COLUMN last_ended_on`);
    await db.query(`ALTER TABLE employer_region_activity DROP COLUMN last_ended_on`);
    await db.query(`DROP FUNCTION employer_activity_last_ended(datemultirange)`);
  }
}
