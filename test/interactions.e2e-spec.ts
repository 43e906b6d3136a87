import {
  FileInteractionCountDocument,
  FileFirstInteractionsDocument,
  FileRecentAndAllInteractionsDocument,
  InteractionsAccompanimentsDocument,
  InteractionsLogDocument as LOG,
  InteractionsPageDocument as PAGE,
  InteractionsUpdateDocument as UPDATE,
} from '../operations/generated.js';
import { addDays, todayInQuebec } from '../src/common/calendar.js';
import {
  closeFile,
  createAdvisor,
  createCompany,
  logInteraction,
  openFile,
  type AdvisorFixture,
  type FileFixture,
} from './support/factories.js';
import { dataOf, TestApp } from './support/test-app.js';
import { expectRefusal } from './support/expectations.js';

describe('interactions', () => {
  let app: TestApp;
  let lead: AdvisorFixture; // ADVISOR of Laval (13) and Laurentides (15), leads the files
  let colleague: AdvisorFixture; // another ADVISOR of Laval
  const today = todayInQuebec();
  const tomorrow = addDays(today, 1);

  beforeAll(async () => {
    app = await TestApp.start();
    lead = await createAdvisor(app, { regionCodes: ['13', '15'] });
    colleague = await createAdvisor(app, { regionCodes: ['13'] });
  });
  afterAll(() => app.close());

  const counts = () => app.counts({ interactions: 'interactions', audit: 'audit_log' });
  const interactionRow = async (id: string) =>
    (await app.sql(`SELECT occurred_on, kind, mode, duration_minutes, summary, version FROM interactions WHERE id = $1`, [id]))[0];
  /** A fresh Laval file opened on 2022-05-02, closed on `closedOn` when given. */
  const newFile = async (closedOn?: string): Promise<FileFixture> => {
    const company = await createCompany(app, { regionCode: '13' });
    const file = await openFile(app, lead.email, { companyId: company.id, openedOn: '2022-05-02' });
    return closedOn ? closeFile(app, lead.email, { id: file.id, closedOn }) : file;
  };
  const valid = (accompanimentId: string, overrides: Record<string, unknown> = {}) => ({
    accompanimentId,
    occurredOn: '2022-06-01',
    kind: 'MEETING',
    mode: 'IN_PERSON',
    durationMinutes: 90,
    summary: 'Rencontre sur les besoins de main-d’œuvre : trois postes de soudeur à combler.',
    ...overrides,
  });
  const log = (input: Record<string, unknown>, as = lead.email) => app.request(LOG, { input } as never, { as });
  const update = (input: Record<string, unknown>, as = lead.email) => app.request(UPDATE, { input } as never, { as });

  describe('logInteraction', () => {
    it('records the interaction with the caller as its advisor, and one audit row', async () => {
      const file = await newFile();
      const before = await counts();
      const interaction = dataOf(await log(valid(file.id), colleague.email)).logInteraction;
      expect(interaction).toEqual({
        id: expect.any(String),
        accompanimentId: file.id,
        occurredOn: '2022-06-01',
        kind: 'MEETING',
        mode: 'IN_PERSON',
        durationMinutes: 90,
        summary: 'Rencontre sur les besoins de main-d’œuvre : trois postes de soudeur à combler.',
        version: 1,
        advisor: { id: colleague.id },
        accompaniment: { id: file.id },
      });
      expect(await counts()).toEqual({ interactions: before.interactions + 1, audit: before.audit + 1 });
      const audit = await app.sql(
        `SELECT l.action, l.before, l.after, a.email AS actor FROM audit_log l JOIN advisors a ON a.id = l.actor_id
          WHERE l.entity_type = 'Interaction' AND l.entity_id = $1`,
        [interaction.id],
      );
      expect(audit).toEqual([
        {
          action: 'create',
          actor: colleague.email,
          before: null,
          after: expect.objectContaining({
            id: interaction.id,
            accompanimentId: file.id,
            advisorId: colleague.id,
            occurredOn: '2022-06-01',
            kind: 'MEETING',
            durationMinutes: 90,
            version: 1,
          }),
        },
      ]);
    });

    it('accepts the opening day, the closing day and today, and durations of 1 and 1440 minutes', async () => {
      const closed = await newFile('2022-09-30');
      const open = await newFile();
      for (const input of [
        valid(closed.id, { occurredOn: '2022-05-02', durationMinutes: 1 }),
        valid(closed.id, { occurredOn: '2022-09-30', durationMinutes: 1440 }),
        valid(open.id, { occurredOn: today }),
      ]) {
        const interaction = dataOf(await log(input)).logInteraction;
        expect(interaction).toMatchObject({ occurredOn: input.occurredOn, durationMinutes: input.durationMinutes });
      }
      expect(await app.count('interactions', 'accompaniment_id = $1', [closed.id])).toBe(2);
    });

    it('accepts a 4000-character summary', async () => {
      const file = await newFile();
      const summary = 'é'.repeat(4000);
      const interaction = dataOf(await log(valid(file.id, { summary }))).logInteraction;
      expect((await interactionRow(interaction.id))!.summary).toBe(summary);
    });
  });

  describe('refusals', () => {
    let open: FileFixture;
    let closed: FileFixture;
    beforeAll(async () => {
      open = await newFile();
      closed = await newFile('2022-09-30');
    });

    it.each([
      ['a date before the file opened', 'open', { occurredOn: '2022-05-01' }, 'input.occurredOn'],
      ['a date after the file closed', 'closed', { occurredOn: '2022-10-01' }, 'input.occurredOn'],
      ['a date in the future', 'open', { occurredOn: 'TOMORROW' }, 'input.occurredOn'],
      ['a duration of 0 minutes', 'open', { durationMinutes: 0 }, 'input.durationMinutes'],
      ['a duration of 1441 minutes', 'open', { durationMinutes: 1441 }, 'input.durationMinutes'],
      ['an empty summary', 'open', { summary: '' }, 'input.summary'],
      ['a blank summary', 'open', { summary: '   ' }, 'input.summary'],
      ['a 4001-character summary', 'open', { summary: 'x'.repeat(4001) }, 'input.summary'],
    ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, which, overrides, field) => {
      const file = which === 'open' ? open : closed;
      const input = valid(file.id, overrides);
      if (input.occurredOn === 'TOMORROW') input.occurredOn = tomorrow;
      const before = await counts();
      expectRefusal(await log(input), 'BAD_USER_INPUT', field);
      expect(await counts()).toEqual(before);
    });

    it('refuses an unknown kind as a GraphQL validation error, writing nothing', async () => {
      const before = await counts();
      const literal = await app.graphql(
        // Written by hand: a document GraphQL refuses cannot be a typed operation.
        `mutation ($id: ID!) { logInteraction(input: { accompanimentId: $id, occurredOn: "2022-06-01", kind: TELEPATHY,
           mode: PHONE, durationMinutes: 10, summary: "Appel" }) { id } }`,
        { variables: { id: open.id }, as: lead.email },
      );
      expectRefusal(literal, 'GRAPHQL_VALIDATION_FAILED');
      const variable = await log(valid(open.id, { kind: 'TELEPATHY' }));
      expectRefusal(variable, 'BAD_USER_INPUT');
      expect(variable.errors![0]!.message).toContain('TELEPATHY');
      expect(await counts()).toEqual(before);
    });

    it('answers NOT_FOUND for an unknown file, writing nothing', async () => {
      const before = await counts();
      expectRefusal(await log(valid('00000000-0000-4000-8000-000000000000')), 'NOT_FOUND');
      expect(await counts()).toEqual(before);
    });
  });

  describe('listing', () => {
    let file: FileFixture;
    /** Interaction ids by label, newest first: `june-b` was logged after `june-a` on the same day. */
    const logged: Record<string, string> = {};
    const newestFirst = ['july', 'june-b', 'june-a', 'may-20', 'may-10'];

    beforeAll(async () => {
      file = await newFile();
      for (const [label, occurredOn] of [
        ['may-10', '2022-05-10'],
        ['june-a', '2022-06-01'],
        ['may-20', '2022-05-20'],
        ['june-b', '2022-06-01'],
        ['july', '2022-07-04'],
      ] as const) {
        logged[label] = (await logInteraction(app, lead.email, { accompanimentId: file.id, occurredOn })).id;
      }
    });
    const ids = (...labels: string[]) => labels.map((label) => logged[label]);

    it('gives Accompaniment.interactions newest first, the first N of them, and interactionCount', async () => {
      const response = await app.request(FileRecentAndAllInteractionsDocument, { id: file.id }, { as: lead.email });
      const found = dataOf(response).accompaniment!;
      expect(found.interactionCount).toBe(5);
      expect(found.recent.map((i: { id: string }) => i.id)).toEqual(ids('july', 'june-b', 'june-a'));
      expect(found.all).toEqual([
        { id: logged.july, occurredOn: '2022-07-04' },
        { id: logged['june-b'], occurredOn: '2022-06-01' },
        { id: logged['june-a'], occurredOn: '2022-06-01' },
        { id: logged['may-20'], occurredOn: '2022-05-20' },
        { id: logged['may-10'], occurredOn: '2022-05-10' },
      ]);
    });

    it('limits Accompaniment.interactions per file when several files are listed', async () => {
      const company = await createCompany(app, { regionCode: '13' });
      const laval = await openFile(app, lead.email, { companyId: company.id, openedOn: '2022-05-02' });
      const laurentides = await openFile(app, lead.email, { companyId: company.id, regionCode: '15', openedOn: '2022-04-01' });
      for (const occurredOn of ['2022-05-03', '2022-05-04', '2022-05-05']) {
        await logInteraction(app, lead.email, { accompanimentId: laval.id, occurredOn });
      }
      await logInteraction(app, lead.email, { accompanimentId: laurentides.id, occurredOn: '2022-04-02' });
      const response = await app.request(InteractionsAccompanimentsDocument, { companyId: company.id }, { as: lead.email });
      expect(dataOf(response).accompaniments.edges.map((e: { node: unknown }) => e.node)).toEqual([
        { regionCode: '13', interactionCount: 3, interactions: [{ occurredOn: '2022-05-05' }, { occurredOn: '2022-05-04' }] },
        { regionCode: '15', interactionCount: 1, interactions: [{ occurredOn: '2022-04-02' }] },
      ]);
    });

    it('shows no interactions and a count of 0 on a new file', async () => {
      const empty = await newFile();
      const response = await app.request(FileInteractionCountDocument, { id: empty.id }, { as: lead.email });
      expect(dataOf(response).accompaniment).toEqual({ interactionCount: 0, interactions: [] });
    });

    // Product bug: the BadUserInputError thrown by the `Accompaniment.interactions` field resolver never reaches
    // GraphQLExceptionFilter (Nest applies no exception filter to @ResolveField unless the GraphQL module sets
    // `fieldResolverEnhancers: ['filters']`), so the client gets a masked INTERNAL_SERVER_ERROR.
    it('refuses Accompaniment.interactions(first: 0) and (first: 201) with BAD_USER_INPUT', async () => {
      for (const first of [0, 201]) {
        const response = await app.request(FileFirstInteractionsDocument, { id: file.id, n: first }, { as: lead.email });
        expect(response.errors).toHaveLength(1);
        expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
      }
    });

    it('pages through the interactions query newest first, with cursors and a total', async () => {
      const seen: string[] = [];
      const hasNext: boolean[] = [];
      let after: string | undefined;
      do {
        const page = dataOf(await app.request(PAGE, { id: file.id, first: 2, after }, { as: lead.email })).interactions;
        expect(page.totalCount).toBe(5);
        seen.push(...page.edges.map((edge: { node: { id: string } }) => edge.node.id));
        hasNext.push(page.pageInfo.hasNextPage);
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : undefined;
      } while (after);
      expect(seen).toEqual(ids(...newestFirst));
      expect(hasNext).toEqual([true, true, false]);
    });

    it('answers NOT_FOUND for the interactions of an unknown file', async () => {
      expectRefusal(
        await app.request(PAGE, { id: '00000000-0000-4000-8000-000000000000' }, { as: lead.email }),
        'NOT_FOUND',
      );
    });
  });

  describe('updateInteraction', () => {
    it('changes the given fields, bumps the version and audits before and after', async () => {
      const file = await newFile();
      const interaction = await logInteraction(app, lead.email, { accompanimentId: file.id, occurredOn: '2022-06-01' });
      const updated = dataOf(
        await update({ id: interaction.id, version: 1, occurredOn: '2022-06-02', durationMinutes: 45, summary: 'Appel de suivi' }),
      ).updateInteraction;
      expect(updated).toMatchObject({ occurredOn: '2022-06-02', durationMinutes: 45, summary: 'Appel de suivi', kind: 'CALL', version: 2 });
      const [audit] = await app.sql(
        `SELECT before, after FROM audit_log WHERE entity_type = 'Interaction' AND entity_id = $1 AND action = 'update'`,
        [interaction.id],
      );
      expect(audit).toMatchObject({
        before: { occurredOn: '2022-06-01', durationMinutes: 30, version: 1 },
        after: { occurredOn: '2022-06-02', durationMinutes: 45, summary: 'Appel de suivi', version: 2 },
      });
    });

    it('refuses a stale version with CONFLICT and changes nothing', async () => {
      const file = await newFile();
      const interaction = await logInteraction(app, lead.email, { accompanimentId: file.id, occurredOn: '2022-06-01' });
      dataOf(await update({ id: interaction.id, version: 1, summary: 'Première correction' }));
      const before = await counts();
      expectRefusal(await update({ id: interaction.id, version: 1, summary: 'Seconde correction' }), 'CONFLICT');
      expect(await counts()).toEqual(before);
      expect(await interactionRow(interaction.id)).toEqual({
        occurred_on: '2022-06-01',
        kind: 'CALL',
        mode: 'PHONE',
        duration_minutes: 30,
        summary: 'Première correction',
        version: 2,
      });
    });

    it.each([
      ['before the file opened', '2022-05-01'],
      ['after the file closed', '2022-10-01'],
      ['into the future', 'TOMORROW'],
    ])('refuses moving the date %s with BAD_USER_INPUT, changing nothing', async (_case, date) => {
      const file = await newFile();
      const interaction = await logInteraction(app, lead.email, { accompanimentId: file.id, occurredOn: '2022-06-01' });
      await closeFile(app, lead.email, { id: file.id, closedOn: '2022-09-30' });
      const before = await counts();
      const occurredOn = date === 'TOMORROW' ? tomorrow : date;
      expectRefusal(await update({ id: interaction.id, version: 1, occurredOn }), 'BAD_USER_INPUT', 'input.occurredOn');
      expect(await counts()).toEqual(before);
      expect(await interactionRow(interaction.id)).toMatchObject({ occurred_on: '2022-06-01', version: 1 });
    });

    it('refuses an update that changes nothing, and an unknown interaction', async () => {
      const file = await newFile();
      const interaction = await logInteraction(app, lead.email, { accompanimentId: file.id, occurredOn: '2022-06-01' });
      const before = await counts();
      expectRefusal(await update({ id: interaction.id, version: 1 }), 'BAD_USER_INPUT', 'input');
      expectRefusal(await update({ id: '00000000-0000-4000-8000-000000000000', version: 1, summary: 'x' }), 'NOT_FOUND');
      expect(await counts()).toEqual(before);
    });
  });
});
