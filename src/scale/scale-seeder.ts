/**
 * Loads synthetic data at scale (benchmark data) with COPY … FROM STDIN, table after table in dependency order,
 * all in one transaction: a failure leaves the database as it was. Constraints, triggers and indexes stay as the
 * migrations made them, so every row is checked by PostgreSQL as it arrives. No audit rows are written: this is
 * history-less synthetic data.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { todayInQuebec } from '../common/calendar.js';
import { arrayLiteral, copyLine } from './copy-text.js';
import { dayNumber } from './scale-dates.js';
import {
  advisorsByRegion,
  companyProfiles,
  companyRows,
  fileRows,
  generateAdvisors,
  generateEvents,
  generateNeeds,
  generateParticipations,
  generateReferrals,
  interactionRows,
  planFiles,
  SCALE_EMAIL_DOMAIN,
  type ScaleContext,
} from './scale-generators.js';

export const DEFAULT_SCALE_SEED = 20190801;

export interface ScaleOptions {
  companies: number;
  files: number;
  interactions: number;
  /** Recruitment needs; 35 % of the companies by default. */
  needs?: number;
  /** Journées Québec participations; 3.5 % of the companies by default. */
  participations?: number;
  /** Portail employeurs referrals (at most); 12 % of the companies by default. */
  referrals?: number;
  seed?: number;
  /** Empty the data tables first (never the reference data: directions, regions, service points). */
  forceEmpty?: boolean;
  /** "Today" (YYYY-MM-DD) for the dates; today in Québec by default. */
  today?: string;
}

export interface ScaleProgress {
  table: string;
  done: number;
  total: number;
}

export interface TableLoad {
  table: string;
  rows: number;
  durationMs: number;
}

export interface ScaleSummary {
  seed: number;
  today: string;
  truncated: boolean;
  tables: TableLoad[];
  totalRows: number;
  analyzeMs: number;
  durationMs: number;
}

/** The load cannot start (data already there, reference data missing, bad sizes) — nothing was written. */
export class ScaleSeedError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ScaleSeedError';
  }
}

/** Tables emptied by --force-empty (CASCADE also empties any table referring to them). */
const DATA_TABLES = [
  'interactions', 'event_participation_needs', 'event_participations', 'journees_quebec_events', 'portail_referrals',
  'recruitment_needs', 'accompaniments', 'company_contacts', 'companies', 'audit_log', 'personal_information_access_log',
  'idempotency_keys', 'advisor_regions', 'advisors',
];

const ROWS_PER_CHUNK = 2000;

export function defaultSizes(companies: number): { needs: number; participations: number; referrals: number } {
  return {
    needs: Math.round(companies * 0.35),
    participations: Math.round(companies * 0.035),
    referrals: Math.round(companies * 0.12),
  };
}

