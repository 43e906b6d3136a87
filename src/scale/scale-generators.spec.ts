import { companyNameKey } from '../companies/company-name.js';
import { arrayLiteral, copyLine } from './copy-text.js';
import { Prng, scaleUuid } from './prng.js';
import { dayNumber, isoDate } from './scale-dates.js';
import {
  advisorsByRegion,
  companyProfiles,
  companyRows,
  DEPLOYMENT_DAY,
  fileEnd,
  fileRows,
  generateAdvisors,
  generateEvents,
  generateNeeds,
  generateParticipations,
  generateReferrals,
  interactionRows,
  neqFor,
  planFiles,
  REGION_CODES,
  type ScaleContext,
} from './scale-generators.js';

const DIRECTIONS: Record<string, string> = {
  '06': 'MTL', '13': 'LLL', '14': 'LLL', '15': 'LLL', '04': 'MCQ', '17': 'MCQ', '07': 'OAN', '08': 'OAN', '10': 'OAN',
  '16': 'MON', '01': 'BGI', '11': 'BGI', '03': 'CNE', '09': 'CNE', '12': 'CNE', '05': 'EST', '02': 'SLS',
};
const REGIONS = REGION_CODES.map((code) => ({ code, directionCode: DIRECTIONS[code]! }));
const CTX: ScaleContext = { seed: 42, today: dayNumber('2025-11-15') };

function world(ctx: ScaleContext, companies: number, files: number) {
  const advisors = generateAdvisors(ctx, REGIONS, new Map([['13', ['sp-laval']]]));
  const regionAdvisors = advisorsByRegion(advisors);
  const profiles = companyProfiles(ctx, companies);
  const plan = planFiles(ctx, profiles, files, regionAdvisors);
  return { advisors, regionAdvisors, profiles, plan };
}

const take = <T>(rows: Iterable<T>, n: number): T[] => {
  const out: T[] = [];
  for (const row of rows) {
    if (out.length === n) break;
    out.push(row);
  }
  return out;
};

describe('Prng', () => {
  it('gives the same sequence for the same seed and stream, another for another', () => {
    const a = new Prng(7, 'x');
    const b = new Prng(7, 'x');
    const c = new Prng(8, 'x');
    const seqA = Array.from({ length: 5 }, () => a.next32());
    expect(Array.from({ length: 5 }, () => b.next32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next32())).not.toEqual(seqA);
    expect(new Prng(7, 'y').next32()).not.toBe(seqA[0]);
  });

  it('draws integers within bounds', () => {
    const prng = new Prng(1);
    for (let i = 0; i < 10_000; i++) {
      const v = prng.int(3, 9);
      expect(v >= 3 && v <= 9 && Number.isInteger(v)).toBe(true);
    }
  });

  it('makes distinct UUID-shaped ids', () => {
    const ids = new Set(Array.from({ length: 20_000 }, (_, i) => scaleUuid(5, 3, i)));
    expect(ids.size).toBe(20_000);
    for (const id of [...ids].slice(0, 50)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(scaleUuid(5, 3, 0)).not.toBe(scaleUuid(5, 4, 0));
  });
});

describe('companies', () => {
  it('are the same for the same seed: first rows identical, another seed differs', () => {
    const first = (seed: number) => {
      const ctx = { ...CTX, seed };
      const { profiles, plan } = world(ctx, 200, 1000);
      return take(companyRows(ctx, profiles, plan.firstOpened), 20);
    };
    expect(first(42)).toEqual(first(42));
    expect(first(43).map((c) => c.legalName)).not.toEqual(first(42).map((c) => c.legalName));
  });

  it('have unique 10-digit NEQs, valid postal codes, the name key of companyNameKey, and known regions', () => {
    const { profiles, plan } = world(CTX, 5000, 20_000);
    const rows = [...companyRows(CTX, profiles, plan.firstOpened)];
    const neqs = rows.map((r) => r.neq).filter((n): n is string => n !== null);
    expect(new Set(neqs).size).toBe(neqs.length);
    expect(neqs.length).toBeGreaterThan(4000);
    for (const r of rows) {
      if (r.neq !== null) expect(r.neq).toMatch(/^[0-9]{10}$/);
      expect(r.postalCode).toMatch(/^[ABCEGHJ-NPRSTVXY][0-9][A-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]$/);
      expect(r.nameKey).toBe(companyNameKey(r.legalName));
      expect(REGION_CODES).toContain(r.regionCode);
      expect(r.naicsCode).toMatch(/^[0-9]{2,6}$/);
    }
    // Montréal first; Centre-du-Québec > Laval > Abitibi-Témiscamingue as in the seeds (92, 54, 44).
    const byRegion = (code: string) => rows.filter((r) => r.regionCode === code).length;
    expect(Math.max(...REGION_CODES.map(byRegion))).toBe(byRegion('06'));
    expect(byRegion('17')).toBeGreaterThan(byRegion('13'));
    expect(byRegion('13')).toBeGreaterThan(byRegion('08'));
    expect(byRegion('10')).toBeLessThan(byRegion('08'));
  });

  it('NEQs of different indexes never collide', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) seen.add(neqFor(99, i));
    expect(seen.size).toBe(200_000);
  });
});

