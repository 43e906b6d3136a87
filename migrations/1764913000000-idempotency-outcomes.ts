import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys keep no result any more, only what identifies it (`outcome_type`, `outcome_key`: the GraphQL
 * type and the record's key, or a scalar's value), which a replay reads again through the normal read path. A key
 * belongs to an advisor and one operation: the primary key becomes (actor_id, key) and `operation` holds the
 * mutation field (it held the response alias). `request_hash` may be erased: a trigger on `company_contacts`
 * erases the fingerprint of every request whose outcome is a contact when that contact is deleted or anonymized,
 * so nothing kept for replays outlives the personal information (the key still answers its outcome).
 *
 * Keys stored before this migration held whole results (personal information included) under the alias: they are
 * deleted (a key lives one day; a retry of such a request runs as a new one).
 */
export class IdempotencyOutcomes1764913000000 implements MigrationInterface {
  name = 'IdempotencyOutcomes1764913000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM idempotency_keys`);
    await db.query(`
      ALTER TABLE idempotency_keys
        DROP CONSTRAINT idempotency_keys_pkey,
        DROP COLUMN response,
        ALTER COLUMN request_hash DROP NOT NULL,
        ADD COLUMN outcome_type varchar(100),
        ADD COLUMN outcome_key  varchar(200),
        ADD PRIMARY KEY (actor_id, key)`);
    await db.query(`CREATE INDEX idempotency_keys_outcome_idx ON idempotency_keys (outcome_type, outcome_key)`);
    await db.query(`
      CREATE FUNCTION idempotency_keys_forget_contact() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE idempotency_keys SET request_hash = NULL
         WHERE outcome_type = 'CompanyContact' AND outcome_key = OLD.id::text AND request_hash IS NOT NULL;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER idempotency_keys_forget_deleted_contact AFTER DELETE ON company_contacts
        FOR EACH ROW EXECUTE FUNCTION idempotency_keys_forget_contact()`);
    await db.query(`
      CREATE TRIGGER idempotency_keys_forget_anonymized_contact AFTER UPDATE OF anonymized_at ON company_contacts
        FOR EACH ROW WHEN (OLD.anonymized_at IS NULL AND NEW.anonymized_at IS NOT NULL)
        EXECUTE FUNCTION idempotency_keys_forget_contact()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER idempotency_keys_forget_anonymized_contact ON company_contacts`);
    await db.query(`DROP TRIGGER idempotency_keys_forget_deleted_contact ON company_contacts`);
    await db.query(`DROP FUNCTION idempotency_keys_forget_contact()`);
    await db.query(`DROP INDEX idempotency_keys_outcome_idx`);
    await db.query(`DELETE FROM idempotency_keys`);
    await db.query(`
      ALTER TABLE idempotency_keys
        DROP CONSTRAINT idempotency_keys_pkey,
        DROP COLUMN outcome_key,
        DROP COLUMN outcome_type,
        ALTER COLUMN request_hash SET NOT NULL,
        ADD COLUMN response jsonb,
        ADD PRIMARY KEY (actor_id, key, operation)`);
  }
}