export async function seedAtScale(
  connectionString: string,
  options: ScaleOptions,
  onProgress: (progress: ScaleProgress) => void = () => undefined,
): Promise<ScaleSummary> {
  const started = performance.now();
  for (const key of ['companies', 'files', 'interactions', 'needs', 'participations', 'referrals'] as const) {
    const value = options[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new ScaleSeedError(`--${key} ${value} : nombre entier positif attendu`);
    }
  }
  const defaults = defaultSizes(options.companies);
  const sizes = { ...defaults, ...withoutUndefined({ needs: options.needs, participations: options.participations, referrals: options.referrals }) };
  const seed = options.seed ?? DEFAULT_SCALE_SEED;
  const today = options.today ?? todayInQuebec();
  const ctx: ScaleContext = { seed, today: dayNumber(today) };

  const client = new pg.Client({ connectionString, application_name: 'crm-seed-scale' });
  await client.connect();
  try {
    const regions = (
      await client.query<{ code: string; direction_code: string | null }>('SELECT code, direction_code FROM regions ORDER BY code')
    ).rows;
    if (regions.length < 17) {
      throw new ScaleSeedError('données de référence absentes (régions) : lancez les migrations et chargez les données de référence');
    }
    const existing = (
      await client.query<{ companies: string; advisors: string }>(
        `SELECT (SELECT count(*) FROM companies) AS companies,
                (SELECT count(*) FROM advisors WHERE email LIKE '%@' || $1) AS advisors`,
        [SCALE_EMAIL_DOMAIN],
      )
    ).rows[0]!;
    if (!options.forceEmpty && (Number(existing.companies) > 0 || Number(existing.advisors) > 0)) {
      throw new ScaleSeedError(
        `la base contient déjà ${Number(existing.companies)} entreprise(s) et ${Number(existing.advisors)} conseiller(s) ` +
          `@${SCALE_EMAIL_DOMAIN} : rien n’a été écrit. Ajoutez --force-empty pour vider d’abord les tables de données ` +
          '(entreprises, dossiers, interventions, conseillers, journal d’audit… jamais les régions, directions et points de services).',
      );
    }
    const servicePoints = (
      await client.query<{ id: string; region_code: string }>('SELECT id, region_code FROM service_points ORDER BY region_code, name, id')
    ).rows;
    const pointsByRegion = new Map<string, string[]>();
    for (const p of servicePoints) pointsByRegion.set(p.region_code, [...(pointsByRegion.get(p.region_code) ?? []), p.id]);

    // Everything the later tables need is planned before the first COPY (small typed arrays).
    const advisors = generateAdvisors(ctx, regions.map((r) => ({ code: r.code, directionCode: r.direction_code })), pointsByRegion);
    const regionAdvisors = advisorsByRegion(advisors);
    const profiles = companyProfiles(ctx, options.companies);
    const plan = planFiles(ctx, profiles, options.files, regionAdvisors);

    const tables: TableLoad[] = [];
    const load = async <T>(table: string, columns: string, rows: Iterable<T>, total: number, line: (row: T) => string) => {
      const start = performance.now();
      const count = await copyRows(client, table, columns, rows, line, (done) => onProgress({ table, done, total }));
      tables.push({ table, rows: count, durationMs: performance.now() - start });
    };

    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL synchronous_commit = off');
      await client.query('SET LOCAL jit = off');
      if (options.forceEmpty) {
        const present = (
          await client.query<{ name: string }>(
            `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname = ANY($1)`,
            [DATA_TABLES],
          )
        ).rows.map((r) => r.name);
        // The access log is append-only (a trigger refuses TRUNCATE): emptying a benchmark database is the one
        // deliberate exception, with the trigger off inside this transaction only (ALTER TABLE is transactional).
        const appendOnly = present.includes('personal_information_access_log');
        if (appendOnly) await client.query('ALTER TABLE personal_information_access_log DISABLE TRIGGER USER');
        await client.query(`TRUNCATE ${DATA_TABLES.filter((t) => present.includes(t)).join(', ')} RESTART IDENTITY CASCADE`);
        if (appendOnly) await client.query('ALTER TABLE personal_information_access_log ENABLE TRIGGER USER');
      }

      await load('advisors', 'id, email, full_name, role, direction_code, service_point_id, active, created_at, updated_at', advisors, advisors.length, (a) =>
        copyLine([a.id, a.email, a.fullName, a.role, a.directionCode, a.servicePointId, true, a.createdAt, a.createdAt]),
      );
      const advisorRegions = advisors.flatMap((a) => a.regionCodes.map((code) => [a.id, code] as const));
      await load('advisor_regions', 'advisor_id, region_code', advisorRegions, advisorRegions.length, (r) => copyLine(r));

      await load(
        'companies',
        'id, legal_name, other_names, neq, naics_code, size_band, ownership, address, municipality, postal_code, region_code, name_key, created_at, updated_at',
        companyRows(ctx, profiles, plan.firstOpened),
        options.companies,
        (c) =>
          copyLine([
            c.id, c.legalName, arrayLiteral(c.otherNames), c.neq, c.naicsCode, c.sizeBand, c.ownership, c.address,
            c.municipality, c.postalCode, c.regionCode, c.nameKey, c.createdAt, c.createdAt,
          ]),
      );
      await load(
        'accompaniments',
        'id, company_id, advisor_id, region_code, status, service_level, themes, opened_on, closed_on, outcome, status_changed_on, created_at, updated_at',
        fileRows(ctx, plan, advisors),
        plan.count,
        (f) =>
          copyLine([
            f.id, f.companyId, f.advisorId, f.regionCode, f.status, f.serviceLevel, arrayLiteral(f.themes), f.openedOn,
            f.closedOn, f.outcome, f.statusChangedOn, f.createdAt, f.updatedAt,
          ]),
      );
      await load(
        'interactions',
        'id, accompaniment_id, advisor_id, occurred_on, kind, mode, duration_minutes, summary, created_at, updated_at',
        interactionRows(ctx, plan, advisors, regionAdvisors, options.interactions),
        options.interactions,
        (i) =>
          copyLine([i.id, i.accompanimentId, i.advisorId, i.occurredOn, i.kind, i.mode, i.durationMinutes, i.summary, i.createdAt, i.createdAt]),
      );
      const needs = generateNeeds(ctx, plan, profiles, sizes.needs);
      await load(
        'recruitment_needs',
        'id, company_id, accompaniment_id, noc_code, title, positions, positions_filled, work_region_code, employment_type, hourly_wage, french_level, channels, status, opened_on, closed_on, created_at, updated_at',
        needs.rows,
        needs.rows.length,
        (n) =>
          copyLine([
            n.id, n.companyId, n.accompanimentId, n.nocCode, n.title, n.positions, n.positionsFilled, n.workRegionCode,
            n.employmentType, n.hourlyWage, n.frenchLevel, arrayLiteral(n.channels), n.status, n.openedOn, n.closedOn,
            n.createdAt, n.createdAt,
          ]),
      );
      const events = generateEvents(ctx);
      await load(
        'journees_quebec_events',
        'id, name, city, country, mode, starts_on, ends_on, registration_deadline, status, created_at, updated_at',
        events,
        events.length,
        (e) => copyLine([e.id, e.name, e.city, e.country, e.mode, e.startsOn, e.endsOn, e.registrationDeadline, e.status, e.createdAt, e.createdAt]),
      );
      const participations = generateParticipations(ctx, events, needs, profiles, advisors, regionAdvisors, sizes.participations);
      await load(
        'event_participations',
        'id, event_id, company_id, advisor_id, status, registered_on, candidates_met, interviews_held, offers_made, hires, created_at, updated_at',
        participations,
        participations.length,
        (p) =>
          copyLine([
            p.id, p.eventId, p.companyId, p.advisorId, p.status, p.registeredOn, p.candidatesMet, p.interviewsHeld,
            p.offersMade, p.hires, p.createdAt, p.createdAt,
          ]),
      );
      const links = participations.flatMap((p) => p.needIds.map((needId) => [p.id, needId] as const));
      await load('event_participation_needs', 'participation_id, recruitment_need_id', links, links.length, (l) => copyLine(l));
      const referrals = generateReferrals(ctx, plan, profiles, advisors, regionAdvisors, sizes.referrals);
      await load(
        'portail_referrals',
        'id, company_id, accompaniment_id, advisor_id, step, referred_on, account_created_on, offer_posted_on, candidates_received_on, hired_on, ended_on, step_changed_on, created_at, updated_at',
        referrals,
        referrals.length,
        (r) =>
          copyLine([
            r.id, r.companyId, r.accompanimentId, r.advisorId, r.step, r.referredOn, r.accountCreatedOn, r.offerPostedOn,
            r.candidatesReceivedOn, r.hiredOn, r.endedOn, r.stepChangedOn, r.createdAt, r.createdAt,
          ]),
      );
      const commitStart = performance.now();
      await client.query('COMMIT');
      tables.push({ table: 'COMMIT', rows: 0, durationMs: performance.now() - commitStart });
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }

    const analyzeStart = performance.now();
    onProgress({ table: 'ANALYZE', done: 0, total: 1 });
    // The rollups the counts and reports read by index-only scans: a VACUUM marks their fresh pages all-visible
    // now rather than whenever autovacuum comes (until then every scan would visit the heap). Small tables.
    await client.query(
      'VACUUM (ANALYZE) employer_region_activity, employer_activity, employer_region_years, employer_years, interaction_daily_totals',
    );
    await client.query('ANALYZE');
    onProgress({ table: 'ANALYZE', done: 1, total: 1 });
    const analyzeMs = performance.now() - analyzeStart;
    return {
      seed,
      today,
      truncated: options.forceEmpty ?? false,
      tables,
      totalRows: tables.reduce((sum, t) => sum + t.rows, 0),
      analyzeMs,
      durationMs: performance.now() - started,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withoutUndefined<T extends Record<string, number | undefined>>(values: T): Partial<Record<keyof T, number>> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<Record<keyof T, number>>;
}

/** Streams `rows` into `table` through COPY FROM STDIN, in chunks of a few thousand lines; returns the row count. */
async function copyRows<T>(
  client: pg.Client,
  table: string,
  columns: string,
  rows: Iterable<T>,
  line: (row: T) => string,
  progress: (done: number) => void,
): Promise<number> {
  let count = 0;
  function* chunks(): Generator<string> {
    let chunk = '';
    let inChunk = 0;
    for (const row of rows) {
      chunk += line(row);
      count++;
      if (++inChunk === ROWS_PER_CHUNK) {
        yield chunk;
        progress(count);
        chunk = '';
        inChunk = 0;
      }
    }
    if (chunk !== '') yield chunk;
    progress(count);
  }
  await pipeline(Readable.from(chunks(), { objectMode: false }), client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`)));
  return count;
}
