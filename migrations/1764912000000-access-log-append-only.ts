import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `personal_information_access_log` is append-only in the database itself: a trigger refuses every UPDATE and
 * DELETE (row by row) and TRUNCATE, whoever sends them, the table's owner included — a trace of an access to
 * personal information, once written, stays. Nothing in the product changes or deletes those rows
 * (`npm run privacy:retention` anonymizes contacts and redacts the audit trail, and keeps the log, which holds no
 * personal value). `npm run seed:scale -- --force-empty`, which empties a benchmark database, turns the trigger
 * off for its own transaction (ALTER TABLE, which only the table's owner may do).
 */
export class AccessLogAppendOnly1764912000000 implements MigrationInterface {
  name = 'AccessLogAppendOnly1764912000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION personal_information_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'personal_information_access_log is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'The trace of an access to personal information is never changed nor deleted.';
      END $$`);
    await db.query(`
      CREATE TRIGGER personal_information_access_log_append_only
        BEFORE UPDATE OR DELETE ON personal_information_access_log
        FOR EACH ROW EXECUTE FUNCTION personal_information_access_log_append_only()`);
    await db.query(`
      CREATE TRIGGER personal_information_access_log_no_truncate
        BEFORE TRUNCATE ON personal_information_access_log
        FOR EACH STATEMENT EXECUTE FUNCTION personal_information_access_log_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER personal_information_access_log_no_truncate ON personal_information_access_log`);
    await db.query(`DROP TRIGGER personal_information_access_log_append_only ON personal_information_access_log`);
    await db.query(`DROP FUNCTION personal_information_access_log_append_only()`);
  }
}
