import {
  JourneesQuebecAttendDocument as ATTEND,
  JourneesQuebecConfirmDocument as CONFIRM,
  JourneesQuebecCreateEventDocument as CREATE_EVENT,
  JourneesQuebecEventByIdDocument as EVENT_BY_ID,
  JourneesQuebecEventsPageDocument as EVENTS,
  JourneesQuebecJourneesQuebecEventDocument,
  JourneesQuebecOutcomeDocument as OUTCOME,
  JourneesQuebecRegisterDocument as REGISTER,
  JourneesQuebecSummaryDocument as SUMMARY,
  JourneesQuebecUpdateEventDocument as UPDATE_EVENT,
  JourneesQuebecWithdrawDocument as WITHDRAW,
  type TypedDocumentString,
} from '../operations/generated.js';
import { addDays, todayInQuebec } from '../src/common/calendar.js';
import {
  addRecruitmentNeed,
  createAdvisor,
  createCompany,
  createJourneesQuebecEvent,
  registerCompanyForEvent,
  type AdvisorFixture,
  type CompanyFixture,
  type JourneesQuebecEventFixture,
} from './support/factories.js';
import { dataOf, TEST_ADMIN_EMAIL, TestApp } from './support/test-app.js';
import { expectRefusal } from './support/expectations.js';

