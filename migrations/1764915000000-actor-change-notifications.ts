import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change that can alter an authenticated advisor's actor (src/auth/actor-directory.ts: email, role, active,
 * direction, OpenID Connect link, assigned regions, and a region's direction — a manager's own regions) is announced
 * on the channel `actor_changed`, so that every instance drops what it cached (src/auth/actor-change-listener.ts).
 * The payload is the advisor's id for a row of `advisors` or `advisor_regions` (PostgreSQL sends identical
 * notifications of one transaction once), `*` for a row of `regions` and for a TRUNCATE of any of the three:
 * everything. NOTIFY is transactional: listeners hear it when the transaction commits, never when it rolls back.
 */
export class ActorChangeNotifications1764915000000 implements MigrationInterface {
  name = 'ActorChangeNotifications1764915000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION notify_actor_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_LEVEL = 'STATEMENT' OR TG_TABLE_NAME = 'regions' THEN
          PERFORM pg_notify('actor_changed', '*');
        ELSIF TG_TABLE_NAME = 'advisors' THEN
          IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('actor_changed', OLD.id::text); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('actor_changed', NEW.id::text); END IF;
        ELSE
          IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('actor_changed', OLD.advisor_id::text); END IF;
          IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('actor_changed', NEW.advisor_id::text); END IF;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['advisors', 'advisor_regions', 'regions']) {
      await db.query(`
        CREATE TRIGGER ${table}_notify_actor_changed
          AFTER INSERT OR UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION notify_actor_changed()`);
      await db.query(`
        CREATE TRIGGER ${table}_truncate_notify_actor_changed
          AFTER TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION notify_actor_changed()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['regions', 'advisor_regions', 'advisors']) {
      await db.query(`DROP TRIGGER ${table}_truncate_notify_actor_changed ON ${table}`);
      await db.query(`DROP TRIGGER ${table}_notify_actor_changed ON ${table}`);
    }
    await db.query(`DROP FUNCTION notify_actor_changed()`);
  }
}
