import { addDays, todayInQuebec } from '../src/common/calendar.js';
import {
  addRecruitmentNeed,
  advancePortailReferral,
  createAdvisor,
  createCompany,
  createJourneesQuebecEvent,
  logInteraction,
  openFile,
  referToPortail,
  registerCompanyForEvent,
} from './support/factories.js';
import { UpdateAdvisorDocument } from '../operations/generated.js';
import { CompiledAndResolvers } from './support/compiled-and-resolvers.js';
import { dataOf, TEST_ADMIN_EMAIL, type TestApp } from './support/test-app.js';

/**
 * The other list roots compiled into their page's statement (recruitment needs, Portail referrals, Journées Québec
 * events with their participations, advisors): the same service on the same database with COMPILED_LISTS=false is
 * the reference, for callers of different scopes. See compiled-lists.e2e-spec.ts for companies and files.
 */
const NEEDS = `query Needs($first: Int!, $after: String) {
  recruitmentNeeds(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { ...need
      wage: hourlyWage
      company { legalName regionCode region { name }
        needs: recruitmentNeeds { id title workRegionCode hourlyWage }
        portailReferrals { id step referredOn }
        eventParticipations { status positionsOffered event { name startsOn } }
      }
      accompaniment { id status region { code } interactionCount }
      workRegion { code name direction { code } }
    } }
  }
}
fragment need on RecruitmentNeed { __typename id nocCode nocBroadCategory teer title positions positionsFilled workRegionCode
  employmentType hourlyWage frenchLevel channels status openedOn closedOn createdAt updatedAt version }`;

const REFERRALS = `query Referrals($first: Int!, $regions: [String!], $after: String) {
  portailReferrals(first: $first, after: $after, filter: { regionCodes: $regions }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id step referredOn accountCreatedOn offerPostedOn candidatesReceivedOn hiredOn endedOn stepChangedOn
      company { legalName referrals: portailReferrals { id referredOn step } needs: recruitmentNeeds { title wage: hourlyWage } }
      file: accompaniment { id openedOn advisor { fullName } interactionCount latest: interactions(first: 1) { occurredOn } }
      by: advisor { fullName role regions { code } }
    } }
  }
}`;

const EVENTS = `query Events($first: Int!, $country: String, $after: String) {
  journeesQuebecEvents(first: $first, after: $after, filter: { country: $country }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      ... on JourneesQuebecEvent { id name city country mode startsOn endsOn registrationDeadline status createdAt }
      participations { id status registeredOn candidatesMet interviewsHeld offersMade hires offered: positionsOffered
        event { name status }
        company { legalName region { code } eventParticipations { status event { name } } }
        advisor { fullName }
        recruitmentNeeds { nocCode title positions hourlyWage workRegion { name } }
      }
    } }
  }
}`;

const ADVISORS = `query Advisors($first: Int!, $after: String, $region: String) {
  advisors(first: $first, after: $after, filter: { regionCode: $region }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id email name: fullName role active createdAt
      regions { code name } direction { code name regions { code } } servicePoint { name region { code } }
    } }
  }
}`;

const WORKLIST = `query Worklist($n: Int) {
  myWorklist { ...item
    company { legalName region { code } needs: recruitmentNeeds { title } }
    file: accompaniment { id status advisor { fullName } interactions(first: $n) { occurredOn } }
    recruitmentNeed { title hourlyWage workRegion { code } company { legalName } }
    portailReferral { step stepChangedOn advisor { fullName } }
    event { name registrationDeadline participations { status company { legalName } } }
  }
}
fragment item on WorklistItem { __typename reason label since days: ageDays ageDays companyId accompanimentId recruitmentNeedId portailReferralId eventId }`;

