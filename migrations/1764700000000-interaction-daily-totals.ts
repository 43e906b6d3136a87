import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Interactions logged per service region and day, with their minutes: what a regional report sums for a period
 * (a year of Montréal is 365 rows instead of some 300,000 interactions read through their files).
 *
 * Statement-level triggers on `interactions` add what a statement inserted and subtract what it removed, per
 * (region of the file, day), COPY included. Concurrent writers of the same region and day serialize on that row
 * for the rest of their transaction (an upsert locks it); a statement touching several rows locks them in key
 * order, so two statements never wait on each other in opposite orders. A file's region never changes through the
 * application; a change made in SQL must be followed by the rebuild at the end of `up`.
 */
export class InteractionDailyTotals1764700000000 implements MigrationInterface {
  name = 'InteractionDailyTotals1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE interaction_daily_totals (
        region_code  varchar(2) NOT NULL REFERENCES regions (code),
        occurred_on  date       NOT NULL,
        interactions integer    NOT NULL,
        minutes      bigint     NOT NULL,
        PRIMARY KEY (region_code, occurred_on)
      )`);

    // One function for the three triggers: INSERT sees new_rows, DELETE old_rows, UPDATE both (old rows count
    // negatively). Each statement's changes are summed per (region, day) and added in key order. (A branch per
    // event: a statement may only name the transition tables its trigger has.)
    const added = `SELECT accompaniment_id, occurred_on, 1 AS n, duration_minutes::bigint AS minutes FROM new_rows`;
    const removed = `SELECT accompaniment_id, occurred_on, -1 AS n, -duration_minutes::bigint AS minutes FROM old_rows`;
    const addUp = (changes: string) => `
          INSERT INTO interaction_daily_totals AS t (region_code, occurred_on, interactions, minutes)
          SELECT a.region_code, c.occurred_on, sum(c.n), sum(c.minutes)
            FROM (${changes}) c
            JOIN accompaniments a ON a.id = c.accompaniment_id
           GROUP BY a.region_code, c.occurred_on
          HAVING sum(c.n) <> 0 OR sum(c.minutes) <> 0
           ORDER BY a.region_code, c.occurred_on
              ON CONFLICT (region_code, occurred_on) DO UPDATE
             SET interactions = t.interactions + excluded.interactions, minutes = t.minutes + excluded.minutes;`;
    await db.query(`
      CREATE FUNCTION interactions_count_daily_totals() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${addUp(added)}
        ELSIF TG_OP = 'DELETE' THEN ${addUp(removed)}
        ELSE ${addUp(`${added} UNION ALL ${removed}`)}
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER interactions_daily_totals_insert AFTER INSERT ON interactions
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interactions_count_daily_totals()`);
    await db.query(`
      CREATE TRIGGER interactions_daily_totals_update AFTER UPDATE ON interactions
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION interactions_count_daily_totals()`);
    await db.query(`
      CREATE TRIGGER interactions_daily_totals_delete AFTER DELETE ON interactions
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION interactions_count_daily_totals()`);
    await db.query(`
      CREATE FUNCTION interactions_truncate_daily_totals() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM interaction_daily_totals;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER interactions_daily_totals_truncate AFTER TRUNCATE ON interactions
        FOR EACH STATEMENT EXECUTE FUNCTION interactions_truncate_daily_totals()`);

    // The rebuild (also the way to repair the totals after a file changed region in SQL). The triggers exist and
    // CREATE TRIGGER holds its lock on interactions until the migration commits: nothing is written in between.
    await db.query(`DELETE FROM interaction_daily_totals`);
    await db.query(`
      INSERT INTO interaction_daily_totals (region_code, occurred_on, interactions, minutes)
      SELECT a.region_code, i.occurred_on, count(*), sum(i.duration_minutes)
        FROM interactions i JOIN accompaniments a ON a.id = i.accompaniment_id
       GROUP BY a.region_code, i.occurred_on`);
    await db.query(`ANALYZE interaction_daily_totals`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER interactions_daily_totals_truncate ON interactions`);
    await db.query(`DROP TRIGGER interactions_daily_totals_delete ON interactions`);
    await db.query(`DROP TRIGGER interactions_daily_totals_update ON interactions`);
    await db.query(`DROP TRIGGER interactions_daily_totals_insert ON interactions`);
    await db.query(`DROP FUNCTION interactions_truncate_daily_totals()`);
    await db.query(`DROP FUNCTION interactions_count_daily_totals()`);
    await db.query(`DROP TABLE interaction_daily_totals`);
  }
}
