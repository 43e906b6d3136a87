import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters shared by every instance of the service (rate-limiter-flexible's PostgreSQL store, in the
 * layout it expects: a key, the points spent in the current window, the window's end in epoch milliseconds).
 * UNLOGGED: counters for the current minute are not worth a WAL record per request; a crash empties the table,
 * which only resets the windows.
 */
export class RateLimits1764914000000 implements MigrationInterface {
  name = 'RateLimits1764914000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE UNLOGGED TABLE rate_limits (
        key    text    PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rate_limits`);
  }
}
