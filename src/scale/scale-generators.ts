/**
 * Pure generators of the synthetic benchmark data (`npm run seed:scale`): same seed, same sizes and same "today" →
 * same rows. Nothing here touches the database; the loader (scale-seeder.ts) turns these rows into COPY text.
 *
 * Rows of the big tables are produced one at a time (generators), and what later tables need of earlier ones is
 * kept in typed arrays (a region, a day number per file), never as row objects.
 */
import { AccompanimentStatus, ClosingOutcome, InteractionKind as Kind, InteractionMode as Mode, ServiceLevel, Theme } from '../accompaniments/accompaniment.enums.js';
import { Role } from '../auth/role.js';
import { Ownership, SizeBand } from '../companies/company.enums.js';
import { companyNameKey } from '../companies/company-name.js';
import { EventMode, EventStatus, ParticipationStatus } from '../journees-quebec/journees-quebec.enums.js';
import { PortailReferralStep as Step } from '../portail-referrals/portail-referral.enums.js';
import { EmploymentType, FrenchLevel, RecruitmentChannel, RecruitmentNeedStatus as NeedStatus } from '../recruitment-needs/recruitment-need.enums.js';
import { DEPLOYMENT_DATE } from '../common/period.js';
import { cumulative, Prng, scaleUuid, Weighted } from './prng.js';
import { dayNumber, isoDate, timestampOn, yearOf } from './scale-dates.js';
import {
  ADVISORS_PER_REGION,
  EVENT_PLACES,
  FAMILY_NAMES,
  GIVEN_NAMES,
  LEGAL_SUFFIXES,
  MUNICIPALITIES,
  OCCUPATIONS,
  OTHER_FAMILY_NAMES,
  PLACE_WORDS,
  POSTAL_LETTERS,
  REGION_WEIGHTS,
  SHARED_COVERAGE,
  STREET_NAMES,
  STREET_TYPES,
  SUMMARY_ENDINGS,
  SUMMARY_OPENINGS,
  SUMMARY_TOPICS,
  TRADES,
} from './vocabulary.js';

export const DEPLOYMENT_DAY = dayNumber(DEPLOYMENT_DATE);
export const REGION_CODES = Object.keys(REGION_WEIGHTS).sort();
export const SCALE_EMAIL_DOMAIN = 'scale.crm.example';

/** Tags that keep the ids of each table apart (see scaleUuid). */
export const TAG = {
  advisor: 1,
  company: 2,
  file: 3,
  interaction: 4,
  need: 5,
  event: 6,
  participation: 7,
  referral: 8,
} as const;

export interface ScaleContext {
  seed: number;
  /** Day number of "today": nothing is dated after it. */
  today: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Enumerations, by small integer in the typed arrays

// The enums' own values, in their declared order (the typed arrays hold indexes into these lists).
export const FILE_STATUSES = Object.values(AccompanimentStatus);
export const SERVICE_LEVELS = Object.values(ServiceLevel);
export const THEMES = Object.values(Theme);
export const OUTCOMES = [null, ...Object.values(ClosingOutcome)];
export const SIZE_BANDS = Object.values(SizeBand);

const OPEN = 0;
const ON_HOLD = 1;
const CLOSED = 2;

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

/** Splits `total` into integer parts proportional to `weights`, each at least `minimum` (when the total allows). */
export function allocate(total: number, weights: Float64Array, prng: Prng, minimum = 0, cap = Infinity): Int32Array {
  const n = weights.length;
  const counts = new Int32Array(n);
  if (n === 0 || total <= 0) return counts;
  const floor = total >= minimum * n ? minimum : 0;
  let remaining = total - floor * n;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i]!;
  if (sum <= 0) {
    for (let i = 0; i < n; i++) weights[i] = 1;
    sum = n;
  }
  const budget = remaining;
  for (let i = 0; i < n; i++) {
    const share = Math.min(cap - floor, Math.floor((budget * weights[i]!) / sum));
    counts[i] = floor + share;
    remaining -= share;
  }
  // The rest, one by one, to entries drawn by weight (then in order, if the caps leave no room to draw).
  const sums = cumulative(Array.from(weights));
  let attempts = 0;
  while (remaining > 0 && attempts < 20 * n + 1000) {
    const i = prng.weightedIndex(sums);
    attempts++;
    if (counts[i]! < cap) {
      counts[i]!++;
      remaining--;
    }
  }
  for (let i = 0; remaining > 0 && i < n; i++) {
    const room = Math.max(0, Math.min(remaining, cap - counts[i]!));
    counts[i]! += room;
    remaining -= room;
  }
  if (remaining > 0) throw new Error(`impossible de répartir ${total} éléments sur ${n} (plafond ${cap} chacun)`);
  return counts;
}

function plainAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function familyName(prng: Prng): string {
  return prng.chance(0.85) ? prng.pick(FAMILY_NAMES) : prng.pick(OTHER_FAMILY_NAMES);
}

/** A postal code of that forward sortation area: "A1A 1A1". */
export function postalCode(prng: Prng, fsa: string): string {
  return `${fsa} ${prng.int(0, 9)}${POSTAL_LETTERS[prng.int(0, POSTAL_LETTERS.length - 1)]}${prng.int(0, 9)}`;
}

/**
 * A NEQ for company `index`: 10 digits, unique per index (an affine permutation of 0…10⁸−1 behind the prefix 11,
 * so consecutive companies do not get consecutive numbers).
 */