describe('compiled list selections of the other roots', () => {
  let compiled: TestApp;
  let services: CompiledAndResolvers;
  const both = (...args: Parameters<CompiledAndResolvers['both']>) => services.both(...args);
  let laval: { email: string };
  let laurentides: { email: string };
  let manager: { email: string };
  let montreal: { email: string };
  const country = `Belgique ${Math.random().toString(36).slice(2, 8)}`;
  const today = todayInQuebec();

  beforeAll(async () => {
    services = await CompiledAndResolvers.start();
    ({ compiled } = services);
    laval = await createAdvisor(compiled, { regionCodes: ['13'], fullName: 'Aline Laval' });
    laurentides = await createAdvisor(compiled, { regionCodes: ['15'], fullName: 'Bruno Laurentides' });
    manager = await createAdvisor(compiled, { role: 'MANAGER', directionCode: 'LLL', fullName: 'Carole Gestion' });
    montreal = await createAdvisor(compiled, { regionCodes: ['06'], fullName: 'Denis Montréal' });
    const events = [
      await createJourneesQuebecEvent(compiled, { country, name: `Journées Québec Bruxelles`, startsOn: addDays(today, 40), endsOn: addDays(today, 41) }),
      await createJourneesQuebecEvent(compiled, { country, name: `Journées Québec Liège`, startsOn: addDays(today, 30), endsOn: addDays(today, 30) }),
    ];
    // Its registration closes within the worklist's 14 days, and no company registers.
    await createJourneesQuebecEvent(compiled, {
      country,
      name: `Journées Québec Namur`,
      startsOn: addDays(today, 15),
      endsOn: addDays(today, 15),
      registrationDeadline: addDays(today, 10),
    });
    // Laval, the Laurentides, and Montréal (outside the LLL direction), each company with a file, needs (one of
    // them for work in another region), a Portail referral and participations.
    for (const [i, region, advisor, workElsewhere] of [
      [0, '13', laval.email, '15'],
      [1, '15', laurentides.email, '13'],
      [2, '06', montreal.email, '13'],
      [3, '13', laval.email, '13'],
    ] as const) {
      const company = await createCompany(compiled, { regionCode: region, legalName: `Autres listes ${i} inc.`, municipality: 'Laval' });
      const file = await openFile(compiled, advisor, { companyId: company.id, openedOn: '2024-02-01' });
      await logInteraction(compiled, advisor, { accompanimentId: file.id, occurredOn: '2024-02-05' });
      const needs = [
        await addRecruitmentNeed(compiled, advisor, { companyId: company.id, accompanimentId: file.id, openedOn: `2024-0${i + 3}-01`, hourlyWage: 27.5 + i }),
        await addRecruitmentNeed(compiled, TEST_ADMIN_EMAIL, {
          companyId: company.id,
          nocCode: '13110',
          title: 'Adjointe administrative',
          positions: 1 + i,
          workRegionCode: workElsewhere,
          openedOn: `2024-0${i + 3}-20`,
        }),
      ];
      const referral = await referToPortail(compiled, advisor, { companyId: company.id, accompanimentId: file.id, on: `2024-0${i + 3}-15` });
      if (i % 2 === 0) await advancePortailReferral(compiled, advisor, { id: referral.id, step: 'OFFER_POSTED', on: `2024-0${i + 4}-01` });
      await registerCompanyForEvent(compiled, advisor, { eventId: events[0]!.id, companyId: company.id, recruitmentNeedIds: needs.map((need) => need.id) });
      if (i !== 1) await registerCompanyForEvent(compiled, advisor, { eventId: events[1]!.id, companyId: company.id, recruitmentNeedIds: [needs[0]!.id] });
    }
  });
  afterAll(() => services?.close());

  const callers: [string, () => string][] = [
    ['an advisor of Laval', () => laval.email],
    ['an advisor of the Laurentides', () => laurentides.email],
    ['a manager of the direction', () => manager.email],
    ['the administrator', () => TEST_ADMIN_EMAIL],
  ];

  /** Pages through `root` with both services: equal answers, fewer statements compiled; the number of nodes seen. */
  async function comparePages(query: string, root: string, variables: Record<string, unknown>, as: string, maxStatements: number) {
    let after: string | null = null;
    let nodes = 0;
    for (let page = 0; page < 4; page++) {
      const result = await both(query, { ...variables, after }, as);
      expect(result.compiled.errors).toBeUndefined();
      expect(result.compiled).toEqual(result.resolvers);
      const connection = (result.compiled.data as Record<string, { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>)[root]!;
      nodes += connection.edges.length;
      // authentication, the page with every node's selection, the total.
      expect(result.statements[0]).toBeLessThanOrEqual(maxStatements);
      if (connection.edges.length > 0) expect(result.statements[1]).toBeGreaterThan(result.statements[0]);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    return nodes;
  }

  it.each(callers)('answers recruitment needs as the resolvers do, for %s', async (_who, as) => {
    const seen = await comparePages(NEEDS, 'recruitmentNeeds', { first: 3 }, as(), 3);
    expect(seen).toBeGreaterThan(0);
  });

  it.each(callers)('answers Portail referrals as the resolvers do, for %s', async (_who, as) => {
    const seen = await comparePages(REFERRALS, 'portailReferrals', { first: 2, regions: ['13', '15', '06'] }, as(), 3);
    expect(seen).toBeGreaterThan(0);
  });

  it.each(callers)('answers Journées Québec events and their participations as the resolvers do, for %s', async (_who, as) => {
    expect(await comparePages(EVENTS, 'journeesQuebecEvents', { first: 1, country }, as(), 3)).toBe(3);
  });

  it.each(callers)('answers advisors as the resolvers do, for %s', async (_who, as) => {
    await comparePages(ADVISORS, 'advisors', { first: 3 }, as(), 3);
    await comparePages(ADVISORS, 'advisors', { first: 5, region: '13' }, as(), 3);
  });

  it.each([...callers, ['an advisor of Montréal', () => montreal.email] as [string, () => string]])(
    'answers the worklist as the resolvers do, in the same order, for %s',
    async (_who, as) => {
      const result = await both(WORKLIST, { n: 1 }, as());
      expect(result.compiled.errors).toBeUndefined();
      expect(result.compiled).toEqual(result.resolvers);
      const items = (result.compiled.data as { myWorklist: { reason: string }[] }).myWorklist;
      if (as() === laval.email) {
        // Two idle files, four old needs, two stalled referrals, the close deadline of an event for each of its two companies.
        expect(items.map((item) => item.reason).sort()).toEqual([
          'EVENT_DEADLINE_APPROACHING',
          'EVENT_DEADLINE_APPROACHING',
          'FILE_WITHOUT_RECENT_INTERACTION',
          'FILE_WITHOUT_RECENT_INTERACTION',
          'NEED_OPEN_TOO_LONG',
          'NEED_OPEN_TOO_LONG',
          'NEED_OPEN_TOO_LONG',
          'NEED_OPEN_TOO_LONG',
          'REFERRAL_STALLED',
          'REFERRAL_STALLED',
        ]);
      }
      if (items.length > 0) {
        // authentication, the worklist's statement with every item's selection.
        expect(result.statements[0]).toBeLessThanOrEqual(2);
        expect(result.statements[1]).toBeGreaterThan(result.statements[0]);
      }
    },
  );

  it('keeps region scope on the compiled path: needs by work region, files, referrals and participations of other regions hidden', async () => {
    const result = await both(NEEDS, { first: 50, after: null }, laval.email);
    expect(result.compiled).toEqual(result.resolvers);
    type Need = {
      title: string;
      workRegionCode: string;
      company: { legalName: string; regionCode: string; needs: unknown[]; portailReferrals: unknown[]; eventParticipations: unknown[] };
      accompaniment: { id: string } | null;
    };
    const needs = (result.compiled.data as { recruitmentNeeds: { edges: { node: Need }[] } }).recruitmentNeeds.edges.map((edge) => edge.node);
    // Laval's two companies (four needs), and the Laurentides' and Montréal's needs for work in Laval.
    expect(needs).toHaveLength(6);
    const montreal = needs.find((need) => need.company.regionCode === '06')!;
    expect(montreal).toMatchObject({ workRegionCode: '13', accompaniment: null });
    expect(montreal.company.portailReferrals).toEqual([]);
    expect(montreal.company.eventParticipations).toEqual([]);
    // Of the Montréal company's needs, the one for work in Laval only.
    expect(montreal.company.needs).toHaveLength(1);
  });

  it('falls back to the resolvers for a selection it does not compile, with the same answer', async () => {
    // An event's summary is not an entity's rows (no declared SQL): the whole list goes through the resolvers.
    const query = `query ($country: String) { journeesQuebecEvents(filter: { country: $country }) {
      edges { node { name summary { hires byRegion { region { name } positionsOffered } } participations { status } } } } }`;
    const result = await both(query, { country }, manager.email);
    expect(result.compiled.errors).toBeUndefined();
    expect(result.compiled).toEqual(result.resolvers);
    expect(result.statements[0]).toBe(result.statements[1]);
  });

  it("keeps region scope on the compiled worklist: an item's file and needs outside the advisor's regions stay hidden", async () => {
    // An advisor's own idle file in Laval stays on their worklist after they move to the Laurentides, but the file and
    // the company's needs are no longer theirs to see.
    const mover = await createAdvisor(compiled, { regionCodes: ['13'] });
    const company = await createCompany(compiled, { regionCode: '13' });
    await openFile(compiled, mover.email, { companyId: company.id, openedOn: '2024-01-10' });
    await addRecruitmentNeed(compiled, mover.email, { companyId: company.id });
    dataOf(await compiled.request(UpdateAdvisorDocument, { input: { id: mover.id, version: mover.version, regionCodes: ['15'] } }));
    const result = await both(WORKLIST, { n: 1 }, mover.email);
    expect(result.compiled.errors).toBeUndefined();
    expect(result.compiled).toEqual(result.resolvers);
    const items = (result.compiled.data as { myWorklist: { reason: string; file: unknown; company: { needs: unknown[] } }[] }).myWorklist;
    // (An event of this spec whose registration closes soon may list the company too: its needs are hidden there as well.)
    expect(items.filter((item) => item.reason === 'FILE_WITHOUT_RECENT_INTERACTION')).toEqual([
      expect.objectContaining({ file: null, company: expect.objectContaining({ needs: [] }) }),
    ]);
    for (const item of items) expect(item.company.needs).toEqual([]);
  });
});
