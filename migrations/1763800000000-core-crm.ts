import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Core CRM: companies (accent-insensitive search, duplicate detection), their contacts, accompaniment files and
 * their interactions. Rules the database can guarantee are guaranteed here: unique NEQ, at most one OPEN or
 * ON_HOLD file per company and region, closing date after opening date, interaction durations.
 */
export class CoreCrm1763800000000 implements MigrationInterface {
  name = 'CoreCrm1763800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // unaccent() is STABLE (it reads a dictionary); indexes and generated columns need IMMUTABLE. Naming the
    // dictionary explicitly makes the result depend on the argument only, which is what IMMUTABLE promises.
    await db.query(`
      CREATE FUNCTION crm_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
    await db.query(`
      CREATE FUNCTION crm_search_text(legal_name text, other_names text[]) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT lower(crm_unaccent(legal_name || coalesce(' ' || array_to_string(other_names, ' '), ''))) $$`);

    await db.query(`
      CREATE TABLE companies (
        id            uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
        legal_name    varchar(300) NOT NULL CHECK (btrim(legal_name) <> ''),
        other_names   text[]       NOT NULL DEFAULT '{}',
        neq           varchar(10)  CHECK (neq ~ '^[0-9]{10}$'),
        naics_code    varchar(6)   CHECK (naics_code ~ '^[0-9]{2,6}$'),
        cae_code      varchar(6)   CHECK (cae_code ~ '^[0-9]{1,6}$'),
        size_band     varchar(20)  CHECK (size_band IN ('EMPLOYEES_1_4', 'EMPLOYEES_5_19', 'EMPLOYEES_20_49',
                                                        'EMPLOYEES_50_99', 'EMPLOYEES_100_499', 'EMPLOYEES_500_PLUS')),
        ownership     varchar(12)  CHECK (ownership IN ('PRIVATE', 'NON_PROFIT', 'PARAPUBLIC', 'PUBLIC')),
        address       varchar(300),
        municipality  varchar(100),
        postal_code   varchar(7)   CHECK (postal_code ~ '^[A-Z][0-9][A-Z] [0-9][A-Z][0-9]$'),
        region_code   varchar(2)   NOT NULL REFERENCES regions (code),
        name_key      varchar(300) NOT NULL,
        search_text   text         GENERATED ALWAYS AS (crm_search_text(legal_name, other_names)) STORED,
        version       integer      NOT NULL DEFAULT 1,
        created_at    timestamptz  NOT NULL DEFAULT now(),
        updated_at    timestamptz  NOT NULL DEFAULT now(),
        CONSTRAINT companies_neq_key UNIQUE (neq)
      )`);
    await db.query(`CREATE INDEX companies_region_code_idx ON companies (region_code)`);
    await db.query(`CREATE INDEX companies_name_idx ON companies (lower(legal_name), id)`);
    await db.query(`CREATE INDEX companies_search_text_trgm_idx ON companies USING gin (search_text gin_trgm_ops)`);
    await db.query(`CREATE INDEX companies_name_key_trgm_idx ON companies USING gin (name_key gin_trgm_ops)`);
    await db.query(`CREATE INDEX companies_neq_prefix_idx ON companies (neq varchar_pattern_ops)`);

    await db.query(`
      CREATE TABLE company_contacts (
        id                 uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id         uuid         NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
        first_name         varchar(100) NOT NULL CHECK (btrim(first_name) <> ''),
        last_name          varchar(100) NOT NULL CHECK (btrim(last_name) <> ''),
        title              varchar(150),
        email              varchar(254),
        phone              varchar(40),
        preferred_language varchar(2)   NOT NULL DEFAULT 'FR' CHECK (preferred_language IN ('FR', 'EN')),
        version            integer      NOT NULL DEFAULT 1,
        created_at         timestamptz  NOT NULL DEFAULT now(),
        updated_at         timestamptz  NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX company_contacts_company_id_idx ON company_contacts (company_id, last_name, first_name)`);

    await db.query(`
      CREATE TABLE accompaniments (
        id                uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id        uuid         NOT NULL REFERENCES companies (id),
        advisor_id        uuid         NOT NULL REFERENCES advisors (id),
        region_code       varchar(2)   NOT NULL REFERENCES regions (code),
        status            varchar(8)   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ON_HOLD', 'CLOSED')),
        service_level     varchar(12)  NOT NULL CHECK (service_level IN ('INFORMATION', 'REFERRAL', 'PERSONALIZED')),
        themes            varchar(24)[] NOT NULL CHECK (cardinality(themes) > 0 AND themes <@ ARRAY['ATTRACTION',
                            'RECRUITMENT', 'WELCOME', 'INTEGRATION', 'RETENTION', 'IMMIGRATION_PROCEDURES']::varchar[]),
        opened_on         date         NOT NULL,
        closed_on         date,
        outcome           varchar(20)  CHECK (outcome IN ('NEEDS_MET', 'REFERRED_ELSEWHERE', 'NO_LONGER_NEEDED',
                                                          'UNREACHABLE', 'OTHER')),
        status_changed_on date         NOT NULL,
        version           integer      NOT NULL DEFAULT 1,
        created_at        timestamptz  NOT NULL DEFAULT now(),
        updated_at        timestamptz  NOT NULL DEFAULT now(),
        CONSTRAINT accompaniments_closed_after_opened_check CHECK (closed_on IS NULL OR closed_on >= opened_on),
        CONSTRAINT accompaniments_closed_status_check CHECK ((status = 'CLOSED') = (closed_on IS NOT NULL)),
        CONSTRAINT accompaniments_outcome_when_closed_check CHECK (outcome IS NULL OR status = 'CLOSED')
      )`);
    // docs/domain.md: at most one OPEN or ON_HOLD file per company per region, even under concurrent opens.
    await db.query(`
      CREATE UNIQUE INDEX accompaniments_one_active_per_company_region
        ON accompaniments (company_id, region_code) WHERE status IN ('OPEN', 'ON_HOLD')`);
    await db.query(`CREATE INDEX accompaniments_company_id_idx ON accompaniments (company_id, opened_on DESC)`);
    await db.query(`CREATE INDEX accompaniments_advisor_id_idx ON accompaniments (advisor_id, status)`);
    await db.query(`CREATE INDEX accompaniments_region_opened_idx ON accompaniments (region_code, opened_on DESC, id)`);

    await db.query(`
      CREATE TABLE interactions (
        id                uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
        accompaniment_id  uuid         NOT NULL REFERENCES accompaniments (id),
        advisor_id        uuid         NOT NULL REFERENCES advisors (id),
        occurred_on       date         NOT NULL,
        kind              varchar(20)  NOT NULL CHECK (kind IN ('CALL', 'MEETING', 'EMAIL', 'SITE_VISIT',
                                                              'INFORMATION_SESSION', 'OTHER')),
        mode              varchar(10)  NOT NULL CHECK (mode IN ('IN_PERSON', 'VIRTUAL', 'PHONE', 'EMAIL')),
        duration_minutes  integer      NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
        summary           text         NOT NULL CHECK (length(summary) <= 4000),
        version           integer      NOT NULL DEFAULT 1,
        created_at        timestamptz  NOT NULL DEFAULT now(),
        updated_at        timestamptz  NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE INDEX interactions_accompaniment_recent_idx
        ON interactions (accompaniment_id, occurred_on DESC, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX interactions_advisor_id_idx ON interactions (advisor_id, occurred_on DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE interactions`);
    await db.query(`DROP TABLE accompaniments`);
    await db.query(`DROP TABLE company_contacts`);
    await db.query(`DROP TABLE companies`);
    await db.query(`DROP FUNCTION crm_search_text(text, text[])`);
    await db.query(`DROP FUNCTION crm_unaccent(text)`);
  }
}
