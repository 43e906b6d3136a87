import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foundation: reference data (regional directions, regions, service points), advisors with their assigned
 * regions, and the audit log. Reference rows themselves are loaded at start-up from data/*.csv.
 */
export class Foundation1763700000000 implements MigrationInterface {
  name = 'Foundation1763700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE regional_directions (
        code         varchar(8)   PRIMARY KEY CHECK (code ~ '^[A-Z0-9]{2,8}$'),
        name         varchar(200) NOT NULL CHECK (btrim(name) <> ''),
        version      integer      NOT NULL DEFAULT 1,
        created_at   timestamptz  NOT NULL DEFAULT now(),
        updated_at   timestamptz  NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE regions (
        code           varchar(2)   PRIMARY KEY CHECK (code ~ '^(0[1-9]|1[0-7])$'),
        name           varchar(100) NOT NULL UNIQUE CHECK (btrim(name) <> ''),
        direction_code varchar(8)   REFERENCES regional_directions (code),
        version        integer      NOT NULL DEFAULT 1,
        created_at     timestamptz  NOT NULL DEFAULT now(),
        updated_at     timestamptz  NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX regions_direction_code_idx ON regions (direction_code)`);
    await db.query(`
      CREATE TABLE service_points (
        id           uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
        region_code  varchar(2)   NOT NULL REFERENCES regions (code),
        name         varchar(200) NOT NULL CHECK (btrim(name) <> ''),
        address      varchar(300),
        municipality varchar(100),
        postal_code  varchar(7)   CHECK (postal_code ~ '^[A-Z][0-9][A-Z] [0-9][A-Z][0-9]$'),
        phone        varchar(40),
        email        varchar(254),
        version      integer      NOT NULL DEFAULT 1,
        created_at   timestamptz  NOT NULL DEFAULT now(),
        updated_at   timestamptz  NOT NULL DEFAULT now(),
        CONSTRAINT service_points_region_name_key UNIQUE (region_code, name)
      )`);
    await db.query(`
      CREATE TABLE advisors (
        id               uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
        email            varchar(254) NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
        full_name        varchar(200) NOT NULL CHECK (btrim(full_name) <> ''),
        role             varchar(16)  NOT NULL CHECK (role IN ('ADVISOR', 'MANAGER', 'ANALYST', 'ADMIN')),
        direction_code   varchar(8)   REFERENCES regional_directions (code),
        service_point_id uuid         REFERENCES service_points (id),
        active           boolean      NOT NULL DEFAULT true,
        version          integer      NOT NULL DEFAULT 1,
        created_at       timestamptz  NOT NULL DEFAULT now(),
        updated_at       timestamptz  NOT NULL DEFAULT now(),
        CONSTRAINT advisors_email_key UNIQUE (email),
        CONSTRAINT advisors_manager_direction_check CHECK (role <> 'MANAGER' OR direction_code IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX advisors_full_name_idx ON advisors (lower(full_name), id)`);
    await db.query(`CREATE INDEX advisors_service_point_id_idx ON advisors (service_point_id)`);
    await db.query(`
      CREATE TABLE advisor_regions (
        advisor_id  uuid       NOT NULL REFERENCES advisors (id) ON DELETE CASCADE,
        region_code varchar(2) NOT NULL REFERENCES regions (code),
        PRIMARY KEY (advisor_id, region_code)
      )`);
    await db.query(`CREATE INDEX advisor_regions_region_code_idx ON advisor_regions (region_code)`);
    await db.query(`
      CREATE TABLE audit_log (
        id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz  NOT NULL DEFAULT clock_timestamp(),
        actor_id    uuid         REFERENCES advisors (id),
        action      varchar(40)  NOT NULL,
        entity_type varchar(40)  NOT NULL,
        entity_id   varchar(64)  NOT NULL,
        before      jsonb,
        after       jsonb,
        request_id  varchar(100)
      )`);
    await db.query(`CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, occurred_at DESC)`);
    await db.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, occurred_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
    await db.query(`DROP TABLE advisor_regions`);
    await db.query(`DROP TABLE advisors`);
    await db.query(`DROP TABLE service_points`);
    await db.query(`DROP TABLE regions`);
    await db.query(`DROP TABLE regional_directions`);
  }
}
