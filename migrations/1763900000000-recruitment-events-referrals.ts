import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recruitment needs (CNP 2021 occupations, positions, channels), Journées Québec events and the companies
 * taking part, and Portail employeurs referrals with their funnel. The database guarantees what it can: code
 * formats, position bounds, outcome ordering, one participation per company and event, one open referral per
 * company.
 */
export class RecruitmentEventsReferrals1763900000000 implements MigrationInterface {
  name = 'RecruitmentEventsReferrals1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE recruitment_needs (
        id                 uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id         uuid          NOT NULL REFERENCES companies (id),
        accompaniment_id   uuid          REFERENCES accompaniments (id),
        noc_code           varchar(5)    NOT NULL CHECK (noc_code ~ '^[0-9][0-5][0-9]{3}$'),
        noc_broad_category smallint      GENERATED ALWAYS AS (substr(noc_code, 1, 1)::smallint) STORED,
        teer               smallint      GENERATED ALWAYS AS (substr(noc_code, 2, 1)::smallint) STORED,
        title              varchar(200)  NOT NULL CHECK (btrim(title) <> ''),
        positions          integer       NOT NULL CHECK (positions BETWEEN 1 AND 1000),
        positions_filled   integer       NOT NULL DEFAULT 0 CHECK (positions_filled BETWEEN 0 AND positions),
        work_region_code   varchar(2)    NOT NULL REFERENCES regions (code),
        employment_type    varchar(10)   NOT NULL CHECK (employment_type IN ('PERMANENT', 'TEMPORARY', 'SEASONAL')),
        hourly_wage        numeric(8, 2) CHECK (hourly_wage >= 0),
        french_level       varchar(14)   NOT NULL DEFAULT 'NOT_REQUIRED'
                           CHECK (french_level IN ('NOT_REQUIRED', 'BEGINNER', 'INTERMEDIATE', 'ADVANCED')),
        channels           varchar(28)[] NOT NULL CHECK (cardinality(channels) > 0 AND channels <@ ARRAY['LOCAL',
                             'INTERREGIONAL_MOBILITY', 'INTERNATIONAL_RECRUITMENT', 'TEMPORARY_FOREIGN_WORKERS']::varchar[]),
        status             varchar(16)   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_PROGRESS', 'FILLED',
                                                                                'PARTIALLY_FILLED', 'CANCELLED')),
        opened_on          date          NOT NULL,
        closed_on          date,
        version            integer       NOT NULL DEFAULT 1,
        created_at         timestamptz   NOT NULL DEFAULT now(),
        updated_at         timestamptz   NOT NULL DEFAULT now(),
        CONSTRAINT recruitment_needs_filled_status_check CHECK (status <> 'FILLED' OR positions_filled = positions),
        CONSTRAINT recruitment_needs_partial_status_check
          CHECK (status <> 'PARTIALLY_FILLED' OR positions_filled < positions),
        CONSTRAINT recruitment_needs_closed_check
          CHECK ((status IN ('FILLED', 'PARTIALLY_FILLED', 'CANCELLED')) = (closed_on IS NOT NULL)),
        CONSTRAINT recruitment_needs_closed_after_opened_check CHECK (closed_on IS NULL OR closed_on >= opened_on)
      )`);
    await db.query(`CREATE INDEX recruitment_needs_company_idx ON recruitment_needs (company_id, opened_on DESC)`);
    await db.query(`CREATE INDEX recruitment_needs_work_region_idx ON recruitment_needs (work_region_code, status)`);
    await db.query(`CREATE INDEX recruitment_needs_noc_idx ON recruitment_needs (noc_code)`);
    await db.query(`CREATE INDEX recruitment_needs_accompaniment_idx ON recruitment_needs (accompaniment_id)`);

    await db.query(`
      CREATE TABLE journees_quebec_events (
        id                    uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
        name                  varchar(200) NOT NULL CHECK (btrim(name) <> ''),
        city                  varchar(100) NOT NULL CHECK (btrim(city) <> ''),
        country               varchar(100) NOT NULL CHECK (btrim(country) <> ''),
        mode                  varchar(10)  NOT NULL CHECK (mode IN ('IN_PERSON', 'VIRTUAL', 'HYBRID')),
        starts_on             date         NOT NULL,
        ends_on               date         NOT NULL,
        registration_deadline date         NOT NULL,
        status                varchar(20)  NOT NULL DEFAULT 'PLANNED'
                              CHECK (status IN ('PLANNED', 'REGISTRATION_OPEN', 'HELD', 'CANCELLED')),
        version               integer      NOT NULL DEFAULT 1,
        created_at            timestamptz  NOT NULL DEFAULT now(),
        updated_at            timestamptz  NOT NULL DEFAULT now(),
        CONSTRAINT journees_quebec_events_dates_check CHECK (ends_on >= starts_on),
        CONSTRAINT journees_quebec_events_deadline_check CHECK (registration_deadline <= starts_on)
      )`);
    await db.query(`CREATE INDEX journees_quebec_events_starts_idx ON journees_quebec_events (starts_on DESC, id)`);

    await db.query(`
      CREATE TABLE event_participations (
        id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id         uuid        NOT NULL REFERENCES journees_quebec_events (id),
        company_id       uuid        NOT NULL REFERENCES companies (id),
        advisor_id       uuid        NOT NULL REFERENCES advisors (id),
        status           varchar(10) NOT NULL DEFAULT 'REGISTERED'
                         CHECK (status IN ('REGISTERED', 'CONFIRMED', 'ATTENDED', 'WITHDRAWN')),
        registered_on    date        NOT NULL,
        candidates_met   integer     CHECK (candidates_met >= 0),
        interviews_held  integer     CHECK (interviews_held >= 0),
        offers_made      integer     CHECK (offers_made >= 0),
        hires            integer     CHECK (hires >= 0),
        version          integer     NOT NULL DEFAULT 1,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT event_participations_once_per_company UNIQUE (event_id, company_id),
        CONSTRAINT event_participations_outcome_order_check
          CHECK (hires <= offers_made AND offers_made <= interviews_held AND interviews_held <= candidates_met),
        CONSTRAINT event_participations_outcome_when_attended_check
          CHECK (status = 'ATTENDED' OR candidates_met IS NULL)
      )`);
    await db.query(`CREATE INDEX event_participations_company_idx ON event_participations (company_id)`);
    await db.query(`
      CREATE TABLE event_participation_needs (
        participation_id    uuid NOT NULL REFERENCES event_participations (id) ON DELETE CASCADE,
        recruitment_need_id uuid NOT NULL REFERENCES recruitment_needs (id),
        PRIMARY KEY (participation_id, recruitment_need_id)
      )`);
    await db.query(`CREATE INDEX event_participation_needs_need_idx ON event_participation_needs (recruitment_need_id)`);

    await db.query(`
      CREATE TABLE portail_referrals (
        id                     uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        company_id             uuid        NOT NULL REFERENCES companies (id),
        accompaniment_id       uuid        REFERENCES accompaniments (id),
        advisor_id             uuid        NOT NULL REFERENCES advisors (id),
        step                   varchar(20) NOT NULL DEFAULT 'REFERRED' CHECK (step IN ('REFERRED', 'ACCOUNT_CREATED',
                                 'OFFER_POSTED', 'CANDIDATES_RECEIVED', 'HIRED', 'DECLINED', 'ABANDONED')),
        referred_on            date        NOT NULL,
        account_created_on     date,
        offer_posted_on        date,
        candidates_received_on date,
        hired_on               date,
        ended_on               date,
        step_changed_on        date        NOT NULL,
        version                integer     NOT NULL DEFAULT 1,
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT portail_referrals_dates_check CHECK (
          referred_on <= coalesce(account_created_on, referred_on)
          AND coalesce(account_created_on, referred_on) <= coalesce(offer_posted_on, account_created_on, referred_on)
          AND coalesce(offer_posted_on, account_created_on, referred_on)
              <= coalesce(candidates_received_on, offer_posted_on, account_created_on, referred_on)
          AND coalesce(candidates_received_on, offer_posted_on, account_created_on, referred_on)
              <= coalesce(hired_on, candidates_received_on, offer_posted_on, account_created_on, referred_on)
          AND (ended_on IS NULL OR ended_on >= referred_on))
      )`);
    // One open referral per company at a time (docs/domain.md, Portail employeurs referrals).
    await db.query(`
      CREATE UNIQUE INDEX portail_referrals_one_open_per_company
        ON portail_referrals (company_id) WHERE step NOT IN ('HIRED', 'DECLINED', 'ABANDONED')`);
    await db.query(`CREATE INDEX portail_referrals_referred_idx ON portail_referrals (referred_on, id)`);
    await db.query(`CREATE INDEX portail_referrals_advisor_idx ON portail_referrals (advisor_id, step)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE portail_referrals`);
    await db.query(`DROP TABLE event_participation_needs`);
    await db.query(`DROP TABLE event_participations`);
    await db.query(`DROP TABLE journees_quebec_events`);
    await db.query(`DROP TABLE recruitment_needs`);
  }
}
