import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys of mutations: a client that retries a create with the same `Idempotency-Key` header gets the
 * first result back and writes nothing. Keys are per advisor; the request's hash tells a replay from a reuse.
 */
export class IdempotencyKeys1764200000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotency_keys (
        actor_id     uuid         NOT NULL REFERENCES advisors (id),
        key          varchar(200) NOT NULL,
        operation    varchar(200) NOT NULL,
        request_hash char(64)     NOT NULL,
        response     jsonb,
        created_at   timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (actor_id, key, operation)
      )`);
    await db.query(`CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE idempotency_keys`);
  }
}
