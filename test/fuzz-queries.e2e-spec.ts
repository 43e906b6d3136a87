import { GraphQLSchemaHost } from '@nestjs/graphql';
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { addDays, todayInQuebec } from '../src/common/calendar.js';
import {
  addRecruitmentNeed,
  createAdvisor,
  createCompany,
  createJourneesQuebecEvent,
  logInteraction,
  openFile,
  referToPortail,
  registerCompanyForEvent,
} from './support/factories.js';
import { TEST_ADMIN_EMAIL, TestApp } from './support/test-app.js';

/**
 * Property-based test of every query's arguments (finding 7), generated from the served schema so a new query is
 * covered without editing this file: hostile strings (NUL and other control characters, lone surrogates, SQL and
 * HTML fragments, 10,000 characters), forged cursors, impossible dates and fiscal years, out-of-range and
 * wrongly-typed numbers, unknown enum values and input fields. Whatever the arguments, the answer is data or a
 * client error (BAD_USER_INPUT, GRAPHQL_VALIDATION_FAILED, NOT_FOUND, FORBIDDEN): never INTERNAL_SERVER_ERROR,
 * nothing logged at error level, and nothing written.
 *
 * Reproduce a run with FUZZ_SEED=<seed>; FUZZ_QUERY_RUNS sets the cases per query.
 */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_240_611;
const RUNS_PER_QUERY = process.env.FUZZ_QUERY_RUNS ? Number(process.env.FUZZ_QUERY_RUNS) : 40;
const TIMEOUT = 180_000;
const CLIENT_ERRORS = ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'NOT_FOUND', 'FORBIDDEN'];

const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '00000000-0000-4000-8000-00000000\u00000001',
  '\u0007\u001b[31m',
  'ligne 1\nligne 2',
  '\uD800',
  'x\uDFFFy',
  "'; DROP TABLE companies; --",
  "13' OR '1'='1",
  '<script>alert(1)</script>',
  '%',
  '_',
  '\\',
  '%_\\%',
  'Ｋelvin \u212A',
  '😀👩‍👩‍👧‍👦',
  'مرحبا',
  'x'.repeat(10_000),
  'not-a-uuid',
  '00000000-0000-4000-8000-000000000000',
  '{00000000-0000-4000-8000-000000000001}',
  '13',
  '00',
  '18',
  'LLL',
  '2021-2022',
  '0000-0001',
  '9999-10000',
  '2021-02-30',
  '0000-01-01',
  '9999-12-31',
  'Infinity',
  'NaN',
  '1e400',
  '-0',
  'null',
  'Company',
  'CompanyContact',
  cursorOf(['zzz', 'zzz']),
  cursorOf(['2021-99-99', '00000000-0000-4000-8000-000000000001']),
  cursorOf(['9'.repeat(400), 'x']),
  cursorOf([1e308, -1e308, 0.5]),
  cursorOf(['\u0000']),
  cursorOf(['a', 'b', 'c', 'd']),
  cursorOf([]),
  cursorOf([{ a: 1 }]),
  'bm90IGpzb24',
  '!!!',
];

const INTS = [0, 1, -1, 20, 200, 201, 2 ** 31 - 1, -(2 ** 31), 1000, 17, 13];
const DATES = ['2021-03-31', '2019-08-01', '0001-01-01', '1000-01-01', '9999-12-31', '2021-02-29', '0000-01-01', '2021-13-01', ''];