describe('the file-lifetime model', () => {
  const { advisors, regionAdvisors, profiles, plan } = world(CTX, 300, 2000);
  const files = [...fileRows(CTX, plan, advisors)];
  const today = isoDate(CTX.today);

  it('plans exactly the files asked, sorted by opening day, since the deployment and never after today', () => {
    expect(files).toHaveLength(2000);
    for (let i = 1; i < files.length; i++) expect(files[i]!.openedOn >= files[i - 1]!.openedOn).toBe(true);
    expect(files[0]!.openedOn >= isoDate(DEPLOYMENT_DAY)).toBe(true);
    for (const f of files) {
      expect(f.openedOn <= today).toBe(true);
      if (f.closedOn) expect(f.closedOn <= today).toBe(true);
    }
  });

  it('respects the rules of the accompaniments table', () => {
    const active = new Set<string>();
    for (const f of files) {
      expect(f.status === 'CLOSED').toBe(f.closedOn !== null);
      if (f.closedOn) expect(f.closedOn >= f.openedOn).toBe(true);
      if (f.outcome !== null) expect(f.status).toBe('CLOSED');
      expect(f.statusChangedOn >= f.openedOn && f.statusChangedOn <= today).toBe(true);
      if (f.status === 'CLOSED') expect(f.statusChangedOn).toBe(f.closedOn);
      expect(f.themes.length).toBeGreaterThan(0);
      // The advisor holds the file's region.
      const advisor = advisors.find((a) => a.id === f.advisorId)!;
      expect(advisor.regionCodes).toContain(f.regionCode);
      if (f.status !== 'CLOSED') {
        const key = `${f.companyId}/${f.regionCode}`;
        expect(active.has(key)).toBe(false); // at most one OPEN or ON_HOLD file per company and region
        active.add(key);
      }
    }
    expect(active.size).toBeGreaterThan(0);
    expect(files.some((f) => f.status === 'ON_HOLD')).toBe(true);
  });

  it('puts most files in the company’s region and some elsewhere, with realistic lifetimes', () => {
    let home = 0;
    const lifetimes: number[] = [];
    for (let i = 0; i < plan.count; i++) {
      if (plan.region[i] === profiles.region[plan.company[i]!]) home++;
      if (plan.closed[i]! >= 0) lifetimes.push(plan.closed[i]! - plan.opened[i]!);
    }
    expect(home / plan.count).toBeGreaterThan(0.8);
    expect(home).toBeLessThan(plan.count);
    lifetimes.sort((a, b) => a - b);
    expect(lifetimes[Math.floor(lifetimes.length / 2)]).toBeGreaterThan(7);
    expect(lifetimes.at(-1)).toBeLessThanOrEqual(550);
  });

  it('dates every interaction inside its file, in date order, mostly by the file’s advisor', () => {
    const byId = new Map(files.map((f) => [f.id, f]));
    const rows = [...interactionRows(CTX, plan, advisors, regionAdvisors, 9000)];
    expect(rows).toHaveLength(9000);
    expect(new Set(rows.map((r) => r.id)).size).toBe(9000);
    let own = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const file = byId.get(r.accompanimentId)!;
      expect(r.occurredOn >= file.openedOn && r.occurredOn <= (file.closedOn ?? today)).toBe(true);
      if (i > 0) expect(r.occurredOn >= rows[i - 1]!.occurredOn).toBe(true);
      expect(r.durationMinutes).toBeGreaterThanOrEqual(1);
      expect(r.durationMinutes).toBeLessThanOrEqual(1440);
      if (r.advisorId === file.advisorId) own++;
    }
    expect(own / rows.length).toBeGreaterThan(0.85);
    expect(new Set(rows.map((r) => r.accompanimentId)).size).toBe(2000); // every file has at least one
  });

  it('is deterministic: same seed, same interactions', () => {
    const first = take(interactionRows(CTX, plan, advisors, regionAdvisors, 9000), 50);
    const again = take(interactionRows(CTX, plan, advisors, regionAdvisors, 9000), 50);
    expect(again).toEqual(first);
  });

  it('makes needs, events, participations and referrals that satisfy the CHECK and unique constraints', () => {
    const needs = generateNeeds(CTX, plan, profiles, 400);
    expect(needs.rows).toHaveLength(400);
    for (const n of needs.rows) {
      expect(n.nocCode).toMatch(/^[0-9][0-5][0-9]{3}$/);
      expect(n.positions >= 1 && n.positions <= 1000).toBe(true);
      expect(n.positionsFilled >= 0 && n.positionsFilled <= n.positions).toBe(true);
      if (n.status === 'FILLED') expect(n.positionsFilled).toBe(n.positions);
      if (n.status === 'PARTIALLY_FILLED') expect(n.positionsFilled).toBeLessThan(n.positions);
      if (n.status === 'OPEN') expect(n.positionsFilled).toBe(0);
      expect(['FILLED', 'PARTIALLY_FILLED', 'CANCELLED'].includes(n.status)).toBe(n.closedOn !== null);
      if (n.closedOn) expect(n.closedOn >= n.openedOn && n.closedOn <= today).toBe(true);
      expect(n.channels.length).toBeGreaterThan(0);
    }

    const events = generateEvents(CTX);
    expect(events.length).toBeGreaterThan(20);
    for (const e of events) {
      expect(e.endsOn >= e.startsOn && e.registrationDeadline <= e.startsOn).toBe(true);
      if (e.status === 'HELD') expect(e.endsOn < today).toBe(true);
      if (e.status === 'PLANNED' || e.status === 'REGISTRATION_OPEN') expect(e.endsOn >= today).toBe(true);
    }

    const participations = generateParticipations(CTX, events, needs, profiles, advisors, advisorsByRegion(advisors), 60);
    expect(participations.length).toBeGreaterThan(0);
    const pairs = new Set(participations.map((p) => `${p.eventId}/${p.companyId}`));
    expect(pairs.size).toBe(participations.length);
    for (const p of participations) {
      if (p.status !== 'ATTENDED') expect(p.candidatesMet).toBeNull();
      if (p.candidatesMet !== null) {
        expect(p.hires! <= p.offersMade! && p.offersMade! <= p.interviewsHeld! && p.interviewsHeld! <= p.candidatesMet).toBe(true);
      }
      expect(p.registeredOn <= today).toBe(true);
      expect(p.needIds.length).toBeGreaterThan(0);
    }

    const referrals = generateReferrals(CTX, plan, profiles, advisors, regionAdvisors, 120);
    expect(referrals.length).toBeGreaterThan(60);
    const open = new Set<string>();
    for (const r of referrals) {
      const steps = [r.referredOn, r.accountCreatedOn, r.offerPostedOn, r.candidatesReceivedOn, r.hiredOn].filter((d) => d !== null);
      expect([...steps].sort()).toEqual(steps);
      const ended = ['HIRED', 'DECLINED', 'ABANDONED'].includes(r.step);
      expect(r.endedOn !== null).toBe(ended);
      if (r.endedOn) expect(r.endedOn >= r.referredOn).toBe(true);
      expect(r.stepChangedOn <= today).toBe(true);
      if (!ended) {
        expect(open.has(r.companyId)).toBe(false);
        open.add(r.companyId);
      }
    }
  });

  it('ends each company file’s interval before today', () => {
    for (let i = 0; i < plan.count; i++) expect(fileEnd(plan, i, CTX.today)).toBeLessThanOrEqual(CTX.today);
  });
});

describe('COPY text', () => {
  it('escapes specials, writes nulls and array literals', () => {
    expect(copyLine(['a\tb', null, 3, 'c\\d\n'])).toBe('a\\tb\t\\N\t3\tc\\\\d\\n\n');
    expect(arrayLiteral(['RECRUITMENT', 'Les "Pins", inc.'])).toBe('{"RECRUITMENT","Les \\"Pins\\", inc."}');
  });
});