describe('Journées Québec', () => {
  let app: TestApp;
  let laval: AdvisorFixture; // ADVISOR, region 13
  let montreal: AdvisorFixture; // ADVISOR, region 06
  let lllManager: AdvisorFixture; // MANAGER, direction LLL (13, 14, 15)
  let mtlManager: AdvisorFixture; // MANAGER, direction MTL (06)
  let analyst: AdvisorFixture;
  const today = todayInQuebec();

  beforeAll(async () => {
    app = await TestApp.start();
    laval = await createAdvisor(app, { regionCodes: ['13'] });
    montreal = await createAdvisor(app, { regionCodes: ['06'] });
    lllManager = await createAdvisor(app, { role: 'MANAGER', directionCode: 'LLL' });
    mtlManager = await createAdvisor(app, { role: 'MANAGER', directionCode: 'MTL' });
    analyst = await createAdvisor(app, { role: 'ANALYST' });
  });
  afterAll(() => app.close());

  const counts = () =>
    app.counts({
      events: 'journees_quebec_events',
      participations: 'event_participations',
      needLinks: 'event_participation_needs',
      audit: 'audit_log',
    });
  const call = <R>(mutation: TypedDocumentString<R, never>, variables: Record<string, unknown>, as?: string, headers?: Record<string, string>) =>
    app.request(mutation, variables as never, { as, headers });
  const auditOf = (entityType: string, id: string) =>
    app.sql(
      `SELECT l.action, l.before, l.after, a.email AS actor
         FROM audit_log l LEFT JOIN advisors a ON a.id = l.actor_id
        WHERE l.entity_type = $1 AND l.entity_id = $2 ORDER BY l.id`,
      [entityType, id],
    );
  const participationRow = async (id: string) =>
    (
      await app.sql(
        `SELECT status, version, candidates_met, interviews_held, offers_made, hires FROM event_participations WHERE id = $1`,
        [id],
      )
    )[0];
  /** Registration open today and the event already started: companies can register and attend the same day. */
  const eventStartingToday = (input: Record<string, unknown> = {}) =>
    createJourneesQuebecEvent(app, { startsOn: today, endsOn: addDays(today, 2), registrationDeadline: today, ...input });
  const eventValues = (overrides: Record<string, unknown> = {}) => ({
    name: 'Journées Québec Paris',
    city: 'Paris',
    country: 'France',
    mode: 'IN_PERSON',
    startsOn: addDays(today, 60),
    endsOn: addDays(today, 62),
    registrationDeadline: addDays(today, 45),
    ...overrides,
  });

  describe('events', () => {
    it('lets an ADMIN create an event, PLANNED by default, and audits `create`', async () => {
      const before = await counts();
      const event = dataOf(await call(CREATE_EVENT, { input: eventValues() })).createJourneesQuebecEvent;
      expect(event).toEqual({ id: expect.any(String), ...eventValues(), status: 'PLANNED', version: 1 });
      expect(await counts()).toEqual({ ...before, events: before.events + 1, audit: before.audit + 1 });
      expect(await auditOf('JourneesQuebecEvent', event.id)).toEqual([
        {
          action: 'create',
          actor: TEST_ADMIN_EMAIL,
          before: null,
          after: expect.objectContaining({ id: event.id, status: 'PLANNED', startsOn: eventValues().startsOn, version: 1 }),
        },
      ]);
    });

    it('lets a MANAGER create an event open for registration right away', async () => {
      const input = eventValues({ name: 'Journées Québec virtuelles — Maghreb', mode: 'VIRTUAL', status: 'REGISTRATION_OPEN' });
      const event = dataOf(await call(CREATE_EVENT, { input }, lllManager.email)).createJourneesQuebecEvent;
      expect(event).toMatchObject({ status: 'REGISTRATION_OPEN', mode: 'VIRTUAL', version: 1 });
      expect(await auditOf('JourneesQuebecEvent', event.id)).toMatchObject([{ action: 'create', actor: lllManager.email }]);
    });

    it.each([
      ['an ADVISOR', () => laval.email],
      ['an ANALYST', () => analyst.email],
    ])('refuses %s creating an event with FORBIDDEN, writing nothing', async (_who, as) => {
      const before = await counts();
      expectRefusal(await call(CREATE_EVENT, { input: eventValues() }, as()), 'FORBIDDEN');
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['an end before the start', { endsOn: addDays(today, 59) }, ['input.endsOn']],
      ['a deadline after the start', { registrationDeadline: addDays(today, 61) }, ['input.registrationDeadline']],
      [
        'both',
        { endsOn: addDays(today, 59), registrationDeadline: addDays(today, 61) },
        ['input.endsOn', 'input.registrationDeadline'],
      ],
      ['a blank name', { name: '   ' }, ['input.name']],
      ['a name of 201 characters', { name: 'J'.repeat(201) }, ['input.name']],
      ['a city of 101 characters', { city: 'P'.repeat(101) }, ['input.city']],
      ['a blank country', { country: '' }, ['input.country']],
      ['a creation already HELD', { status: 'HELD' }, ['input.status']],
    ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, overrides, fields) => {
      const before = await counts();
      expectRefusal(await call(CREATE_EVENT, { input: eventValues(overrides) }), 'BAD_USER_INPUT', ...fields);
      expect(await counts()).toEqual(before);
    });

    it('moves PLANNED → REGISTRATION_OPEN → HELD with the version read, auditing each change', async () => {
      // Starting today: an event is marked HELD on or after the day it starts (journees-quebec-states.e2e-spec.ts).
      const startsToday = { startsOn: today, endsOn: addDays(today, 1), registrationDeadline: today };
      const created = dataOf(await call(CREATE_EVENT, { input: eventValues(startsToday) }, mtlManager.email)).createJourneesQuebecEvent;
      const opened = dataOf(
        await call(UPDATE_EVENT, { input: { id: created.id, version: 1, status: 'REGISTRATION_OPEN', city: 'Lyon' } }, mtlManager.email),
      ).updateJourneesQuebecEvent;
      expect(opened).toMatchObject({ status: 'REGISTRATION_OPEN', city: 'Lyon', version: 2 });
      const held = dataOf(await call(UPDATE_EVENT, { input: { id: created.id, version: 2, status: 'HELD' } })).updateJourneesQuebecEvent;
      expect(held).toMatchObject({ status: 'HELD', city: 'Lyon', version: 3 });
      const audit = await auditOf('JourneesQuebecEvent', created.id);
      expect(audit.map((row) => [row.action, row.actor, row.before?.status ?? null, row.after.status])).toEqual([
        ['create', mtlManager.email, null, 'PLANNED'],
        ['update', mtlManager.email, 'PLANNED', 'REGISTRATION_OPEN'],
        ['update', TEST_ADMIN_EMAIL, 'REGISTRATION_OPEN', 'HELD'],
      ]);
      expect(audit[1]).toMatchObject({ before: { city: 'Paris', version: 1 }, after: { city: 'Lyon', version: 2 } });
    });

    it('cancels a PLANNED event and an event open for registration', async () => {
      const planned = dataOf(await call(CREATE_EVENT, { input: eventValues() })).createJourneesQuebecEvent;
      const open = await createJourneesQuebecEvent(app);
      for (const event of [planned, open]) {
        const cancelled = dataOf(
          await call(UPDATE_EVENT, { input: { id: event.id, version: event.version, status: 'CANCELLED' } }),
        ).updateJourneesQuebecEvent;
        expect(cancelled).toMatchObject({ status: 'CANCELLED', version: event.version + 1 });
      }
    });

    it('refuses every other status move with BAD_USER_INPUT on input.status, writing nothing', async () => {
      const planned = dataOf(await call(CREATE_EVENT, { input: eventValues() })).createJourneesQuebecEvent;
      const open = await createJourneesQuebecEvent(app);
      const held = await createJourneesQuebecEvent(app, { startsOn: today, endsOn: today, registrationDeadline: today });
      dataOf(await call(UPDATE_EVENT, { input: { id: held.id, version: 1, status: 'HELD' } }));
      const cancelled = await createJourneesQuebecEvent(app);
      dataOf(await call(UPDATE_EVENT, { input: { id: cancelled.id, version: 1, status: 'CANCELLED' } }));
      const refused: [JourneesQuebecEventFixture, number, string][] = [
        [planned, 1, 'HELD'],
        [open, 1, 'PLANNED'],
        [held, 2, 'CANCELLED'],
        [held, 2, 'REGISTRATION_OPEN'],
        [held, 2, 'PLANNED'],
        [cancelled, 2, 'REGISTRATION_OPEN'],
        [cancelled, 2, 'PLANNED'],
        [cancelled, 2, 'HELD'],
      ];
      const before = await counts();
      for (const [event, version, status] of refused) {
        expectRefusal(await call(UPDATE_EVENT, { input: { id: event.id, version, status } }), 'BAD_USER_INPUT', 'input.status');
      }
      expect(await counts()).toEqual(before);
      const statuses = await app.sql(`SELECT id, status, version FROM journees_quebec_events WHERE id = ANY($1::uuid[])`, [
        [planned.id, open.id, held.id, cancelled.id],
      ]);
      expect(Object.fromEntries(statuses.map((row) => [row.id, [row.status, row.version]]))).toEqual({
        [planned.id]: ['PLANNED', 1],
        [open.id]: ['REGISTRATION_OPEN', 1],
        [held.id]: ['HELD', 2],
        [cancelled.id]: ['CANCELLED', 2],
      });
    });

    it('keeps the dates coherent on update, naming the date that was given', async () => {
      const event = await createJourneesQuebecEvent(app);
      const before = await counts();
      expectRefusal(
        await call(UPDATE_EVENT, { input: { id: event.id, version: 1, startsOn: addDays(event.endsOn, 1) } }),
        'BAD_USER_INPUT',
        'input.startsOn',
      );
      expectRefusal(
        await call(UPDATE_EVENT, { input: { id: event.id, version: 1, registrationDeadline: addDays(event.startsOn, 1) } }),
        'BAD_USER_INPUT',
        'input.registrationDeadline',
      );
      expectRefusal(
        await call(UPDATE_EVENT, { input: { id: event.id, version: 1, endsOn: addDays(event.startsOn, -1) } }),
        'BAD_USER_INPUT',
        'input.endsOn',
      );
      expectRefusal(await call(UPDATE_EVENT, { input: { id: event.id, version: 1 } }), 'BAD_USER_INPUT', 'input');
      expectRefusal(await call(UPDATE_EVENT, { input: { id: event.id, version: 1, name: null } }), 'BAD_USER_INPUT', 'input');
      expectRefusal(await call(UPDATE_EVENT, { input: { id: event.id, version: 1, city: 'Paris' } }), 'BAD_USER_INPUT', 'input');
      expect(await counts()).toEqual(before);
      // Moving the whole event later is coherent.
      const moved = dataOf(
        await call(UPDATE_EVENT, {
          input: { id: event.id, version: 1, startsOn: addDays(event.startsOn, 7), endsOn: addDays(event.endsOn, 7) },
        }),
      ).updateJourneesQuebecEvent;
      expect(moved).toMatchObject({ startsOn: addDays(event.startsOn, 7), endsOn: addDays(event.endsOn, 7), version: 2 });
    });

    it('refuses a stale version with CONFLICT and an ADVISOR with FORBIDDEN, writing nothing', async () => {
      const event = await createJourneesQuebecEvent(app);
      dataOf(await call(UPDATE_EVENT, { input: { id: event.id, version: 1, name: 'Journées Québec Bruxelles' } }));
      const before = await counts();
      expectRefusal(await call(UPDATE_EVENT, { input: { id: event.id, version: 1, city: 'Bruxelles' } }), 'CONFLICT');
      expectRefusal(await call(UPDATE_EVENT, { input: { id: event.id, version: 2, city: 'Bruxelles' } }, laval.email), 'FORBIDDEN');
      expectRefusal(
        await call(UPDATE_EVENT, { input: { id: '00000000-0000-4000-8000-000000000000', version: 1, city: 'Bruxelles' } }),
        'NOT_FOUND',
      );
      expect(await counts()).toEqual(before);
      expect((await app.sql(`SELECT city, version FROM journees_quebec_events WHERE id = $1`, [event.id]))[0]).toEqual({
        city: 'Paris',
        version: 2,
      });
    });

    it('lets every role read events, one or a filtered page at a time', async () => {
      const token = Math.random().toString(36).slice(2, 8);
      const country = `Sénégal ${token}`;
      const held = await createJourneesQuebecEvent(app, {
        country,
        mode: 'HYBRID',
        startsOn: '2024-06-01',
        endsOn: '2024-06-03',
        registrationDeadline: '2024-05-01',
      });
      dataOf(await call(UPDATE_EVENT, { input: { id: held.id, version: 1, status: 'HELD' } }));
      const virtual = await createJourneesQuebecEvent(app, {
        country,
        mode: 'VIRTUAL',
        status: 'PLANNED',
        startsOn: '2025-01-10',
        endsOn: '2025-01-12',
        registrationDeadline: '2024-12-15',
      });
      const upcoming = await createJourneesQuebecEvent(app, { country });
      await createJourneesQuebecEvent(app, { country: `Belgique ${token}` });

      for (const as of [laval.email, lllManager.email, analyst.email, TEST_ADMIN_EMAIL]) {
        const event = dataOf(await app.request(EVENT_BY_ID, { id: virtual.id }, { as })).journeesQuebecEvent;
        expect(event).toMatchObject({ id: virtual.id, country, mode: 'VIRTUAL', status: 'PLANNED' });
      }
      const ids = async (filter: Record<string, unknown>, as = analyst.email) =>
        dataOf(await app.request(EVENTS, { filter }, { as })).journeesQuebecEvents.edges.map(
          (edge: { node: { id: string } }) => edge.node.id,
        );
      // Latest first; the country matches without regard to accents or case.
      expect(await ids({ country: `SENEGAL ${token}` }, laval.email)).toEqual([upcoming.id, virtual.id, held.id]);
      expect(await ids({ country, status: ['HELD'] })).toEqual([held.id]);
      expect(await ids({ country, status: 'PLANNED' })).toEqual([virtual.id]);
      expect(await ids({ country, mode: ['VIRTUAL', 'HYBRID'] })).toEqual([virtual.id, held.id]);
      // from/to keep the events whose days intersect the interval.
      expect(await ids({ country, from: '2025-01-12', to: '2025-01-20' })).toEqual([virtual.id]);
      expect(await ids({ country, from: '2024-06-03' })).toEqual([upcoming.id, virtual.id, held.id]);
      expect(await ids({ country, to: '2024-06-01' })).toEqual([held.id]);
      expect(await ids({ country, from: '2024-06-04', to: '2025-01-09' })).toEqual([]);

      const first = dataOf(await app.request(EVENTS, { filter: { country }, first: 2 })).journeesQuebecEvents;
      expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      expect(first.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([upcoming.id, virtual.id]);
      const second = dataOf(
        await app.request(EVENTS, { filter: { country }, first: 2, after: first.pageInfo.endCursor }),
      ).journeesQuebecEvents;
      expect(second.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([held.id]);
      expect(second.pageInfo.hasNextPage).toBe(false);

      expectRefusal(
        await app.request(EVENTS, { filter: { from: '2025-02-01', to: '2025-01-01' } }),
        'BAD_USER_INPUT',
        'filter.to',
      );
      expectRefusal(await app.request(EVENTS, {}, { as: null }), 'UNAUTHENTICATED');
    });
  });

  describe('participations', () => {
    let lavalCompany: CompanyFixture;
    let montrealCompany: CompanyFixture;

    beforeAll(async () => {
      lavalCompany = await createCompany(app, { regionCode: '13' });
      montrealCompany = await createCompany(app, { regionCode: '06' });
    });

    it('registers a company with its needs, confirms, marks it attended and records outcomes, auditing each step', async () => {
      const event = await eventStartingToday();
      const company = await createCompany(app, { regionCode: '13' }, laval.email);
      const welders = await addRecruitmentNeed(app, laval.email, { companyId: company.id, positions: 3 });
      const cooks = await addRecruitmentNeed(app, laval.email, { companyId: company.id, nocCode: '63200', title: 'Cuisinier', positions: 2 });

      const before = await counts();
      const registered = dataOf(
        await call(REGISTER, { input: { eventId: event.id, companyId: company.id, recruitmentNeedIds: [welders.id, cooks.id] } }, laval.email),
      ).registerForEvent;
      expect(registered).toEqual({
        id: expect.any(String),
        status: 'REGISTERED',
        registeredOn: today,
        candidatesMet: null,
        interviewsHeld: null,
        offersMade: null,
        hires: null,
        positionsOffered: 5,
        version: 1,
        event: { id: event.id },
        company: { id: company.id },
        advisor: { id: laval.id },
        recruitmentNeeds: expect.arrayContaining([
          { id: welders.id, positions: 3 },
          { id: cooks.id, positions: 2 },
        ]),
      });
      expect(registered.recruitmentNeeds).toHaveLength(2);
      expect(await counts()).toEqual({
        ...before,
        participations: before.participations + 1,
        needLinks: before.needLinks + 2,
        audit: before.audit + 1,
      });

      const confirmed = dataOf(await call(CONFIRM, { id: registered.id, version: 1 }, laval.email)).confirmParticipation;
      expect(confirmed).toMatchObject({ status: 'CONFIRMED', version: 2 });
      const attended = dataOf(await call(ATTEND, { id: registered.id, version: 2 }, lllManager.email)).markAttended;
      expect(attended).toMatchObject({ status: 'ATTENDED', version: 3 });
      const outcome = { candidatesMet: 25, interviewsHeld: 9, offersMade: 4, hires: 4 };
      const recorded = dataOf(await call(OUTCOME, { input: { participationId: registered.id, ...outcome } }, laval.email))
        .recordEventOutcome;
      expect(recorded).toMatchObject({ status: 'ATTENDED', ...outcome, positionsOffered: 5, version: 4 });
      // Recording again corrects the figures.
      const corrected = dataOf(
        await call(OUTCOME, { input: { participationId: registered.id, ...outcome, hires: 3, version: 4 } }, laval.email),
      ).recordEventOutcome;
      expect(corrected).toMatchObject({ hires: 3, version: 5 });

      const audit = await auditOf('EventParticipation', registered.id);
      expect(audit.map((row) => [row.action, row.actor, row.before?.status ?? null, row.after.status])).toEqual([
        ['register', laval.email, null, 'REGISTERED'],
        ['confirm', laval.email, 'REGISTERED', 'CONFIRMED'],
        ['attend', lllManager.email, 'CONFIRMED', 'ATTENDED'],
        ['recordOutcome', laval.email, 'ATTENDED', 'ATTENDED'],
        ['recordOutcome', laval.email, 'ATTENDED', 'ATTENDED'],
      ]);
      expect(audit[0]!.after).toMatchObject({
        eventId: event.id,
        companyId: company.id,
        advisorId: laval.id,
        recruitmentNeedIds: [welders.id, cooks.id].sort(),
      });
      expect(audit[3]).toMatchObject({ before: { candidatesMet: null }, after: { candidatesMet: 25, hires: 4 } });
      expect(audit[4]).toMatchObject({ before: { hires: 4 }, after: { hires: 3 } });
    });

    it('withdraws a registered or a confirmed company, and marks a registered one attended directly', async () => {
      const event = await eventStartingToday();
      const [a, b, c] = [
        await createCompany(app, { regionCode: '13' }),
        await createCompany(app, { regionCode: '13' }),
        await createCompany(app, { regionCode: '13' }),
      ];
      const pa = await registerCompanyForEvent(app, laval.email, { eventId: event.id, companyId: a!.id });
      const pb = await registerCompanyForEvent(app, laval.email, { eventId: event.id, companyId: b!.id });
      const pc = await registerCompanyForEvent(app, laval.email, { eventId: event.id, companyId: c!.id });
      // No version, or a null one: not checked.
      expect(dataOf(await call(WITHDRAW, { id: pa.id, version: null }, laval.email)).withdrawFromEvent).toMatchObject({
        status: 'WITHDRAWN',
        version: 2,
      });
      dataOf(await call(CONFIRM, { id: pb.id }, laval.email));
      expect(dataOf(await call(WITHDRAW, { id: pb.id, version: 2 }, laval.email)).withdrawFromEvent).toMatchObject({
        status: 'WITHDRAWN',
        version: 3,
      });
      expect(dataOf(await call(ATTEND, { id: pc.id }, laval.email)).markAttended).toMatchObject({ status: 'ATTENDED', version: 2 });
      expect((await auditOf('EventParticipation', pb.id)).map((row) => row.action)).toEqual(['register', 'confirm', 'withdraw']);
    });

    it('refuses a registration after the deadline with BAD_USER_INPUT on input.eventId, writing nothing', async () => {
      const event = await createJourneesQuebecEvent(app, {
        startsOn: addDays(today, 5),
        endsOn: addDays(today, 6),
        registrationDeadline: addDays(today, -1),
      });
      const need = await addRecruitmentNeed(app, laval.email, { companyId: lavalCompany.id });
      const before = await counts();
      const response = await call(
        REGISTER,
        { input: { eventId: event.id, companyId: lavalCompany.id, recruitmentNeedIds: [need.id] } },
        laval.email,
      );
      expectRefusal(response, 'BAD_USER_INPUT', 'input.eventId');
      expect(await counts()).toEqual(before);
    });

    it.each(['PLANNED', 'HELD', 'CANCELLED'])(
      'refuses a registration while the event is %s with BAD_USER_INPUT on input.eventId, writing nothing',
      async (status) => {
        const event = await createJourneesQuebecEvent(app, {
          status: status === 'PLANNED' ? 'PLANNED' : 'REGISTRATION_OPEN',
          ...(status === 'HELD' ? { startsOn: today, endsOn: today, registrationDeadline: today } : {}),
        });
        if (status !== 'PLANNED') dataOf(await call(UPDATE_EVENT, { input: { id: event.id, version: 1, status } }));
        const before = await counts();
        expectRefusal(
          await call(REGISTER, { input: { eventId: event.id, companyId: lavalCompany.id, recruitmentNeedIds: [] } }, laval.email),
          'BAD_USER_INPUT',
          'input.eventId',
        );
        expect(await counts()).toEqual(before);
      },
    );

    it('refuses registering a company twice for the same event with CONFLICT, writing nothing', async () => {
      const event = await createJourneesQuebecEvent(app);
      const need = await addRecruitmentNeed(app, laval.email, { companyId: lavalCompany.id });
      await registerCompanyForEvent(app, laval.email, { eventId: event.id, companyId: lavalCompany.id });
      const before = await counts();
      const input = { eventId: event.id, companyId: lavalCompany.id, recruitmentNeedIds: [need.id] };
      expectRefusal(await call(REGISTER, { input }, lllManager.email), 'CONFLICT');
      const english = await call(REGISTER, { input }, laval.email, { 'accept-language': 'en' });
      expectRefusal(english, 'CONFLICT');
      expect(english.errors![0]!.message).toBe('This company is already registered for this Journées Québec event.');
      expect(await counts()).toEqual(before);
      // Another event is fine.
      const other = await createJourneesQuebecEvent(app);
      await registerCompanyForEvent(app, laval.email, { eventId: other.id, companyId: lavalCompany.id, recruitmentNeedIds: [need.id] });
    });

    it('lets exactly one of two concurrent registrations of the same company succeed', async () => {
      const event = await createJourneesQuebecEvent(app);
      for (let round = 0; round < 5; round += 1) {
        const company = await createCompany(app, { regionCode: '13' });
        const need = await addRecruitmentNeed(app, laval.email, { companyId: company.id });
        const input = { eventId: event.id, companyId: company.id, recruitmentNeedIds: [need.id] };
        const before = await counts();
        const responses = await Promise.all([call(REGISTER, { input }, laval.email), call(REGISTER, { input }, lllManager.email)]);
        const succeeded = responses.filter((response) => !response.errors);
        const refused = responses.filter((response) => response.errors);
        expect(succeeded).toHaveLength(1);
        expect(refused).toHaveLength(1);
        expectRefusal(refused[0]!, 'CONFLICT');
        expect(await app.count('event_participations', 'event_id = $1 AND company_id = $2', [event.id, company.id])).toBe(1);
        expect(await counts()).toEqual({
          ...before,
          participations: before.participations + 1,
          needLinks: before.needLinks + 1,
          audit: before.audit + 1,
        });
      }
    });

    it('refuses a need of another company (or unknown) with BAD_USER_INPUT on input.recruitmentNeedIds, writing nothing', async () => {
      const event = await createJourneesQuebecEvent(app);
      const own = await addRecruitmentNeed(app, laval.email, { companyId: lavalCompany.id });
      const otherCompany = await createCompany(app, { regionCode: '13' });
      const foreign = await addRecruitmentNeed(app, laval.email, { companyId: otherCompany.id });
      const before = await counts();
      for (const recruitmentNeedIds of [[own.id, foreign.id], ['00000000-0000-4000-8000-000000000000'], ['pas-un-uuid']]) {
        expectRefusal(
          await call(REGISTER, { input: { eventId: event.id, companyId: lavalCompany.id, recruitmentNeedIds } }, laval.email),
          'BAD_USER_INPUT',
          'input.recruitmentNeedIds',
        );
      }
      expect(await counts()).toEqual(before);
    });

    it('refuses an unknown event or company with BAD_USER_INPUT naming it, writing nothing', async () => {
      const event = await createJourneesQuebecEvent(app);
      const before = await counts();
      const unknown = '00000000-0000-4000-8000-000000000000';
      expectRefusal(
        await call(REGISTER, { input: { eventId: unknown, companyId: lavalCompany.id, recruitmentNeedIds: [] } }, laval.email),
        'BAD_USER_INPUT',
        'input.eventId',
      );
      expectRefusal(
        await call(REGISTER, { input: { eventId: event.id, companyId: unknown, recruitmentNeedIds: [] } }, laval.email),
        'BAD_USER_INPUT',
        'input.companyId',
      );
      expect(await counts()).toEqual(before);
    });

    it('refuses an ADVISOR registering a company outside their regions, and an ANALYST, with FORBIDDEN, writing nothing', async () => {
      const event = await createJourneesQuebecEvent(app);
      const need = await addRecruitmentNeed(app, montreal.email, { companyId: montrealCompany.id });
      const before = await counts();
      const input = { eventId: event.id, companyId: montrealCompany.id, recruitmentNeedIds: [need.id] };
      expectRefusal(await call(REGISTER, { input }, laval.email), 'FORBIDDEN');
      expectRefusal(await call(REGISTER, { input }, lllManager.email), 'FORBIDDEN');
      expectRefusal(await call(REGISTER, { input }, analyst.email), 'FORBIDDEN');
      expect(await counts()).toEqual(before);
      // The advisor of Montréal may.
      await registerCompanyForEvent(app, montreal.email, input);
    });

    it('refuses status changes that do not apply, before the event starts, on a stale version or outside one’s regions', async () => {
      const later = await createJourneesQuebecEvent(app);
      const now = await eventStartingToday();
      const company = await createCompany(app, { regionCode: '13' });
      const early = await registerCompanyForEvent(app, laval.email, { eventId: later.id, companyId: company.id });
      const withdrawn = await registerCompanyForEvent(app, laval.email, { eventId: now.id, companyId: company.id });
      dataOf(await call(WITHDRAW, { id: withdrawn.id }, laval.email));
      const attended = await registerCompanyForEvent(app, laval.email, { eventId: now.id, companyId: lavalCompany.id });
      dataOf(await call(ATTEND, { id: attended.id }, laval.email));
      const mtl = await registerCompanyForEvent(app, montreal.email, { eventId: later.id, companyId: montrealCompany.id });

      const before = await counts();
      expectRefusal(await call(ATTEND, { id: early.id }, laval.email), 'BAD_USER_INPUT', 'id'); // not started yet
      expectRefusal(await call(CONFIRM, { id: withdrawn.id }, laval.email), 'BAD_USER_INPUT', 'id');
      expectRefusal(await call(ATTEND, { id: withdrawn.id }, laval.email), 'BAD_USER_INPUT', 'id');
      expectRefusal(await call(WITHDRAW, { id: withdrawn.id }, laval.email), 'BAD_USER_INPUT', 'id');
      expectRefusal(await call(CONFIRM, { id: attended.id }, laval.email), 'BAD_USER_INPUT', 'id');
      expectRefusal(await call(WITHDRAW, { id: attended.id }, laval.email), 'BAD_USER_INPUT', 'id');
      expectRefusal(await call(CONFIRM, { id: early.id, version: 7 }, laval.email), 'CONFLICT');
      // A stale read is reported before the status it no longer shows.
      expectRefusal(await call(CONFIRM, { id: withdrawn.id, version: 1 }, laval.email), 'CONFLICT');
      expectRefusal(await call(CONFIRM, { id: mtl.id }, laval.email), 'FORBIDDEN');
      expectRefusal(await call(CONFIRM, { id: mtl.id }, analyst.email), 'FORBIDDEN');
      expectRefusal(await call(CONFIRM, { id: '00000000-0000-4000-8000-000000000000' }, laval.email), 'NOT_FOUND');
      expect(await counts()).toEqual(before);
      expect(await participationRow(early.id)).toMatchObject({ status: 'REGISTERED', version: 1 });
      expect(await participationRow(mtl.id)).toMatchObject({ status: 'REGISTERED', version: 1 });
    });

    describe('outcomes', () => {
      let attended: string;
      let registered: string;

      beforeAll(async () => {
        const event = await eventStartingToday();
        const a = await createCompany(app, { regionCode: '13' });
        const b = await createCompany(app, { regionCode: '13' });
        attended = (await registerCompanyForEvent(app, laval.email, { eventId: event.id, companyId: a.id })).id;
        dataOf(await call(ATTEND, { id: attended }, laval.email));
        registered = (await registerCompanyForEvent(app, laval.email, { eventId: event.id, companyId: b.id })).id;
      });

      const valid = { candidatesMet: 30, interviewsHeld: 10, offersMade: 5, hires: 2 };

      it.each([
        ['hires above offers', { hires: 6 }, 'input.hires'],
        ['offers above interviews', { offersMade: 11 }, 'input.offersMade'],
        ['interviews above candidates met', { interviewsHeld: 31 }, 'input.interviewsHeld'],
        ['negative candidates met', { candidatesMet: -1 }, 'input.candidatesMet'],
        ['negative hires', { hires: -2 }, 'input.hires'],
      ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, overrides, field) => {
        const before = await counts();
        const rowBefore = await participationRow(attended);
        expectRefusal(
          await call(OUTCOME, { input: { participationId: attended, ...valid, ...overrides } }, laval.email),
          'BAD_USER_INPUT',
          field,
        );
        expect(await counts()).toEqual(before);
        expect(await participationRow(attended)).toEqual(rowBefore);
      });

      it('refuses outcomes on a participation that is not ATTENDED with BAD_USER_INPUT on input.participationId', async () => {
        const before = await counts();
        expectRefusal(
          await call(OUTCOME, { input: { participationId: registered, ...valid } }, laval.email),
          'BAD_USER_INPUT',
          'input.participationId',
        );
        expect(await counts()).toEqual(before);
        expect(await participationRow(registered)).toMatchObject({ status: 'REGISTERED', candidates_met: null, hires: null });
      });

      it('refuses outcomes outside one’s regions and from an ANALYST with FORBIDDEN', async () => {
        const before = await counts();
        expectRefusal(await call(OUTCOME, { input: { participationId: attended, ...valid } }, montreal.email), 'FORBIDDEN');
        expectRefusal(await call(OUTCOME, { input: { participationId: attended, ...valid } }, analyst.email), 'FORBIDDEN');
        expect(await counts()).toEqual(before);
      });
    });

    it('shows participations only in one’s regions, through the event, the company and by id', async () => {
      const event = await createJourneesQuebecEvent(app);
      const lavalOne = await registerCompanyForEvent(app, laval.email, { eventId: event.id, companyId: (await createCompany(app)).id });
      const mtlOne = await registerCompanyForEvent(app, montreal.email, {
        eventId: event.id,
        companyId: (await createCompany(app, { regionCode: '06' })).id,
      });
      const visible = async (as: string) =>
        dataOf(
          await app.request(JourneesQuebecJourneesQuebecEventDocument, { id: event.id }, { as }),
        ).journeesQuebecEvent!.participations.map((p: { id: string }) => p.id);
      expect(await visible(laval.email)).toEqual([lavalOne.id]);
      expect(await visible(lllManager.email)).toEqual([lavalOne.id]);
      expect(await visible(montreal.email)).toEqual([mtlOne.id]);
      expect(await visible(analyst.email)).toEqual([]);
      expect((await visible(TEST_ADMIN_EMAIL)).sort()).toEqual([lavalOne.id, mtlOne.id].sort());

      const byId = `query ($id: ID!) { eventParticipation(id: $id) { id company { eventParticipations { id event { id } } } } }`;
      const mine = dataOf(await app.graphql(byId, { variables: { id: lavalOne.id }, as: laval.email })).eventParticipation;
      expect(mine).toEqual({ id: lavalOne.id, company: { eventParticipations: [{ id: lavalOne.id, event: { id: event.id } }] } });
      expect(dataOf(await app.graphql(byId, { variables: { id: mtlOne.id }, as: laval.email })).eventParticipation).toBeNull();
      const analystAsks = await app.graphql(byId, { variables: { id: mtlOne.id }, as: analyst.email });
      expect(analystAsks.data?.eventParticipation ?? null).toBeNull();
      expect(analystAsks.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);

      // The directory shows every company, but their participations only in one's regions.
      const company = `query ($id: ID!) { company(id: $id) { eventParticipations { id } } }`;
      const mtlCompanyId = (await app.sql(`SELECT company_id FROM event_participations WHERE id = $1`, [mtlOne.id]))[0]!.company_id;
      expect(dataOf(await app.graphql(company, { variables: { id: mtlCompanyId }, as: laval.email })).company).toEqual({
        eventParticipations: [],
      });

      // Audit trail: a manager reads it for participations of their direction's regions only.
      const trail = `query ($id: String!) { auditTrail(entityType: "EventParticipation", entityId: $id) { edges { node { action } } } }`;
      expect(
        dataOf(await app.graphql(trail, { variables: { id: lavalOne.id }, as: lllManager.email })).auditTrail.edges,
      ).toEqual([{ node: { action: 'register' } }]);
      expectRefusal(await app.graphql(trail, { variables: { id: lavalOne.id }, as: mtlManager.email }), 'FORBIDDEN');
    });
  });

  describe('event summary', () => {
    interface Planned {
      region: string;
      positions: number[];
      steps: ('confirm' | 'attend' | 'withdraw')[];
      outcome?: { candidatesMet: number; interviewsHeld: number; offersMade: number; hires: number };
    }
    // What the test creates, and from which it computes the expected summary on its own.
    const plan: Planned[] = [
      { region: '13', positions: [3, 2], steps: ['confirm', 'attend'], outcome: { candidatesMet: 40, interviewsHeld: 10, offersMade: 4, hires: 2 } },
      { region: '13', positions: [5], steps: ['attend'], outcome: { candidatesMet: 12, interviewsHeld: 6, offersMade: 3, hires: 3 } },
      { region: '13', positions: [4], steps: ['withdraw'] },
      { region: '13', positions: [], steps: [] },
      { region: '06', positions: [7, 1], steps: ['confirm'] },
      { region: '06', positions: [], steps: ['attend'] },
      { region: '15', positions: [1], steps: ['attend'], outcome: { candidatesMet: 5, interviewsHeld: 5, offersMade: 5, hires: 0 } },
      { region: '15', positions: [6], steps: ['confirm', 'withdraw'] },
    ];
    const figures = (rows: Planned[]) => {
      const kept = rows.filter((row) => !row.steps.includes('withdraw'));
      const sum = (of: (row: Planned) => number) => kept.reduce((total, row) => total + of(row), 0);
      return {
        companiesRegistered: kept.length,
        companiesAttended: kept.filter((row) => row.steps.includes('attend')).length,
        positionsOffered: sum((row) => row.positions.reduce((a, b) => a + b, 0)),
        candidatesMet: sum((row) => row.outcome?.candidatesMet ?? 0),
        interviewsHeld: sum((row) => row.outcome?.interviewsHeld ?? 0),
        offersMade: sum((row) => row.outcome?.offersMade ?? 0),
        hires: sum((row) => row.outcome?.hires ?? 0),
      };
    };
    const expectedFor = (regions: string[] | null) => {
      const rows = plan.filter((row) => regions === null || regions.includes(row.region));
      const codes = [...new Set(rows.filter((row) => !row.steps.includes('withdraw')).map((row) => row.region))].sort();
      return {
        coversAllRegions: regions === null,
        ...figures(rows),
        byRegion: codes.map((code) => ({
          regionCode: code,
          region: { code, name: expect.any(String) },
          ...figures(rows.filter((row) => row.region === code)),
        })),
      };
    };
    let eventId: string;

    beforeAll(async () => {
      const event = await eventStartingToday();
      eventId = event.id;
      const other = await eventStartingToday();
      for (const row of plan) {
        const company = await createCompany(app, { regionCode: row.region });
        const needs = [];
        for (const positions of row.positions) needs.push((await addRecruitmentNeed(app, undefined, { companyId: company.id, positions })).id);
        const participation = await registerCompanyForEvent(app, undefined, { eventId, companyId: company.id, recruitmentNeedIds: needs });
        for (const step of row.steps) {
          dataOf(await call({ confirm: CONFIRM, attend: ATTEND, withdraw: WITHDRAW }[step] as TypedDocumentString<unknown, never>, { id: participation.id }));
        }
        if (row.outcome) dataOf(await call(OUTCOME, { input: { participationId: participation.id, ...row.outcome } }));
        // The same company at another event must not count in this one.
        const elsewhere = await registerCompanyForEvent(app, undefined, { eventId: other.id, companyId: company.id, recruitmentNeedIds: needs });
        dataOf(await call(ATTEND, { id: elsewhere.id }));
        dataOf(await call(OUTCOME, { input: { participationId: elsewhere.id, candidatesMet: 9, interviewsHeld: 9, offersMade: 9, hires: 9 } }));
      }
    });

    const summaryAs = async (as: string) =>
      dataOf(await app.request(SUMMARY, { id: eventId }, { as })).journeesQuebecEvent!.summary;

    it.each([
      ['an ADMIN', () => TEST_ADMIN_EMAIL],
      ['a MANAGER', () => mtlManager.email],
      ['an ANALYST', () => analyst.email],
    ])('gives %s every region and the totals, withdrawn companies excluded', async (_who, as) => {
      const summary = await summaryAs(as());
      expect(summary).toEqual(expectedFor(null));
      // Sanity check of the independent computation against the plan above.
      expect(summary).toMatchObject({ companiesRegistered: 6, companiesAttended: 4, positionsOffered: 19, hires: 5 });
      expect(summary.byRegion.map((row: { regionCode: string }) => row.regionCode)).toEqual(['06', '13', '15']);
    });

    it('restricts an ADVISOR’s rows and totals to their regions', async () => {
      expect(await summaryAs(laval.email)).toEqual(expectedFor(['13']));
      expect(await summaryAs(montreal.email)).toEqual(expectedFor(['06']));
    });

    it('answers zeros for an event without participations', async () => {
      const event = await createJourneesQuebecEvent(app);
      const summary = dataOf(await app.request(SUMMARY, { id: event.id }, { as: analyst.email })).journeesQuebecEvent!.summary;
      expect(summary).toEqual({
        coversAllRegions: true,
        companiesRegistered: 0,
        companiesAttended: 0,
        positionsOffered: 0,
        candidatesMet: 0,
        interviewsHeld: 0,
        offersMade: 0,
        hires: 0,
        byRegion: [],
      });
    });

    it('costs the same number of SQL statements for 1 and for 3 events with their participations and summaries', async () => {
      const country = `Maroc ${Math.random().toString(36).slice(2, 8)}`;
      for (let i = 0; i < 3; i += 1) {
        const event = await eventStartingToday({ country });
        for (const regionCode of ['13', '06']) {
          const company = await createCompany(app, { regionCode });
          const need = await addRecruitmentNeed(app, undefined, { companyId: company.id, positions: 2 + i });
          await registerCompanyForEvent(app, undefined, { eventId: event.id, companyId: company.id, recruitmentNeedIds: [need.id] });
        }
      }
      const list = `query ($filter: JourneesQuebecEventFilter, $first: Int) {
        journeesQuebecEvents(filter: $filter, first: $first) { edges { node {
          name summary { hires positionsOffered byRegion { region { name } positionsOffered } }
          participations { status positionsOffered company { legalName region { name } } advisor { fullName } recruitmentNeeds { title } event { name } }
        } } }
      }`;
      const statements = async (first: number) => {
        const response = await app.graphql(list, { variables: { filter: { country }, first }, as: TEST_ADMIN_EMAIL });
        const edges = dataOf(response).journeesQuebecEvents.edges;
        expect(edges).toHaveLength(first);
        for (const { node } of edges) {
          expect(node.participations).toHaveLength(2);
          expect(node.summary.byRegion).toHaveLength(2);
        }
        return Number(response.headers.get('x-sql-statements'));
      };
      await statements(1); // the caller's first request, if it is one, looks them up: cached from then on
      const one = await statements(1);
      expect(await statements(3)).toBe(one);
      // An event's summary has no declared SQL, so this list is answered by its resolvers (without `summary` it is
      // compiled into the page's statement: test/compiled-lists-more.e2e-spec.ts). page, participations, summary,
      // regions, companies, advisors, needs, positions, events (authentication: none, the caller is cached,
      // src/auth/actor-cache.ts).
      expect(one).toBe(9);
    });
  });
});