export function neqFor(seed: number, index: number): string {
  const offset = (seed >>> 0) % 100_000_000;
  const value = (index * 7_654_321 + offset) % 100_000_000; // 7 654 321 is prime to 10⁸: a bijection
  return `11${String(value).padStart(8, '0')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Advisors

export interface RegionRef {
  code: string;
  directionCode: string | null;
}

export interface AdvisorRow {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  directionCode: string | null;
  servicePointId: string | null;
  regionCodes: string[];
  createdAt: string;
}

/**
 * The team: per region the advisors of ADVISORS_PER_REGION (some also covering a small neighbouring region), one or
 * two managers per regional direction, one administrator, three analysts.
 */
export function generateAdvisors(
  ctx: ScaleContext,
  regions: readonly RegionRef[],
  servicePointsByRegion: ReadonlyMap<string, readonly string[]>,
): AdvisorRow[] {
  const prng = new Prng(ctx.seed, 'advisors');
  const rows: AdvisorRow[] = [];
  const add = (role: AdvisorRow['role'], regionCodes: string[], directionCode: string | null, servicePointId: string | null) => {
    const given = prng.pick(GIVEN_NAMES);
    const family = familyName(prng);
    const index = rows.length;
    rows.push({
      id: scaleUuid(ctx.seed, TAG.advisor, index),
      email: `${plainAscii(given).replace(/-/g, '')}.${plainAscii(family)}.${index + 1}@${SCALE_EMAIL_DOMAIN}`.replace(/-/g, ''),
      fullName: `${given} ${family}`,
      role,
      directionCode,
      servicePointId,
      regionCodes,
      createdAt: timestampOn(DEPLOYMENT_DAY - prng.int(0, 60), prng.int(480, 1000)),
    });
  };
  add(Role.ADMIN, [], null, null);
  for (let i = 0; i < 3; i++) add(Role.ANALYST, [], null, null);
  const directions = [...new Set(regions.map((r) => r.directionCode).filter((d): d is string => d !== null))].sort();
  const bigDirections = new Set(['MTL', 'MON', 'CNE', 'LLL']);
  for (const direction of directions) {
    const count = bigDirections.has(direction) ? 2 : 1;
    for (let i = 0; i < count; i++) add(Role.MANAGER, [], direction, null);
  }
  const known = new Set(regions.map((r) => r.code));
  for (const region of REGION_CODES) {
    if (!known.has(region)) continue;
    const points = servicePointsByRegion.get(region) ?? [];
    for (let i = 0; i < (ADVISORS_PER_REGION[region] ?? 1); i++) {
      const covered = [region];
      if (i === 0) for (const [from, also] of SHARED_COVERAGE) if (from === region && known.has(also)) covered.push(also);
      add(Role.ADVISOR, covered, null, points.length > 0 ? points[i % points.length]! : null);
    }
  }
  return rows;
}

/** Advisors (their index in `advisors`) holding each region, for the ADVISOR role. */
export function advisorsByRegion(advisors: readonly AdvisorRow[]): Map<string, number[]> {
  const byRegion = new Map<string, number[]>();
  advisors.forEach((a, i) => {
    if (a.role !== Role.ADVISOR) return;
    for (const code of a.regionCodes) byRegion.set(code, [...(byRegion.get(code) ?? []), i]);
  });
  return byRegion;
}

// ---------------------------------------------------------------------------------------------------------------
// Companies

/** What later tables need of each company, by company index. */
export interface CompanyProfiles {
  count: number;
  /** Region number 1…17 (the code's value). */
  region: Uint8Array;
  /** Index in SIZE_BANDS. */
  size: Uint8Array;
  /** Index in TRADES. */
  trade: Uint8Array;
}

const REGION_CHOOSER = new Weighted(REGION_CODES.map((code) => [Number(code), REGION_WEIGHTS[code]!] as const));
const TRADE_CHOOSER = new Weighted(TRADES.map((t, i) => [i, t.weight] as const));
/** Size band given the trade's usual size (0 = small … 5 = large): weights of the 6 bands. */
const SIZE_WEIGHTS: readonly (readonly number[])[] = [
  [55, 35, 8, 2, 0, 0],
  [25, 45, 20, 7, 3, 0],
  [10, 35, 30, 15, 9, 1],
  [5, 20, 30, 22, 20, 3],
  [2, 10, 20, 23, 35, 10],
  [0, 3, 10, 17, 45, 25],
];
const SIZE_CHOOSERS = SIZE_WEIGHTS.map((weights) => new Weighted(weights.map((w, i) => [i, w] as const)));

export function companyProfiles(ctx: ScaleContext, count: number): CompanyProfiles {
  const prng = new Prng(ctx.seed, 'company-profiles');
  const profiles: CompanyProfiles = {
    count,
    region: new Uint8Array(count),
    size: new Uint8Array(count),
    trade: new Uint8Array(count),
  };
  for (let i = 0; i < count; i++) {
    profiles.region[i] = REGION_CHOOSER.draw(prng);
    const trade = TRADE_CHOOSER.draw(prng);
    profiles.trade[i] = trade;
    profiles.size[i] = SIZE_CHOOSERS[TRADES[trade]!.size]!.draw(prng);
  }
  return profiles;
}

export function regionCode(regionNumber: number): string {
  return regionNumber < 10 ? `0${regionNumber}` : String(regionNumber);
}

export interface CompanyRow {
  id: string;
  legalName: string;
  otherNames: string[];
  neq: string | null;
  naicsCode: string;
  sizeBand: SizeBand;
  ownership: Ownership;
  address: string;
  municipality: string;
  postalCode: string;
  regionCode: string;
  nameKey: string;
  createdAt: string;
}

const SUFFIX_CHOOSER = new Weighted(LEGAL_SUFFIXES);

function companyName(prng: Prng, tradeWord: string, ownership: Ownership, municipality: string): string {
  if (ownership === Ownership.PUBLIC) return `${prng.chance(0.5) ? 'Ville' : 'Municipalité'} de ${municipality}`;
  if (ownership === Ownership.PARAPUBLIC) return `${tradeWord} ${prng.pick(PLACE_WORDS)}`;
  if (ownership === Ownership.NON_PROFIT) return `${tradeWord} ${prng.chance(0.5) ? prng.pick(PLACE_WORDS) : `de ${municipality}`}`;
  const family = familyName(prng);
  const suffix = SUFFIX_CHOOSER.draw(prng);
  switch (prng.int(0, 7)) {
    case 0:
      return `Les Entreprises ${family}${suffix}`;
    case 1:
      return `${family} et fils${suffix}`;
    case 2:
      return `Groupe ${family}-${familyName(prng)}${suffix}`;
    case 3:
      return `${tradeWord} ${prng.pick(PLACE_WORDS)}${suffix}`;
    case 4:
      return `${tradeWord} ${municipality}${suffix}`;
    default:
      return `${tradeWord} ${family}${suffix}`;
  }
}

/**
 * Company rows in index order. `firstFileDay` (from the file plan) dates each company's registration shortly
 * before its first file; a company without file gets a date since the deployment.
 */
export function* companyRows(ctx: ScaleContext, profiles: CompanyProfiles, firstFileDay: Int32Array): Generator<CompanyRow> {
  const prng = new Prng(ctx.seed, 'company-rows');
  for (let i = 0; i < profiles.count; i++) {
    const region = regionCode(profiles.region[i]!);
    const trade = TRADES[profiles.trade[i]!]!;
    const [municipality, fsas] = prng.pick(MUNICIPALITIES[region]!);
    const legalName = companyName(prng, trade.word, trade.ownership, municipality);
    const first = firstFileDay[i]!;
    const created = first >= 0 ? Math.max(DEPLOYMENT_DAY - 30, first - prng.int(0, 20)) : prng.int(DEPLOYMENT_DAY, ctx.today);
    yield {
      id: scaleUuid(ctx.seed, TAG.company, i),
      legalName,
      otherNames: prng.chance(0.05) ? [`${familyName(prng)} ${trade.word}`] : [],
      neq: trade.ownership === Ownership.PUBLIC || prng.chance(0.06) ? null : neqFor(ctx.seed, i),
      naicsCode: trade.naics,
      sizeBand: SIZE_BANDS[profiles.size[i]!]!,
      ownership: trade.ownership,
      address: `${prng.int(1, 9999)}, ${prng.pick(STREET_TYPES)} ${prng.pick(STREET_NAMES)}`,
      municipality,
      postalCode: postalCode(prng, prng.pick(fsas)),
      regionCode: region,
      nameKey: companyNameKey(legalName),
      createdAt: timestampOn(created, prng.int(480, 1020)),
    };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Accompaniment files: the lifetime model

/**
 * Every file, sorted by opening day (the order they are inserted in, as in production), as columns. A file's index
 * here is its row number (its id is scaleUuid(seed, TAG.file, index)).
 */
export interface FilePlan {
  count: number;
  company: Int32Array;
  /** Region number 1…17. */
  region: Uint8Array;
  /** Index in the advisors array. */
  advisor: Int32Array;
  opened: Int32Array;
  /** Closing day, or -1 while OPEN / ON_HOLD. */
  closed: Int32Array;
  /** 0 OPEN, 1 ON_HOLD, 2 CLOSED. */
  status: Uint8Array;
  statusChanged: Int32Array;
  /** Index in OUTCOMES (0: none). */
  outcome: Uint8Array;
  /** Index in SERVICE_LEVELS. */
  level: Uint8Array;
  /** Bit i set: THEMES[i]. */
  themes: Uint8Array;
  /** Files of company c: companyFiles[companyStart[c] … companyStart[c+1]−1], by opening day. */
  companyStart: Int32Array;
  companyFiles: Int32Array;
  /** First file's opening day per company, -1 when none. */
  firstOpened: Int32Array;
}

const LEVEL_CHOOSER = new Weighted([[0, 25], [1, 20], [2, 55]] as const);
const OUTCOME_CHOOSER = new Weighted([[1, 45], [2, 15], [3, 15], [4, 10], [5, 5], [0, 10]] as const);
const THEME_ODDS = [0.25, 0.8, 0.25, 0.25, 0.2, 0.4];
/** Relative number of files of a company by size band. */
const FILES_BY_SIZE = [0.5, 0.8, 1.1, 1.5, 2, 2.8];

/** Days a file of that service level stays open when nothing else ends it. */
function fileLifetime(prng: Prng, level: number): number {
  if (level === 0) return Math.min(60, Math.round(prng.logNormal(6, 1)));
  if (level === 1) return Math.max(1, Math.min(200, Math.round(prng.logNormal(30, 0.8))));
  return Math.max(14, Math.min(550, Math.round(prng.logNormal(150, 0.7))));
}

/**
 * Plans `fileCount` files over the companies. Per company: a number of files growing with its size (5 % of the
 * companies have none); each file in the company's region, or 10 % of the time in another one (interregional
 * mobility). In each (company, region) the files follow one another: each opens after the previous one closed,
 * and only the last one may still be OPEN or ON_HOLD, which is what the partial unique index demands. Companies
 * arrive over the years (more recently more often, as the service grew).
 */
export function planFiles(
  ctx: ScaleContext,
  profiles: CompanyProfiles,
  fileCount: number,
  regionAdvisors: ReadonlyMap<string, readonly number[]>,
): FilePlan {
  const prng = new Prng(ctx.seed, 'files');
  const companies = profiles.count;
  const span = ctx.today - DEPLOYMENT_DAY;
  if (span < 30) throw new Error('aujourd’hui doit suivre le déploiement (2019-08-01) d’au moins 30 jours');
  if (fileCount > 0 && companies === 0) throw new Error('des dossiers sans entreprise : --companies doit être positif');
  const weights = new Float64Array(companies);
  for (let c = 0; c < companies; c++) {
    weights[c] = prng.chance(0.05) ? 0 : FILES_BY_SIZE[profiles.size[c]!]! * prng.logNormal(1, 0.6);
  }
  const cap = Math.max(1, Math.floor(span / 8));
  const perCompany = allocate(fileCount, weights, prng, 0, cap);

  // Files in company order first, then sorted by opening day.
  const tmp = {
    company: new Int32Array(fileCount),
    region: new Uint8Array(fileCount),
    opened: new Int32Array(fileCount),
    closed: new Int32Array(fileCount),
    status: new Uint8Array(fileCount),
    statusChanged: new Int32Array(fileCount),
    outcome: new Uint8Array(fileCount),
    level: new Uint8Array(fileCount),
  };
  const otherRegions = new Map<number, Weighted<number>>();
  for (const code of REGION_CODES) {
    const home = Number(code);
    otherRegions.set(home, new Weighted(REGION_CODES.filter((r) => r !== code).map((r) => [Number(r), REGION_WEIGHTS[r]!] as const)));
  }
  let n = 0;
  const chainRegions: number[] = [];
  const uniforms: number[] = [];
  for (let c = 0; c < companies; c++) {
    const k = perCompany[c]!;
    if (k === 0) continue;
    const home = profiles.region[c]!;
    // The company's first contact: more recent more often; early enough to leave room for many files.
    const room = Math.max(0, span - 45 * k);
    const entry = DEPLOYMENT_DAY + Math.floor(Math.sqrt(prng.next()) * room);
    chainRegions.length = 0;
    for (let j = 0; j < k; j++) chainRegions.push(prng.chance(0.9) ? home : otherRegions.get(home)!.draw(prng));
    for (const region of new Set(chainRegions)) {
      const m = chainRegions.filter((r) => r === region).length;
      const start = region === home ? entry : entry + Math.floor(prng.next() * Math.max(0, ctx.today - entry + 1 - m));
      const length = ctx.today - start + 1; // ≥ m: see `room` and the cap
      uniforms.length = 0;
      for (let j = 0; j < m; j++) uniforms.push(prng.next());
      uniforms.sort((a, b) => a - b);
      // Distinct opening days, increasing: the j-th of m sorted uniforms spread over length − m days, plus j.
      const openings = uniforms.map((u, j) => start + Math.floor(u * (length - m)) + j);
      for (let j = 0; j < m; j++) {
        const opened = openings[j]!;
        const level = LEVEL_CHOOSER.draw(prng);
        const wouldClose = opened + fileLifetime(prng, level);
        const last = j === m - 1;
        tmp.company[n] = c;
        tmp.region[n] = region;
        tmp.opened[n] = opened;
        tmp.level[n] = level;
        if (!last || (wouldClose <= ctx.today && !prng.chance(0.02))) {
          const closed = last ? wouldClose : Math.min(wouldClose, openings[j + 1]! - 1);
          tmp.status[n] = CLOSED;
          tmp.closed[n] = closed;
          tmp.statusChanged[n] = closed;
          tmp.outcome[n] = OUTCOME_CHOOSER.draw(prng);
        } else {
          const onHold = prng.chance(0.18);
          tmp.status[n] = onHold ? ON_HOLD : OPEN;
          tmp.closed[n] = -1;
          tmp.statusChanged[n] = onHold || prng.chance(0.25) ? opened + Math.floor(prng.next() * (ctx.today - opened + 1)) : opened;
          tmp.outcome[n] = 0;
        }
        n++;
      }
    }
  }

  // Sort by (opening day, company order): keys opened·F + position fit in a double exactly.
  const keys = new Float64Array(fileCount);
  for (let i = 0; i < fileCount; i++) keys[i] = tmp.opened[i]! * fileCount + i;
  keys.sort();
  const plan: FilePlan = {
    count: fileCount,
    company: new Int32Array(fileCount),
    region: new Uint8Array(fileCount),
    advisor: new Int32Array(fileCount),
    opened: new Int32Array(fileCount),
    closed: new Int32Array(fileCount),
    status: new Uint8Array(fileCount),
    statusChanged: new Int32Array(fileCount),
    outcome: new Uint8Array(fileCount),
    level: new Uint8Array(fileCount),
    themes: new Uint8Array(fileCount),
    companyStart: new Int32Array(companies + 1),
    companyFiles: new Int32Array(fileCount),
    firstOpened: new Int32Array(companies).fill(-1),
  };
  const advisorLists = new Map<number, readonly number[]>();
  for (const code of REGION_CODES) {
    const list = regionAdvisors.get(code) ?? [];
    if (list.length === 0 && fileCount > 0) throw new Error(`aucun conseiller pour la région ${code}`);
    advisorLists.set(Number(code), list);
  }
  for (let i = 0; i < fileCount; i++) {
    const t = keys[i]! % fileCount;
    plan.company[i] = tmp.company[t]!;
    plan.region[i] = tmp.region[t]!;
    plan.opened[i] = tmp.opened[t]!;
    plan.closed[i] = tmp.closed[t]!;
    plan.status[i] = tmp.status[t]!;
    plan.statusChanged[i] = tmp.statusChanged[t]!;
    plan.outcome[i] = tmp.outcome[t]!;
    plan.level[i] = tmp.level[t]!;
    const advisors = advisorLists.get(plan.region[i]!)!;
    // The first advisor of a region's list carries a little more than the others.
    plan.advisor[i] = advisors[prng.chance(0.25) ? 0 : prng.int(0, advisors.length - 1)]!;
    let themes = 0;
    for (let b = 0; b < THEME_ODDS.length; b++) if (prng.chance(THEME_ODDS[b]!)) themes |= 1 << b;
    plan.themes[i] = themes === 0 ? 2 : themes;
  }
  for (let i = 0; i < fileCount; i++) plan.companyStart[plan.company[i]! + 1]!++;
  for (let c = 0; c < companies; c++) plan.companyStart[c + 1]! += plan.companyStart[c]!;
  const fill = plan.companyStart.slice(0, companies);
  for (let i = 0; i < fileCount; i++) {
    const c = plan.company[i]!;
    plan.companyFiles[fill[c]!++] = i;
    if (plan.firstOpened[c] === -1) plan.firstOpened[c] = plan.opened[i]!;
  }
  return plan;
}

/** Last day a file's interactions may fall on: its closing day, or today. */
export function fileEnd(plan: FilePlan, file: number, today: number): number {
  const closed = plan.closed[file]!;
  return closed >= 0 ? closed : today;
}

export interface FileRow {
  id: string;
  companyId: string;
  advisorId: string;
  regionCode: string;
  status: AccompanimentStatus;
  serviceLevel: ServiceLevel;
  themes: Theme[];
  openedOn: string;
  closedOn: string | null;
  outcome: ClosingOutcome | null;
  statusChangedOn: string;
  createdAt: string;
  updatedAt: string;
}

export function* fileRows(ctx: ScaleContext, plan: FilePlan, advisors: readonly AdvisorRow[]): Generator<FileRow> {
  const prng = new Prng(ctx.seed, 'file-rows');
  for (let i = 0; i < plan.count; i++) {
    const themes: Theme[] = [];
    for (let b = 0; b < THEMES.length; b++) if (plan.themes[i]! & (1 << b)) themes.push(THEMES[b]!);
    const closed = plan.closed[i]!;
    const created = timestampOn(plan.opened[i]!, prng.int(480, 1020));
    yield {
      id: scaleUuid(ctx.seed, TAG.file, i),
      companyId: scaleUuid(ctx.seed, TAG.company, plan.company[i]!),
      advisorId: advisors[plan.advisor[i]!]!.id,
      regionCode: regionCode(plan.region[i]!),
      status: FILE_STATUSES[plan.status[i]!]!,
      serviceLevel: SERVICE_LEVELS[plan.level[i]!]!,
      themes,
      openedOn: isoDate(plan.opened[i]!),
      closedOn: closed >= 0 ? isoDate(closed) : null,
      outcome: OUTCOMES[plan.outcome[i]!]!,
      statusChangedOn: isoDate(plan.statusChanged[i]!),
      createdAt: created,
      updatedAt: plan.statusChanged[i] === plan.opened[i] ? created : timestampOn(plan.statusChanged[i]!, prng.int(480, 1020)),
    };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Interactions: streamed in date order

export interface InteractionRow {
  id: string;
  accompanimentId: string;
  advisorId: string;
  occurredOn: string;
  kind: Kind;
  mode: Mode;
  durationMinutes: number;
  summary: string;
  createdAt: string;
}

const KIND_BY_LEVEL = [
  new Weighted([[Kind.CALL, 40], [Kind.EMAIL, 30], [Kind.INFORMATION_SESSION, 15], [Kind.MEETING, 10], [Kind.OTHER, 5]] as const),
  new Weighted([[Kind.CALL, 35], [Kind.EMAIL, 30], [Kind.MEETING, 25], [Kind.OTHER, 10]] as const),
  new Weighted([[Kind.CALL, 30], [Kind.EMAIL, 25], [Kind.MEETING, 25], [Kind.SITE_VISIT, 8], [Kind.INFORMATION_SESSION, 5], [Kind.OTHER, 7]] as const),
];
const COVID_FROM = dayNumber('2020-03-15');
const COVID_TO = dayNumber('2021-09-01');
/** Per level, how much a file's length draws interactions (personalized files are followed more closely). */
const INTERACTIONS_BY_LEVEL = [0.35, 0.7, 1.6];

function modeOf(prng: Prng, kind: Kind, day: number): Mode {
  const distancing = day >= COVID_FROM && day < COVID_TO;
  switch (kind) {
    case Kind.CALL:
      return prng.chance(0.85) ? Mode.PHONE : Mode.VIRTUAL;
    case Kind.EMAIL:
      return Mode.EMAIL;
    case Kind.SITE_VISIT:
      return Mode.IN_PERSON;
    case Kind.MEETING:
      return prng.chance(distancing ? 0.9 : 0.5) ? Mode.VIRTUAL : Mode.IN_PERSON;
    case Kind.INFORMATION_SESSION:
      return prng.chance(distancing ? 0.95 : 0.6) ? Mode.VIRTUAL : Mode.IN_PERSON;
    default:
      return prng.pick([Mode.PHONE, Mode.EMAIL, Mode.VIRTUAL, Mode.IN_PERSON]);
  }
}

function durationOf(prng: Prng, kind: Kind): number {
  switch (kind) {
    case Kind.CALL:
      return prng.int(5, 45);
    case Kind.EMAIL:
      return prng.int(5, 20);
    case Kind.MEETING:
      return 15 * prng.int(2, 8);
    case Kind.SITE_VISIT:
      return 30 * prng.int(2, 8);
    case Kind.INFORMATION_SESSION:
      return 30 * prng.int(2, 6);
    default:
      return prng.int(10, 60);
  }
}

/** How many interactions each file gets: `total` split by the file's length and service level, at least one each when possible. */
export function interactionCounts(ctx: ScaleContext, plan: FilePlan, total: number): Int32Array {
  const prng = new Prng(ctx.seed, 'interaction-counts');
  const weights = new Float64Array(plan.count);
  for (let i = 0; i < plan.count; i++) {
    const days = fileEnd(plan, i, ctx.today) - plan.opened[i]!;
    weights[i] = (1 + days / 30) * INTERACTIONS_BY_LEVEL[plan.level[i]!]! * (0.5 + prng.next());
  }
  return allocate(total, weights, prng, 1);
}

/**
 * `total` interactions in date order (ties by file), each inside its file's [opened_on, closed_on or today]: the
 * first on the opening day, the next ones spread over the rest of the file's life. A heap holds one pending
 * interaction per file still being followed, so memory grows with the files (typed arrays), not the interactions.
 */
export function* interactionRows(
  ctx: ScaleContext,
  plan: FilePlan,
  advisors: readonly AdvisorRow[],
  regionAdvisors: ReadonlyMap<string, readonly number[]>,
  total: number,
): Generator<InteractionRow> {
  const files = plan.count;
  if (files >= 1 << 24) throw new Error('au plus 16 777 215 dossiers');
  const remaining = interactionCounts(ctx, plan, total);
  const prng = new Prng(ctx.seed, 'interactions');
  const SHIFT = 1 << 24;
  const heap = new Float64Array(Math.max(1, files));
  let size = 0;
  const push = (key: number) => {
    let i = size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]! <= key) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = key;
  };
  const pop = (): number => {
    const top = heap[0]!;
    const last = heap[--size]!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && heap[right]! < heap[left]! ? right : left;
      if (heap[child]! >= last) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  };
  const fileIds = new Map<number, string>();
  let next = 0;
  let emitted = 0;
  for (;;) {
    if (next < files && (size === 0 || plan.opened[next]! * SHIFT + next <= heap[0]!)) {
      if (remaining[next]! > 0) push(plan.opened[next]! * SHIFT + next);
      next++;
      continue;
    }
    if (size === 0) break;
    const key = pop();
    const file = key % SHIFT;
    const day = (key - file) / SHIFT;
    const left = --remaining[file]!;
    if (left > 0) {
      const end = fileEnd(plan, file, ctx.today);
      // The next of `left` sorted uniform days in [day, end]: 1 − U^(1/left) is the minimum of `left` uniforms.
      const step = Math.floor((end - day + 1) * (1 - Math.pow(prng.next(), 1 / left)));
      push(Math.min(end, day + step) * SHIFT + file);
    }
    let fileId = fileIds.get(file);
    if (fileId === undefined) {
      fileId = scaleUuid(ctx.seed, TAG.file, file);
      if (left > 0) fileIds.set(file, fileId);
    } else if (left === 0) fileIds.delete(file);
    const level = plan.level[file]!;
    const kind = KIND_BY_LEVEL[level]!.draw(prng);
    let advisor = plan.advisor[file]!;
    if (prng.chance(0.08)) advisor = prng.pick(regionAdvisors.get(regionCode(plan.region[file]!))!);
    const opening = prng.pick(SUMMARY_OPENINGS[kind]!);
    yield {
      id: scaleUuid(ctx.seed, TAG.interaction, emitted),
      accompanimentId: fileId,
      advisorId: advisors[advisor]!.id,
      occurredOn: isoDate(day),
      kind,
      mode: modeOf(prng, kind, day),
      durationMinutes: durationOf(prng, kind),
      summary: `${opening} ${prng.pick(SUMMARY_TOPICS)}.${prng.pick(SUMMARY_ENDINGS)}`,
      createdAt: timestampOn(day, day === ctx.today ? prng.int(0, 30) : prng.int(480, 1050)),
    };
    emitted++;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Recruitment needs

export const NEED_CHANNELS = Object.values(RecruitmentChannel);
const CHANNEL_ODDS = [0.7, 0.25, 0.4, 0.3];
const INTERNATIONAL = 1 << 2;

export interface NeedRow {
  id: string;
  companyId: string;
  accompanimentId: string | null;
  nocCode: string;
  title: string;
  positions: number;
  positionsFilled: number;
  workRegionCode: string;
  employmentType: EmploymentType;
  hourlyWage: string | null;
  frenchLevel: FrenchLevel;
  channels: RecruitmentChannel[];
  status: NeedStatus;
  openedOn: string;
  closedOn: string | null;
  createdAt: string;
}

/** What the events need of each need. */
export interface NeedFacts {
  company: Int32Array;
  opened: Int32Array;
  /** -1 while open. */
  closed: Int32Array;
  channels: Uint8Array;
}

const OCCUPATION_CHOOSER = new Weighted(OCCUPATIONS.map((o, i) => [i, o[2]] as const));
const EMPLOYMENT_CHOOSER = new Weighted([[EmploymentType.PERMANENT, 70], [EmploymentType.TEMPORARY, 15], [EmploymentType.SEASONAL, 15]] as const);
const FRENCH_CHOOSER = new Weighted([
  [FrenchLevel.NOT_REQUIRED, 25], [FrenchLevel.BEGINNER, 30], [FrenchLevel.INTERMEDIATE, 35], [FrenchLevel.ADVANCED, 10],
] as const);
const WAGE_BY_TEER = [[38, 70], [30, 50], [24, 36], [20, 28], [17, 23], [16, 20]] as const;

function positionsDrawn(prng: Prng): number {
  const r = prng.next();
  if (r < 0.4) return 1;
  if (r < 0.8) return prng.int(2, 5);
  if (r < 0.95) return prng.int(6, 20);
  if (r < 0.995) return prng.int(21, 100);
  return prng.int(101, 1000);
}

/**
 * `count` needs, each born in one of the files (drawn at random, so active companies have more): 70 % are attached
 * to that file. Work region: the company's region 88 % of the time. Positions filled and dates agree with the
 * status, as the CHECK constraints demand.
 */
export function generateNeeds(
  ctx: ScaleContext,
  plan: FilePlan,
  profiles: CompanyProfiles,
  count: number,
): { rows: NeedRow[]; facts: NeedFacts } {
  const prng = new Prng(ctx.seed, 'needs');
  const drafts: (NeedRow & { day: number; closedDay: number; channelBits: number; companyIndex: number })[] = [];
  for (let i = 0; i < count && plan.count > 0; i++) {
    const file = prng.int(0, plan.count - 1);
    const company = plan.company[file]!;
    const opened = plan.opened[file]! + Math.floor(prng.next() * (fileEnd(plan, file, ctx.today) - plan.opened[file]! + 1));
    const occupation = OCCUPATIONS[OCCUPATION_CHOOSER.draw(prng)]!;
    const positions = positionsDrawn(prng);
    const closeAfter = Math.max(1, Math.min(700, Math.round(prng.logNormal(90, 0.8))));
    let status: NeedStatus;
    let filled = 0;
    let closedDay = -1;
    if (opened + closeAfter <= ctx.today) {
      closedDay = opened + closeAfter;
      const r = prng.next();
      if (r < 0.45 || (r < 0.7 && positions < 2)) {
        status = NeedStatus.FILLED;
        filled = positions;
      } else if (r < 0.7) {
        status = NeedStatus.PARTIALLY_FILLED;
        filled = prng.int(1, positions - 1);
      } else status = NeedStatus.CANCELLED;
    } else if (ctx.today - opened < 21 || prng.chance(0.4)) status = NeedStatus.OPEN;
    else {
      status = NeedStatus.IN_PROGRESS;
      filled = prng.int(0, positions - 1);
    }
    let channelBits = 0;
    for (let b = 0; b < NEED_CHANNELS.length; b++) if (prng.chance(CHANNEL_ODDS[b]!)) channelBits |= 1 << b;
    if (channelBits === 0) channelBits = 1;
    const teer = Number(occupation[0][1]);
    const [low, high] = WAGE_BY_TEER[teer]!;
    const home = profiles.region[company]!;
    const workRegion = prng.chance(0.88) ? home : plan.region[file] !== home ? plan.region[file]! : REGION_CHOOSER.draw(prng);
    drafts.push({
      id: '',
      companyId: scaleUuid(ctx.seed, TAG.company, company),
      accompanimentId: prng.chance(0.7) ? scaleUuid(ctx.seed, TAG.file, file) : null,
      nocCode: occupation[0],
      title: occupation[1],
      positions,
      positionsFilled: filled,
      workRegionCode: regionCode(workRegion),
      employmentType: EMPLOYMENT_CHOOSER.draw(prng),
      hourlyWage: prng.chance(0.1) ? null : (low + prng.next() * (high - low)).toFixed(2),
      frenchLevel: FRENCH_CHOOSER.draw(prng),
      channels: NEED_CHANNELS.filter((_, b) => channelBits & (1 << b)),
      status,
      openedOn: isoDate(opened),
      closedOn: closedDay >= 0 ? isoDate(closedDay) : null,
      createdAt: timestampOn(opened, prng.int(480, 1020)),
      day: opened,
      closedDay,
      channelBits,
      companyIndex: company,
    });
  }
  drafts.sort((a, b) => a.day - b.day);
  const facts: NeedFacts = {
    company: new Int32Array(drafts.length),
    opened: new Int32Array(drafts.length),
    closed: new Int32Array(drafts.length),
    channels: new Uint8Array(drafts.length),
  };
  const rows = drafts.map(({ day, closedDay, channelBits, companyIndex, ...row }, i) => {
    facts.company[i] = companyIndex;
    facts.opened[i] = day;
    facts.closed[i] = closedDay;
    facts.channels[i] = channelBits;
    return { ...row, id: scaleUuid(ctx.seed, TAG.need, i) };
  });
  return { rows, facts };
}

// ---------------------------------------------------------------------------------------------------------------
// Journées Québec events, participations and the needs they bring

export interface EventRow {
  id: string;
  name: string;
  city: string;
  country: string;
  mode: EventMode;
  startsOn: string;
  endsOn: string;
  registrationDeadline: string;
  status: EventStatus;
  createdAt: string;
  /** Day numbers, for the participations. */
  starts: number;
  ends: number;
  deadline: number;
}

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** Months in which events start, each year. */
const EVENT_MONTHS = [2, 4, 6, 9, 11];

/**
 * About five events a year since the deployment, up to eight months ahead. In-person events planned during the
 * first months of the pandemic were cancelled, and events went virtual until the fall of 2021. Statuses agree with
 * the dates: HELD once over, REGISTRATION_OPEN from 75 days before the deadline, PLANNED before.
 */
export function generateEvents(ctx: ScaleContext): EventRow[] {
  const prng = new Prng(ctx.seed, 'events');
  const rows: EventRow[] = [];
  const lastYear = yearOf(ctx.today) + 1;
  const cancelFrom = dayNumber('2020-03-10');
  const cancelTo = dayNumber('2020-07-01');
  for (let year = yearOf(DEPLOYMENT_DAY); year <= lastYear; year++) {
    for (const month of EVENT_MONTHS) {
      const starts = dayNumber(`${year}-${String(month + 1).padStart(2, '0')}-01`) + prng.int(2, 24);
      if (starts < DEPLOYMENT_DAY + 60 || starts > ctx.today + 240) continue;
      const [city, country] = prng.pick(EVENT_PLACES);
      let mode: EventRow['mode'];
      if (starts >= cancelTo && starts < COVID_TO) mode = EventMode.VIRTUAL;
      else if (starts < cancelFrom || starts < cancelTo) mode = EventMode.IN_PERSON;
      else mode = new Weighted([[EventMode.IN_PERSON, 60], [EventMode.VIRTUAL, 25], [EventMode.HYBRID, 15]] as const).draw(prng);
      const ends = starts + (mode === EventMode.VIRTUAL ? prng.int(1, 4) : prng.int(0, 2));
      const deadline = starts - prng.int(20, 45);
      let status: EventRow['status'];
      if ((starts >= cancelFrom && starts < cancelTo && mode === EventMode.IN_PERSON) || prng.chance(0.03)) status = EventStatus.CANCELLED;
      else if (ends < ctx.today) status = EventStatus.HELD;
      else if (ctx.today >= deadline - 75) status = EventStatus.REGISTRATION_OPEN;
      else status = EventStatus.PLANNED;
      const name =
        mode === EventMode.VIRTUAL
          ? `Journées Québec virtuelles — ${country}, ${MONTHS_FR[month]} ${year}`
          : `Journées Québec ${city} ${year}`;
      rows.push({
        id: scaleUuid(ctx.seed, TAG.event, rows.length),
        name,
        city,
        country,
        mode,
        startsOn: isoDate(starts),
        endsOn: isoDate(ends),
        registrationDeadline: isoDate(deadline),
        status,
        createdAt: timestampOn(Math.min(ctx.today, deadline - 120), prng.int(480, 1020)),
        starts,
        ends,
        deadline,
      });
    }
  }
  return rows;
}

export interface ParticipationRow {
  id: string;
  eventId: string;
  companyId: string;
  advisorId: string;
  status: ParticipationStatus;
  registeredOn: string;
  candidatesMet: number | null;
  interviewsHeld: number | null;
  offersMade: number | null;
  hires: number | null;
  createdAt: string;
  /** Recruitment needs (their ids) the company brings to the event. */
  needIds: string[];
}

/**
 * About `count` participations over the events whose registrations have opened (not the cancelled or planned
 * ones): companies with an international-recruitment need active at registration first, then any company with a
 * need. One participation per event and company. Outcomes only on ATTENDED ones, with
 * hires ≤ offers ≤ interviews ≤ candidates.
 */
export function generateParticipations(
  ctx: ScaleContext,
  events: readonly EventRow[],
  needs: { rows: readonly NeedRow[]; facts: NeedFacts },
  profiles: CompanyProfiles,
  advisors: readonly AdvisorRow[],
  regionAdvisors: ReadonlyMap<string, readonly number[]>,
  count: number,
): ParticipationRow[] {
  const prng = new Prng(ctx.seed, 'participations');
  const eligible = events.filter((e) => e.status === EventStatus.HELD || e.status === EventStatus.REGISTRATION_OPEN);
  const { facts } = needs;
  if (eligible.length === 0 || facts.company.length === 0 || count <= 0) return [];
  const quotas = allocate(count, Float64Array.from(eligible, (e) => (e.mode === EventMode.IN_PERSON ? 1 : 1.4)), prng);
  const rows: ParticipationRow[] = [];
  const needsOfCompany = new Map<number, number[]>();
  for (let n = 0; n < facts.company.length; n++) {
    const list = needsOfCompany.get(facts.company[n]!);
    if (list) list.push(n);
    else needsOfCompany.set(facts.company[n]!, [n]);
  }
  /** A need open at some point of the event's registration window (90 days before the deadline). */
  const activeAt = (n: number, event: EventRow) =>
    facts.opened[n]! <= event.deadline && (facts.closed[n]! < 0 || facts.closed[n]! >= event.deadline - 90);
  eligible.forEach((event, e) => {
    const international: number[] = [];
    const others: number[] = [];
    for (let n = 0; n < facts.company.length; n++) {
      if (activeAt(n, event)) (facts.channels[n]! & INTERNATIONAL ? international : others).push(n);
    }
    const taken = new Set<number>();
    const pool = [international, others];
    let quota = quotas[e]!;
    for (const candidates of pool) {
      // A partial shuffle: the first `quota` candidates in random order.
      for (let k = 0; k < candidates.length && quota > 0; k++) {
        const j = k + Math.floor(prng.next() * (candidates.length - k));
        [candidates[k], candidates[j]] = [candidates[j]!, candidates[k]!];
        const need = candidates[k]!;
        const company = facts.company[need]!;
        if (taken.has(company)) continue;
        taken.add(company);
        quota--;
        const linked = [needs.rows[need]!.id];
        if (prng.chance(0.3)) {
          const sibling = (needsOfCompany.get(company) ?? []).find((other) => other !== need && activeAt(other, event));
          if (sibling !== undefined) linked.push(needs.rows[sibling]!.id);
        }
        const registered = Math.min(ctx.today, event.deadline, Math.max(facts.opened[need]!, event.deadline - prng.int(3, 75)));
        let status: ParticipationRow['status'];
        if (event.status === EventStatus.HELD) status = prng.chance(0.86) ? ParticipationStatus.ATTENDED : ParticipationStatus.WITHDRAWN;
        else {
          status = new Weighted([
            [ParticipationStatus.REGISTERED, 50], [ParticipationStatus.CONFIRMED, 40], [ParticipationStatus.WITHDRAWN, 10],
          ] as const).draw(prng);
        }
        let outcome: [number, number, number, number] | null = null;
        if (status === ParticipationStatus.ATTENDED && prng.chance(0.9)) {
          const candidatesMet = prng.int(3, 80);
          const interviews = Math.round(candidatesMet * (0.3 + 0.5 * prng.next()));
          const offers = Math.round(interviews * (0.1 + 0.5 * prng.next()));
          const hires = Math.round(offers * (0.5 + 0.5 * prng.next()));
          outcome = [candidatesMet, interviews, offers, hires];
        }
        const advisorsThere = regionAdvisors.get(regionCode(profiles.region[company]!))!;
        rows.push({
          id: scaleUuid(ctx.seed, TAG.participation, rows.length),
          eventId: event.id,
          companyId: scaleUuid(ctx.seed, TAG.company, company),
          advisorId: advisors[prng.pick(advisorsThere)]!.id,
          status,
          registeredOn: isoDate(registered),
          candidatesMet: outcome?.[0] ?? null,
          interviewsHeld: outcome?.[1] ?? null,
          offersMade: outcome?.[2] ?? null,
          hires: outcome?.[3] ?? null,
          createdAt: timestampOn(registered, prng.int(480, 1020)),
          needIds: linked,
        });
      }
    }
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Portail employeurs referrals

export interface ReferralRow {
  id: string;
  companyId: string;
  accompanimentId: string | null;
  advisorId: string;
  step: Step;
  referredOn: string;
  accountCreatedOn: string | null;
  offerPostedOn: string | null;
  candidatesReceivedOn: string | null;
  hiredOn: string | null;
  endedOn: string | null;
  stepChangedOn: string;
  createdAt: string;
}

const FUNNEL = [Step.REFERRED, Step.ACCOUNT_CREATED, Step.OFFER_POSTED, Step.CANDIDATES_RECEIVED, Step.HIRED];
const ADVANCE_ODDS = [0.75, 0.7, 0.7, 0.55];

/**
 * Up to `count` referrals. Companies are taken in a random order; each gets one referral (sometimes two or three,
 * one after the other): born during one of its files, moving forward through the funnel with non-decreasing dates,
 * ended (HIRED, DECLINED or ABANDONED, with ended_on) before the next one starts, so at most one is open per
 * company. Nothing is dated after today: a step not yet reached stays the current one.
 */
export function generateReferrals(
  ctx: ScaleContext,
  plan: FilePlan,
  profiles: CompanyProfiles,
  advisors: readonly AdvisorRow[],
  regionAdvisors: ReadonlyMap<string, readonly number[]>,
  count: number,
): ReferralRow[] {
  const prng = new Prng(ctx.seed, 'referrals');
  const order = new Int32Array(profiles.count);
  for (let i = 0; i < order.length; i++) order[i] = i;
  const drafts: (ReferralRow & { day: number })[] = [];
  for (let k = 0; k < order.length && drafts.length < count; k++) {
    const j = k + Math.floor(prng.next() * (order.length - k));
    const company = order[j]!;
    order[j] = order[k]!;
    order[k] = company;
    const from = plan.companyStart[company]!;
    const to = plan.companyStart[company + 1]!;
    if (from === to) continue;
    const file = plan.companyFiles[from + prng.int(0, to - from - 1)]!;
    let day = plan.opened[file]! + Math.floor(prng.next() * (fileEnd(plan, file, ctx.today) - plan.opened[file]! + 1));
    const chain = prng.chance(0.05) ? 3 : prng.chance(0.2) ? 2 : 1;
    for (let r = 0; r < chain && drafts.length < count && day <= ctx.today; r++) {
      const mustEnd = r < chain - 1;
      const dates: (number | null)[] = [day, null, null, null, null];
      let rank = 0;
      let current = day;
      let ended: { step: Step; on: number } | null = null;
      while (rank < 4 && prng.chance(ADVANCE_ODDS[rank]!)) {
        const on = current + prng.int(1, 45);
        if (on > ctx.today) break;
        rank++;
        current = on;
        dates[rank] = on;
      }
      if (rank === 4) ended = { step: Step.HIRED, on: current };
      else {
        const on = current + prng.int(1, 90);
        if (on <= ctx.today && (mustEnd || prng.chance(0.85))) ended = { step: prng.chance(0.4) ? Step.DECLINED : Step.ABANDONED, on };
      }
      // A referral made during one of the company's files (other than the first one drawn) is attached to it.
      let attached = -1;
      for (let f = from; f < to; f++) {
        const candidate = plan.companyFiles[f]!;
        if (plan.opened[candidate]! <= day && fileEnd(plan, candidate, ctx.today) >= day) attached = candidate;
      }
      if (attached >= 0 && prng.chance(0.15)) attached = -1;
      const advisorIndex =
        attached >= 0 ? plan.advisor[attached]! : prng.pick(regionAdvisors.get(regionCode(profiles.region[company]!))!);
      const date = (d: number | null) => (d === null ? null : isoDate(d));
      drafts.push({
        id: '',
        companyId: scaleUuid(ctx.seed, TAG.company, company),
        accompanimentId: attached >= 0 ? scaleUuid(ctx.seed, TAG.file, attached) : null,
        advisorId: advisors[advisorIndex]!.id,
        step: ended ? ended.step : FUNNEL[rank]!,
        referredOn: isoDate(day),
        accountCreatedOn: date(dates[1]!),
        offerPostedOn: date(dates[2]!),
        candidatesReceivedOn: date(dates[3]!),
        hiredOn: date(dates[4]!),
        endedOn: ended ? isoDate(ended.on) : null,
        stepChangedOn: isoDate(ended ? ended.on : current),
        createdAt: timestampOn(day, prng.int(480, 1020)),
        day,
      });
      if (!ended) break;
      day = ended.on + prng.int(30, 400);
    }
  }
  drafts.sort((a, b) => a.day - b.day);
  return drafts.map(({ day: _day, ...row }, i) => ({ ...row, id: scaleUuid(ctx.seed, TAG.referral, i) }));
}