describe('queries under fuzzed arguments', () => {
  let app: TestApp;
  const errorLines: string[] = [];
  const ids: string[] = [];
  let advisorEmail: string;

  beforeAll(async () => {
    // What the service logs at error level (a masked internal error is logged there).
    app = await TestApp.start({ LOG_LEVEL: 'error' }, { write: (line: string) => void errorLines.push(line) });
    // Real records, so that some generated ids reach the deeper paths (scoping, pagination of real rows).
    const today = todayInQuebec();
    const advisor = await createAdvisor(app, { regionCodes: ['13'] });
    advisorEmail = advisor.email;
    const company = await createCompany(app, { regionCode: '13' });
    const file = await openFile(app, undefined, { companyId: company.id, advisorId: advisor.id, openedOn: addDays(today, -20) });
    const interaction = await logInteraction(app, undefined, { accompanimentId: file.id, occurredOn: addDays(today, -5) });
    const need = await addRecruitmentNeed(app, undefined, { companyId: company.id });
    const event = await createJourneesQuebecEvent(app);
    const participation = await registerCompanyForEvent(app, undefined, { eventId: event.id, companyId: company.id });
    const referral = await referToPortail(app, undefined, { companyId: company.id });
    ids.push(advisor.id, company.id, file.id, interaction.id, need.id, event.id, participation.id, referral.id);
  });
  afterAll(() => app?.close());

  /** A value for an input type: mostly well-typed but hostile, sometimes of the wrong type altogether. */
  function valueOf(type: GraphQLInputType, name: string, depth = 0): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) return fc.oneof({ weight: 9, arbitrary: valueOf(type.ofType, name, depth) }, { weight: 1, arbitrary: fc.constant(null) });
    if (isListType(type)) {
      return fc.oneof(
        { weight: 6, arbitrary: fc.array(valueOf(type.ofType, name, depth + 1), { maxLength: 4 }) },
        { weight: 1, arbitrary: valueOf(type.ofType, name, depth + 1) },
        { weight: 1, arbitrary: fc.constant(Array.from({ length: 60 }, (_, i) => String(i))) },
      );
    }
    if (isEnumType(type)) {
      const values = type.getValues().map((v) => v.name);
      return fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...values) }, { weight: 2, arbitrary: fc.constantFrom('UNKNOWN', values[0]!.toLowerCase(), `${values[0]}\u0000`, 1) });
    }
    if (isInputObjectType(type)) {
      if (depth > 3) return fc.constant({});
      const fields = Object.values(type.getFields());
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const field of fields) record[field.name] = valueOf(field.type, field.name, depth + 1);
      return fc.oneof(
        { weight: 8, arbitrary: fc.record(record, { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) }) },
        { weight: 1, arbitrary: fc.record(record, { requiredKeys: [] }).map((v) => ({ ...v, champInconnu: 'x' })) },
        { weight: 1, arbitrary: fc.constantFrom('objet ?', 42, [{}]) },
      );
    }
    if (isScalarType(type)) {
      const wrongType = fc.constantFrom<unknown>(true, 1.5, 2 ** 53, { a: 1 }, [1], 'true');
      switch (type.name) {
        case 'Int':
          return fc.oneof({ weight: 8, arbitrary: fc.oneof(fc.constantFrom(...INTS), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })) }, { weight: 2, arbitrary: wrongType });
        case 'Float':
          return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), wrongType);
        case 'Boolean':
          return fc.oneof({ weight: 8, arbitrary: fc.boolean() }, { weight: 2, arbitrary: wrongType });
        case 'Date':
          return fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...DATES) }, { weight: 2, arbitrary: wrongType });
        default: {
          // String, ID and custom string scalars: hostile strings, real ids, generated text.
          const strings = fc.oneof(
            { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
            { weight: 3, arbitrary: fc.constantFrom(...ids) },
            { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
            { weight: 1, arbitrary: fc.uuid() },
          );
          return fc.oneof({ weight: 9, arbitrary: strings }, { weight: 1, arbitrary: wrongType });
        }
      }
    }
    return fc.constant(null);
  }

  /** What to ask for: the scalars of the object, a connection's edges and page info; never a contact (no access-log row). */
  function selectionOf(type: GraphQLOutputType, depth = 0): string {
    const named = getNamedType(type);
    if (!isObjectType(named)) return '';
    const fields = Object.values(named.getFields()).filter((field) => field.args.every((arg) => !isNonNullType(arg.type)));
    const parts: string[] = ['__typename'];
    for (const field of fields) {
      const inner = getNamedType(field.type);
      if (isScalarType(inner) || isEnumType(inner)) parts.push(field.name);
      else if (depth < 2 && ['edges', 'node', 'pageInfo', 'byRegion', 'steps', 'region'].includes(field.name)) {
        parts.push(`${field.name} ${selectionOf(field.type, depth + 1)}`);
      }
    }
    return `{ ${parts.join(' ')} }`;
  }

  function caseArbitrary(field: GraphQLField<unknown, unknown>) {
    const args: Record<string, fc.Arbitrary<unknown>> = {};
    for (const arg of field.args) args[arg.name] = valueOf(arg.type, arg.name);
    return fc.record({
      variables: fc.record(args, { requiredKeys: [] }),
      as: fc.constantFrom(TEST_ADMIN_EMAIL, 'advisor'),
    });
  }

  /** Row counts and a content fingerprint of every application table. */
  const snapshot = async () => {
    const tables = (
      await app.sql<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
      )
    ).map((row) => row.table_name);
    const sql = `SELECT ${tables
      .map((t) => `(SELECT count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM public."${t}" x) AS "${t}"`)
      .join(', ')}`;
    return (await app.sql(sql))[0]!;
  };

  let casesRun = 0;

  it(`answers every query with data or a client error, whatever its arguments (≥ 1,000 cases, seed from FUZZ_SEED)`, async () => {
    const schema = app.app.get(GraphQLSchemaHost).schema;
    const queries = Object.values(schema.getQueryType()!.getFields()).filter((field) => field.args.length > 0);
    expect(queries.length).toBeGreaterThanOrEqual(20);
    const before = await snapshot();
    const failures: string[] = [];
    for (const field of queries) {
      const definitions = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
      const call = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const query = `query Fuzz(${definitions}) { ${field.name}(${call}) ${selectionOf(field.type)} }`;
      try {
        await fc.assert(
          fc.asyncProperty(caseArbitrary(field), async ({ variables, as }) => {
            casesRun += 1;
            errorLines.length = 0;
            const response = await app.graphql(query, { variables, as: as === 'advisor' ? advisorEmail : as });
            const codes = (response.errors ?? []).map((error) => String(error.extensions?.code));
            const unexpected = codes.filter((code) => !CLIENT_ERRORS.includes(code));
            if (response.status >= 500 || unexpected.length > 0 || errorLines.length > 0) {
              throw new Error(
                `${field.name} as ${as}: HTTP ${response.status}, codes ${JSON.stringify(codes)}, unexpected ${JSON.stringify(unexpected)}; ` +
                  `${JSON.stringify(variables).slice(0, 300)}; ` +
                  `${JSON.stringify(response.errors)?.slice(0, 400)}, logged: ${errorLines.join(' | ').slice(0, 400)}`,
              );
            }
          }),
          { seed: SEED, numRuns: RUNS_PER_QUERY, endOnFailure: !process.env.FUZZ_SHRINK, includeErrorInReport: true },
        );
      } catch (error) {
        const message = (error as Error).message;
        const got = message.indexOf('Got error');
        failures.push(`FUZZ_SEED=${SEED} ${field.name} — ${(got >= 0 ? message.slice(got) : message).slice(0, 1500)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, TIMEOUT);

  it('ran at least 1,000 generated cases', () => {
    if (!process.env.FUZZ_QUERY_RUNS) expect(casesRun).toBeGreaterThanOrEqual(1000);
    expect(casesRun).toBeGreaterThan(0);
  });

  it('has an oracle that notices an internal error (a query that fails on the server is reported)', async () => {
    // Not a client mistake: the server cannot read its own table. The oracle above must see such an answer.
    await app.sql(`ALTER TABLE journees_quebec_events RENAME TO journees_quebec_events_hidden`);
    try {
      errorLines.length = 0;
      const response = await app.graphql(`{ journeesQuebecEvents { totalCount } }`);
      expect(response.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(errorLines.length).toBeGreaterThan(0);
    } finally {
      await app.sql(`ALTER TABLE journees_quebec_events_hidden RENAME TO journees_quebec_events`);
    }
  });
});
