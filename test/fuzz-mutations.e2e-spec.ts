import fc from 'fast-check';
import { addDays, todayInQuebec } from '../src/common/calendar.js';
import {
  addCompanyContact,
  addRecruitmentNeed,
  createAdvisor,
  createCompany,
  createJourneesQuebecEvent,
  logInteraction,
  openFile,
  referToPortail,
  registerCompanyForEvent,
  uniqueCompanyName,
} from './support/factories.js';
import { dataOf, TestApp, type GraphQLResponse } from './support/test-app.js';

/**
 * Property-based tests of every mutation's input handling: a valid input with ONE field made invalid must be
 * refused with BAD_USER_INPUT (a GraphQL-level type error may be reported before anything runs) and must change
 * nothing in the database. Then nasty but valid strings must round-trip exactly.
 *
 * Reproduce a run with FUZZ_SEED=<seed> (printed in every failure); FUZZ_RUNS sets the cases per mutation.
 */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_240_611;
const RUNS_PER_MUTATION = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 56; // 19 mutations × 56 = 1,064 cases

const TIMEOUT = 120_000;

// ---------------------------------------------------------------------------------------------------------------
// Invalid values. `typeError`: graphql-js refuses the value while coercing variables (wrong type, unknown enum
// value, missing required field), before any resolver runs; otherwise the validation pipe or the service must
// refuse it with BAD_USER_INPUT naming the field (`blames`, `input.<field>` by default).
// ---------------------------------------------------------------------------------------------------------------

interface Bad {
  value: unknown;
  typeError: boolean;
  why: string;
  blames?: string;
}
const invalid = (value: unknown, why: string, blames?: string): Bad => ({ value, typeError: false, why, ...(blames ? { blames } : {}) });
const typeError = (value: unknown, why: string): Bad => ({ value, typeError: true, why });
const one = (...values: Bad[]) => fc.constantFrom(...values);

const CONTROL_CHARACTERS = ['\u0000', '\u0007', '\u001b'];
const HUGE_NUMBERS = [2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e21, 1e300, -1e300];
const OMITTED = undefined; // JSON.stringify drops it: "required field not provided"

/** Values of the wrong JSON type for a String (or ID when `integersAreIds`) field. */
const notAString = (integersAreIds = false) =>
  fc.oneof(
    integersAreIds
      ? fc.integer().map((n) => invalid(n, `integer ${n} as an ID`))
      : fc.integer().map((n) => typeError(n, `number ${n}`)),
    fc.constantFrom(...HUGE_NUMBERS).map((n) => typeError(n, `huge number ${n}`)),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).filter((n) => !Number.isInteger(n)).map((n) => typeError(n, `fraction ${n}`)),
    fc.boolean().map((b) => typeError(b, `boolean ${b}`)),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }).map((o) => typeError(o, 'object')),
    fc.array(fc.string({ maxLength: 5 }), { minLength: 0, maxLength: 3 }).map((a) => typeError(a, 'array')),
  );

/** Values of the wrong JSON type for an Int field. */
const notAnInt = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map((n) => typeError(String(n), `string "${n}"`)),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).filter((n) => !Number.isInteger(n)).map((n) => typeError(n, `fraction ${n}`)),
  fc.constantFrom(...HUGE_NUMBERS).map((n) => typeError(n, `out of 32 bits: ${n}`)),
  one(typeError(true, 'boolean'), typeError({ value: 1 }, 'object'), typeError([1], 'array'), typeError('', 'empty string')),
);

const withControlCharacter = fc
  .tuple(fc.constantFrom(...CONTROL_CHARACTERS), fc.string({ unit: 'grapheme-ascii', maxLength: 8 }))
  .map(([c, s]) => invalid(`Nom${c}${s}fin`, `control character U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

/** Just above `max` characters (several alphabets, a 4-byte emoji), and 100,000 characters. */
const tooLong = (max: number) =>
  fc.oneof(
    fc.constantFrom('x', 'é', 'Œ', '😀').map((c) => invalid(c.repeat(max + 1), `${max + 1} × "${c}" (max ${max})`)),
    fc.integer({ min: max + 1, max: max + 40 }).map((n) => invalid('w'.repeat(n), `${n} characters (max ${max})`)),
    fc.constant(invalid('y'.repeat(100_000), '100,000 characters')),
  );

/** A free-text field: wrong types, too long, control characters; blank too when required. */
const text = (max: number, options: { required: boolean; nullable: boolean }) =>
  fc.oneof(
    notAString(),
    tooLong(max),
    withControlCharacter,
    ...(options.required ? [one(invalid('', 'empty'), invalid('   ', 'blank'), invalid(' \t\n ', 'whitespace only'))] : []),
    ...(options.nullable ? [] : [one(typeError(null, 'null for a required field'), typeError(OMITTED, 'omitted required field'))]),
  );

/** Something that is not one of the formats of a field (SQL and HTML fragments included). */
const badFormat = (values: string[], blames?: string) => fc.constantFrom(...values).map((v) => invalid(v, `bad format ${JSON.stringify(v)}`, blames));

const regionCode = (required: boolean) =>
  fc.oneof(
    badFormat(['18', '6', '00', '1', '013', '19', "13' OR '1'='1", '13; DROP TABLE regions', '<b>13</b>', '１３', '1\u00003', '', 'XIII']),
    notAString(),
    ...(required ? [one(typeError(null, 'null'), typeError(OMITTED, 'omitted'))] : []),
  );

const regionCodes = (options: { emptyInvalid: boolean; required: boolean }) =>
  fc.oneof(
    fc.constantFrom(['18'], ['13', '18'], ['6'], ['00'], ["13' OR '1'='1"], ['<script>alert(1)</script>'], ['1\u00073']).map((v) => invalid(v, `bad codes ${JSON.stringify(v)}`)),
    fc.constant(invalid('18', 'a single bad code (coerced to a list)')),
    fc.constant(invalid([...Array.from({ length: 17 }, (_, i) => String(i + 1).padStart(2, '0')), '13'], '18 codes (max 17)')),
    ...(options.emptyInvalid ? [fc.constant(invalid([], 'no region for an ADVISOR'))] : []),
    one(typeError([13], 'number in the list'), typeError([null], 'null in the list'), typeError({ code: '13' }, 'object'), typeError(13, 'number')),
    ...(options.required ? [one(typeError(null, 'null'), typeError(OMITTED, 'omitted'))] : []),
  );

/** An ID that is not a UUID (an existing-looking one is NOT_FOUND, which is not what this tests). */
const notAUuid = (required: boolean) =>
  fc.oneof(
    badFormat([
      'not-a-uuid',
      '',
      '1234',
      "'; DROP TABLE companies; --",
      "00000000-0000-4000-8000-000000000001' OR '1'='1",
      '<script>alert(1)</script>',
      '00000000-0000-4000-8000-00000000000g',
      '00000000-0000-4000-8000-0000000000011',
      '00000000-0000-4000-8000-00000000\u00000001',
      '{00000000-0000-4000-8000-000000000001}',
    ]),
    notAString(true),
    ...(required ? [one(typeError(null, 'null'), typeError(OMITTED, 'omitted'))] : []),
  );

/** A well-formed UUID of nothing: refused with BAD_USER_INPUT where the input refers to another record. */
const unknownUuid = fc.uuid().map((id) => invalid(id, `unknown id ${id}`));

const intOutOfRange = (min: number, max: number) =>
  fc.oneof(
    fc.constantFrom(min - 1, max + 1, -1, 0, 1001, 1441, 2 ** 31 - 1, -(2 ** 31)).filter((n) => n < min || n > max).map((n) => invalid(n, `${n} (range ${min}..${max})`)),
    fc.integer({ min: max + 1, max: 2 ** 31 - 1 }).map((n) => invalid(n, `${n} above ${max}`)),
    fc.integer({ min: -(2 ** 31), max: min - 1 }).map((n) => invalid(n, `${n} below ${min}`)),
  );

const intField = (min: number, max: number, required: boolean) =>
  fc.oneof(intOutOfRange(min, max), notAnInt, ...(required ? [one(typeError(null, 'null'), typeError(OMITTED, 'omitted'))] : []));

/** A version (no range: any other integer is a stale version, CONFLICT): only wrong types are invalid. */
const version = (required: boolean) =>
  fc.oneof(notAnInt, ...(required ? [one(typeError(null, 'null'), typeError(OMITTED, 'omitted'))] : []));

const today = todayInQuebec();

/** Not a calendar date written YYYY-MM-DD; `notFuture`: also dates after today. */
const date = (options: { required: boolean; notFuture?: boolean; tooEarly?: string[] }) =>
  fc.oneof(
    fc
      .constantFrom(
        '2021-02-30',
        '2021-02-29',
        '31/12/2021',
        '',
        '2021-13-01',
        '2021-00-10',
        '2021-1-1',
        '20210101',
        '2021-01-01T00:00:00Z',
        "2021-01-01' OR '1'='1",
        '2021-01-01\u0000',
        'aujourd’hui',
        '+02021-01-01',
        '0000-01-01',
      )
      .map((v) => typeError(v, `not a date ${JSON.stringify(v)}`)),
    fc.oneof(fc.integer(), fc.boolean(), fc.constant({ year: 2021 }), fc.constant(['2021-01-01'])).map((v) => typeError(v, `wrong type ${JSON.stringify(v)}`)),
    ...(options.notFuture
      ? [
          fc.constantFrom('2999-01-01', '9999-12-31', addDays(today, 1), addDays(today, 400)).map((v) => invalid(v, `future date ${v}`)),
          fc.integer({ min: 2, max: 3000 }).map((n) => invalid(addDays(today, n), `${n} days in the future`)),
        ]
      : []),
    ...(options.tooEarly?.length ? [fc.constantFrom(...options.tooEarly).map((v) => invalid(v, `too early ${v}`))] : []),
    ...(options.required ? [one(typeError(null, 'null'), typeError(OMITTED, 'omitted'))] : []),
  );

/** Not a value of the enum (GraphQL refuses it); `refused`: values of the enum that the rules refuse here. */
const enumField = (valid: string[], options: { required: boolean; refused?: Bad[] }) =>
  fc.oneof(
    fc
      .constantFrom('UNKNOWN', valid[0]!.toLowerCase(), ` ${valid[0]}`, `${valid[0]}' OR '1'='1`, '<script>', '', `${valid[0]}\u0000`)
      .map((v) => typeError(v, `unknown enum value ${JSON.stringify(v)}`)),
    one(typeError(1, 'number'), typeError(true, 'boolean'), typeError({}, 'object'), typeError([valid[0]], 'list for a single value')),
    ...(options.refused?.length ? [fc.constantFrom(...options.refused)] : []),
    ...(options.required ? [one(typeError(null, 'null'), typeError(OMITTED, 'omitted'))] : []),
  );

/** A list of enum values: empty, duplicates, unknown values, wrong types. */
const enumList = (valid: string[], required: boolean) =>
  fc.oneof(
    fc.constant(invalid([], 'empty list')),
    fc.constantFrom(...valid).map((v) => invalid([v, v], `duplicate ${v}`)),
    fc.constantFrom(['UNKNOWN'], [valid[0]!.toLowerCase()], [null], [1], ["RECRUITMENT' OR '1'='1"]).map((v) => typeError(v, `bad list ${JSON.stringify(v)}`)),
    one(typeError(1, 'number'), typeError({}, 'object')),
    ...(required ? [one(typeError(null, 'null'), typeError(OMITTED, 'omitted'))] : []),
  );

const email = () =>
  fc.oneof(
    badFormat([
      'pas-un-courriel',
      'a@b',
      '@example.com',
      'nadia@',
      'nadia côté@example.com',
      '<script>alert(1)</script>@example.com',
      "x@example.com' OR '1'='1",
      'nadia@exa\u0000mple.com',
      `${'a'.repeat(250)}@example.com`,
    ]),
    notAString(),
  );

const booleanField = one(typeError('true', 'string "true"'), typeError(1, 'number 1'), typeError({}, 'object'), typeError([true], 'list'));

const wage = fc.oneof(
  fc.constantFrom(-1, -0.01, 10_000, 1.234, 99_999_999, 1e300, 2 ** 31).map((n) => invalid(n, `wage ${n}`)),
  fc.double({ min: 0, max: 9999, noNaN: true }).filter((n) => Math.abs(n * 100 - Math.round(n * 100)) > 1e-3).map((n) => invalid(n, `wage with 3+ decimals ${n}`)),
  one(typeError('15.50', 'string'), typeError(true, 'boolean'), typeError({}, 'object')),
);

// ---------------------------------------------------------------------------------------------------------------

interface MutationSpec {
  name: string;
  inputType: string;
  /** A valid input (fresh unique values at each call). */
  valid: () => Record<string, unknown>;
  fields: Record<string, fc.Arbitrary<Bad>>;
}

interface Case {
  field: string;
  bad: Bad;
}

/** Row counts and a content fingerprint of every application table, and the highest audit row id. */
type Snapshot = Record<string, string | number>;

describe('mutations under fuzzed input', () => {
  let app: TestApp;
  let snapshotSql: string;
  let tables: string[];

  const f: Record<string, any> = {};
  let sequence = 0;
  const next = () => `${++sequence}-${Math.random().toString(36).slice(2, 7)}`;

  beforeAll(async () => {
    app = await TestApp.start();
    tables = (
      await app.sql<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
      )
    ).map((row) => row.table_name);
    expect(tables).toEqual(expect.arrayContaining(['companies', 'audit_log', 'interactions', 'portail_referrals']));
    snapshotSql = `SELECT ${tables
      .map((t) => `(SELECT count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM public."${t}" x) AS "${t}"`)
      .join(', ')}, (SELECT coalesce(max(id), 0)::text FROM audit_log) AS "audit_log.max(id)"`;

    // Valid records to start from, built through the API.
    f.advisor = await createAdvisor(app, { regionCodes: ['13'] });
    f.editedAdvisor = await createAdvisor(app, { regionCodes: ['13'] });
    f.company = await createCompany(app, { regionCode: '13' });
    f.editedCompany = await createCompany(app, { regionCode: '13', municipality: 'Laval' });
    f.contact = await addCompanyContact(app, f.company.id);
    f.fileCompany = await createCompany(app, { regionCode: '13' });
    f.openCompany = await createCompany(app, { regionCode: '13' });
    const opened = addDays(today, -30);
    f.file = await openFile(app, undefined, { companyId: f.fileCompany.id, advisorId: f.advisor.id, openedOn: opened });
    f.fileToClose = await openFile(app, undefined, { companyId: f.company.id, advisorId: f.advisor.id, openedOn: opened });
    f.fileToHold = await openFile(app, undefined, { companyId: f.editedCompany.id, advisorId: f.advisor.id, openedOn: opened });
    f.interaction = await logInteraction(app, undefined, { accompanimentId: f.file.id, occurredOn: addDays(today, -10) });
    f.need = await addRecruitmentNeed(app, undefined, { companyId: f.company.id });
    f.event = await createJourneesQuebecEvent(app);
    // An event that starts today, to attend it and record outcomes.
    f.eventToday = await createJourneesQuebecEvent(app, { startsOn: today, endsOn: today, registrationDeadline: today });
    f.participation = await registerCompanyForEvent(app, undefined, { eventId: f.eventToday.id, companyId: f.company.id });
    f.participation = dataOf(
      await app.graphql(`mutation ($id: ID!) { markAttended(id: $id) { id version } }`, { variables: { id: f.participation.id } }),
    ).markAttended;
    f.referralCompany = await createCompany(app, { regionCode: '13' });
    f.referral = await referToPortail(app, undefined, { companyId: f.company.id, on: addDays(today, -5) });
  });
  afterAll(() => app?.close());

  const snapshot = async (): Promise<Snapshot> => (await app.sql<Snapshot>(snapshotSql))[0]!;

  const specs = (): MutationSpec[] => [
    {
      name: 'createAdvisor',
      inputType: 'CreateAdvisorInput',
      valid: () => ({ email: `fuzz.${next()}@test.crm.example`, fullName: 'Nadia Côté', role: 'ADVISOR', regionCodes: ['13'] }),
      fields: {
        email: fc.oneof(email(), one(typeError(null, 'null'), typeError(OMITTED, 'omitted'))),
        fullName: text(200, { required: true, nullable: false }),
        role: enumField(['ADVISOR', 'MANAGER', 'ANALYST', 'ADMIN'], {
          required: true,
          refused: [invalid('MANAGER', 'MANAGER without a direction', 'input.directionCode')],
        }),
        regionCodes: regionCodes({ emptyInvalid: true, required: true }),
        directionCode: fc.oneof(badFormat(['lll', 'ZZZ', 'A', 'ABCDEFGHI', "LLL' OR '1'='1", '<b>LLL</b>', 'LL\u0000L']), notAString()),
        servicePointId: fc.oneof(notAUuid(false), unknownUuid),
      },
    },
    {
      name: 'updateAdvisor',
      inputType: 'UpdateAdvisorInput',
      valid: () => ({ id: f.editedAdvisor.id, version: f.editedAdvisor.version, fullName: `Nadia Roy ${next()}` }),
      fields: {
        id: notAUuid(true),
        version: version(true),
        fullName: text(200, { required: true, nullable: true }),
        role: enumField(['ADVISOR', 'MANAGER', 'ANALYST', 'ADMIN'], {
          required: false,
          refused: [invalid('MANAGER', 'MANAGER without a direction', 'input.directionCode')],
        }),
        regionCodes: regionCodes({ emptyInvalid: true, required: false }),
        directionCode: fc.oneof(badFormat(['lll', 'ZZZ', 'A', 'ABCDEFGHI', "LLL' OR '1'='1", '<b>LLL</b>']), notAString()),
        servicePointId: fc.oneof(notAUuid(false), unknownUuid),
        active: booleanField,
      },
    },
    {
      name: 'createServicePoint',
      inputType: 'CreateServicePointInput',
      valid: () => ({ regionCode: '13', name: `Bureau ${next()}`, municipality: 'Laval', postalCode: 'H7N 5J3' }),
      fields: {
        regionCode: regionCode(true),
        name: text(200, { required: true, nullable: false }),
        address: text(300, { required: false, nullable: true }),
        municipality: text(100, { required: false, nullable: true }),
        postalCode: fc.oneof(badFormat(['90210', 'H7N 5J', 'D1A 1A1', '<script>', "H7N' OR '1'='1", 'H7N5J3H7N5']), text(10, { required: false, nullable: true })),
        phone: text(40, { required: false, nullable: true }),
        email: email(),
      },
    },
    {
      name: 'createCompany',
      inputType: 'CreateCompanyInput',
      valid: () => ({ legalName: uniqueCompanyName('Fuzz'), regionCode: '13', confirmNotDuplicate: true, municipality: 'Laval', naicsCode: '332710' }),
      fields: companyFields(true),
    },
    {
      name: 'updateCompany',
      inputType: 'UpdateCompanyInput',
      valid: () => ({ id: f.editedCompany.id, version: f.editedCompany.version, municipality: `Laval ${next()}` }),
      fields: { id: notAUuid(true), version: version(true), ...companyFields(false) },
    },
    {
      name: 'addCompanyContact',
      inputType: 'AddCompanyContactInput',
      valid: () => ({ companyId: f.company.id, firstName: 'Camille', lastName: `Gagnon ${next()}`, title: 'Directrice RH', phone: '450 555-0101' }),
      fields: {
        companyId: fc.oneof(notAUuid(true), unknownUuid),
        firstName: text(100, { required: true, nullable: false }),
        lastName: text(100, { required: true, nullable: false }),
        title: text(150, { required: false, nullable: true }),
        email: email(),
        phone: text(40, { required: false, nullable: true }),
        preferredLanguage: enumField(['FR', 'EN'], { required: false }),
      },
    },
    {
      name: 'updateCompanyContact',
      inputType: 'UpdateCompanyContactInput',
      valid: () => ({ id: f.contact.id, version: f.contact.version, title: `Directeur ${next()}` }),
      fields: {
        id: notAUuid(true),
        version: version(true),
        firstName: text(100, { required: true, nullable: true }),
        lastName: text(100, { required: true, nullable: true }),
        title: text(150, { required: false, nullable: true }),
        email: email(),
        phone: text(40, { required: false, nullable: true }),
        preferredLanguage: enumField(['FR', 'EN'], { required: false }),
      },
    },
    {
      name: 'openAccompaniment',
      inputType: 'OpenAccompanimentInput',
      valid: () => ({ companyId: f.openCompany.id, advisorId: f.advisor.id, serviceLevel: 'PERSONALIZED', themes: ['RECRUITMENT', 'WELCOME'], openedOn: today }),
      fields: {
        companyId: fc.oneof(notAUuid(true), unknownUuid),
        advisorId: fc.oneof(notAUuid(false), unknownUuid),
        regionCode: fc.oneof(regionCode(false), fc.constant(invalid('14', 'a region the advisor does not have', 'input.advisorId'))),
        serviceLevel: enumField(['INFORMATION', 'REFERRAL', 'PERSONALIZED'], { required: true }),
        themes: enumList(['ATTRACTION', 'RECRUITMENT', 'WELCOME', 'INTEGRATION', 'RETENTION', 'IMMIGRATION_PROCEDURES'], true),
        openedOn: date({ required: false, notFuture: true }),
      },
    },
    {
      name: 'closeAccompaniment',
      inputType: 'CloseAccompanimentInput',
      valid: () => ({ id: f.fileToClose.id, closedOn: today, outcome: 'NEEDS_MET' }),
      fields: {
        id: notAUuid(true),
        version: version(false),
        closedOn: date({ required: true, notFuture: true, tooEarly: ['1999-12-31', addDays(today, -31)] }),
        outcome: enumField(['NEEDS_MET', 'REFERRED_ELSEWHERE', 'NO_LONGER_NEEDED', 'UNREACHABLE', 'OTHER'], { required: false }),
      },
    },
    {
      name: 'putAccompanimentOnHold',
      inputType: 'PutAccompanimentOnHoldInput',
      valid: () => ({ id: f.fileToHold.id, on: today }),
      fields: {
        id: notAUuid(true),
        version: version(false),
        on: date({ required: false, notFuture: true, tooEarly: ['2000-01-01', addDays(today, -31)] }),
      },
    },
    {
      name: 'logInteraction',
      inputType: 'LogInteractionInput',
      valid: () => ({ accompanimentId: f.file.id, occurredOn: today, kind: 'MEETING', mode: 'IN_PERSON', durationMinutes: 45, summary: `Rencontre ${next()}` }),
      fields: {
        accompanimentId: notAUuid(true),
        occurredOn: date({ required: true, notFuture: true, tooEarly: ['2019-01-01', addDays(today, -31)] }),
        kind: enumField(['CALL', 'MEETING', 'EMAIL', 'SITE_VISIT', 'INFORMATION_SESSION', 'OTHER'], { required: true }),
        mode: enumField(['IN_PERSON', 'VIRTUAL', 'PHONE', 'EMAIL'], { required: true }),
        durationMinutes: intField(1, 1440, true),
        summary: text(4000, { required: true, nullable: false }),
      },
    },
    {
      name: 'updateInteraction',
      inputType: 'UpdateInteractionInput',
      valid: () => ({ id: f.interaction.id, version: f.interaction.version, summary: `Suivi ${next()}` }),
      fields: {
        id: notAUuid(true),
        version: version(true),
        occurredOn: date({ required: false, notFuture: true, tooEarly: ['2019-01-01', addDays(today, -31)] }),
        kind: enumField(['CALL', 'MEETING'], { required: false }),
        mode: enumField(['IN_PERSON', 'PHONE'], { required: false }),
        durationMinutes: fc.oneof(intOutOfRange(1, 1440), notAnInt),
        summary: text(4000, { required: true, nullable: true }),
      },
    },
    {
      name: 'createRecruitmentNeed',
      inputType: 'CreateRecruitmentNeedInput',
      valid: () => ({
        companyId: f.company.id,
        nocCode: '72106',
        title: `Soudeur ${next()}`,
        positions: 3,
        employmentType: 'PERMANENT',
        channels: ['LOCAL', 'INTERNATIONAL_RECRUITMENT'],
        hourlyWage: 27.5,
        frenchLevel: 'INTERMEDIATE',
        workRegionCode: '13',
        openedOn: today,
      }),
      fields: {
        companyId: fc.oneof(notAUuid(true), unknownUuid),
        accompanimentId: fc.oneof(notAUuid(false), unknownUuid),
        nocCode: fc.oneof(
          badFormat(['76106', '99', '7210', '721066', '79999', 'abcde', "72106' --", '<script>', '7 2106', '72106\u0000']),
          text(10, { required: true, nullable: false }),
        ),
        title: text(200, { required: true, nullable: false }),
        positions: intField(1, 1000, true),
        workRegionCode: regionCode(false),
        employmentType: enumField(['PERMANENT', 'TEMPORARY', 'SEASONAL'], { required: true }),
        hourlyWage: wage,
        frenchLevel: enumField(['NOT_REQUIRED', 'ADVANCED'], { required: false }),
        channels: enumList(['LOCAL', 'INTERREGIONAL_MOBILITY', 'INTERNATIONAL_RECRUITMENT', 'TEMPORARY_FOREIGN_WORKERS'], true),
        openedOn: date({ required: false, notFuture: true }),
      },
    },
    {
      name: 'recordPositionsFilled',
      inputType: 'RecordPositionsFilledInput',
      valid: () => ({ id: f.need.id, positionsFilled: 1, on: today }),
      fields: {
        id: notAUuid(true),
        positionsFilled: fc.oneof(intField(0, 1000, true), fc.integer({ min: 3, max: 1000 }).map((n) => invalid(n, `${n} filled of 2 positions`))),
        version: version(false),
        on: date({ required: false, notFuture: true, tooEarly: ['2000-01-01'] }),
      },
    },
    {
      name: 'createJourneesQuebecEvent',
      inputType: 'CreateJourneesQuebecEventInput',
      valid: () => ({
        name: `Journées Québec ${next()}`,
        city: 'Paris',
        country: 'France',
        mode: 'HYBRID',
        startsOn: addDays(today, 60),
        endsOn: addDays(today, 62),
        registrationDeadline: addDays(today, 40),
      }),
      fields: {
        name: text(200, { required: true, nullable: false }),
        city: text(100, { required: true, nullable: false }),
        country: text(100, { required: true, nullable: false }),
        mode: enumField(['IN_PERSON', 'VIRTUAL', 'HYBRID'], { required: true }),
        startsOn: date({ required: true }),
        endsOn: fc.oneof(date({ required: true }), fc.constant(invalid(addDays(today, 59), 'ends before it starts'))),
        registrationDeadline: fc.oneof(date({ required: true }), fc.constant(invalid(addDays(today, 61), 'deadline after the start'))),
        status: enumField(['PLANNED', 'REGISTRATION_OPEN'], {
          required: false,
          refused: [invalid('HELD', 'created HELD'), invalid('CANCELLED', 'created CANCELLED')],
        }),
      },
    },
    {
      name: 'registerForEvent',
      inputType: 'RegisterForEventInput',
      valid: () => ({ eventId: f.event.id, companyId: f.company.id, recruitmentNeedIds: [f.need.id] }),
      fields: {
        eventId: fc.oneof(notAUuid(true), unknownUuid),
        companyId: fc.oneof(notAUuid(true), unknownUuid),
        recruitmentNeedIds: fc.oneof(
          fc.constantFrom(['nope'], ["'; DROP TABLE recruitment_needs; --"], ['<script>']).map((v) => invalid(v, `bad ids ${JSON.stringify(v)}`)),
          fc.uuid().map((id) => invalid([id], 'a need that does not exist')),
          fc.uuid().map((id) => invalid([id, id], 'duplicate ids')),
          fc.uniqueArray(fc.uuid(), { minLength: 51, maxLength: 60 }).map((ids) => invalid(ids, `${ids.length} needs (max 50)`)),
          fc.constantFrom([1.5], [null], {}, true).map((v) => typeError(v, `wrong type ${JSON.stringify(v)}`)),
          one(typeError(null, 'null'), typeError(OMITTED, 'omitted')),
        ),
      },
    },
    {
      name: 'recordEventOutcome',
      inputType: 'RecordEventOutcomeInput',
      valid: () => ({ participationId: f.participation.id, candidatesMet: 10, interviewsHeld: 5, offersMade: 2, hires: 1 }),
      fields: {
        participationId: notAUuid(true),
        candidatesMet: fc.oneof(intField(0, 100_000, true), fc.integer({ min: 0, max: 4 }).map((n) => invalid(n, `${n} met < 5 interviews`, 'input.interviewsHeld'))),
        interviewsHeld: intField(0, 100_000, true),
        offersMade: intField(0, 100_000, true),
        hires: fc.oneof(intField(0, 100_000, true), fc.integer({ min: 3, max: 100_000 }).map((n) => invalid(n, `${n} hires > 2 offers`))),
        version: version(false),
      },
    },
    {
      name: 'referToPortail',
      inputType: 'ReferToPortailInput',
      valid: () => ({ companyId: f.referralCompany.id, on: today }),
      fields: {
        companyId: fc.oneof(notAUuid(true), unknownUuid),
        accompanimentId: fc.oneof(notAUuid(false), unknownUuid),
        on: date({ required: false, notFuture: true }),
      },
    },
    {
      name: 'advancePortailReferral',
      inputType: 'AdvancePortailReferralInput',
      valid: () => ({ id: f.referral.id, step: 'ACCOUNT_CREATED', on: today }),
      fields: {
        id: notAUuid(true),
        step: enumField(['REFERRED', 'ACCOUNT_CREATED', 'HIRED'], {
          required: true,
          refused: [invalid('REFERRED', 'not a step forward')],
        }),
        on: date({ required: true, notFuture: true, tooEarly: ['2019-01-01', addDays(today, -6)] }),
        version: version(false),
      },
    },
  ];

  function companyFields(create: boolean): Record<string, fc.Arbitrary<Bad>> {
    return {
      legalName: text(300, { required: true, nullable: !create }),
      regionCode: regionCode(create),
      neq: fc.oneof(
        badFormat(['123456789', '12345678901', '12345abcde', 'ABCDEFGHIJ', '<script>', "1170' OR '1'='1", '１１７０１２３４５６', '1170123456'.repeat(3), '117012345\u00006']),
        notAString(),
      ),
      naicsCode: fc.oneof(badFormat(['99', '00', '1', '3327101', '31a', "31' OR 1=1--", '<b>31</b>', '10']), notAString()),
      postalCode: fc.oneof(badFormat(['90210', 'H7N 5J', 'D1A 1A1', '<script>', "H7N' OR '1'='1", 'H7N5J3H7N5']), notAString()),
      otherNames: fc.oneof(
        fc.constant(invalid(['y'.repeat(301)], 'an other name of 301 characters')),
        fc.constant(invalid(['z'.repeat(100_000)], 'an other name of 100,000 characters')),
        fc.constant(invalid(Array.from({ length: 21 }, (_, i) => `Nom ${i}`), '21 other names (max 20)')),
        fc.constantFrom(...CONTROL_CHARACTERS).map((c) => invalid([`Nom${c}commercial`], 'control character in an other name')),
        fc.constantFrom([1], [null], { name: 'x' }, 1).map((v) => typeError(v, `wrong type ${JSON.stringify(v)}`)),
      ),
      sizeBand: enumField(['EMPLOYEES_1_4', 'EMPLOYEES_500_PLUS'], { required: false }),
      ownership: enumField(['PRIVATE', 'PUBLIC'], { required: false }),
      address: text(300, { required: false, nullable: true }),
      municipality: text(100, { required: false, nullable: true }),
      ...(create ? { confirmNotDuplicate: booleanField } : {}),
    };
  }

  const describeCase = (spec: MutationSpec, c: Case) =>
    `${spec.name} ${c.field} = ${c.bad.why}${c.bad.typeError ? ' (type error)' : ''}`;

  /** Runs one case; returns a description of what went wrong, or null. */
  async function check(spec: MutationSpec, c: Case): Promise<string | null> {
    const input = { ...spec.valid(), [c.field]: c.bad.value };
    const before = await snapshot();
    let response: GraphQLResponse;
    try {
      response = await app.graphql(`mutation ($input: ${spec.inputType}!) { ${spec.name}(input: $input) { __typename } }`, {
        variables: { input },
      });
    } catch (error) {
      return `no GraphQL answer: ${String(error)}`;
    }
    const after = await snapshot();
    const problems: string[] = [];
    if (response.data?.[spec.name] != null) problems.push(`answered data ${JSON.stringify(response.data)}`);
    const error = response.errors?.[0];
    const codes = c.bad.typeError ? ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'] : ['BAD_USER_INPUT'];
    if (!error || !codes.includes(String(error.extensions?.code))) {
      problems.push(`expected ${codes.join(' or ')}, got ${JSON.stringify(response.errors)?.slice(0, 600)}`);
    } else if (!c.bad.typeError && error.extensions?.code === 'BAD_USER_INPUT') {
      const blamed = c.bad.blames ?? `input.${c.field}`;
      const fields = (error.extensions.fields ?? []).map((x) => x.field);
      if (!fields.some((x) => x === blamed || x.startsWith(`${blamed}.`))) {
        problems.push(`expected extensions.fields to name ${blamed}, got ${JSON.stringify(fields)}`);
      }
    }
    const changed = Object.keys(before).filter((key) => before[key] !== after[key]);
    if (changed.length > 0) problems.push(`database changed: ${changed.map((k) => `${k} ${before[k]} → ${after[k]}`).join(', ')}`);
    return problems.length ? problems.join('; ') : null;
  }

  const caseArbitrary = (spec: MutationSpec): fc.Arbitrary<Case> =>
    fc.oneof(...Object.entries(spec.fields).map(([field, arbitrary]) => arbitrary.map((bad): Case => ({ field, bad }))));

  it('has an oracle that notices a mutation that was accepted and wrote rows', async () => {
    const spec = specs().find((s) => s.name === 'createServicePoint')!;
    const problem = await check(spec, { field: 'address', bad: invalid('1600, boulevard Le Corbusier', 'a valid address') });
    expect(problem).toMatch(/answered data .*expected BAD_USER_INPUT.*database changed: .*service_points .*audit_log\.max\(id\)/);
  });

  const MUTATIONS = [
    'createAdvisor',
    'updateAdvisor',
    'createServicePoint',
    'createCompany',
    'updateCompany',
    'addCompanyContact',
    'updateCompanyContact',
    'openAccompaniment',
    'closeAccompaniment',
    'putAccompanimentOnHold',
    'logInteraction',
    'updateInteraction',
    'createRecruitmentNeed',
    'recordPositionsFilled',
    'createJourneesQuebecEvent',
    'registerForEvent',
    'recordEventOutcome',
    'referToPortail',
    'advancePortailReferral',
  ];
  let casesRun = 0;

  it.each(MUTATIONS)(`%s refuses one invalid field with BAD_USER_INPUT and writes nothing (${RUNS_PER_MUTATION} cases, seed from FUZZ_SEED)`, async (name) => {
    const spec = specs().find((s) => s.name === name)!;
    try {
      await fc.assert(
        fc.asyncProperty(caseArbitrary(spec), async (c) => {
          casesRun += 1;
          const problem = await check(spec, c);
          if (problem) throw new Error(`${describeCase(spec, c)}: ${problem}`);
        }),
        { seed: SEED, numRuns: RUNS_PER_MUTATION, endOnFailure: !process.env.FUZZ_SHRINK },
      );
    } catch (error) {
      throw new Error(`FUZZ_SEED=${SEED} (rerun with FUZZ_SEED=${SEED} to reproduce) — ${(error as Error).message}`, { cause: error });
    }
    // The valid input itself is accepted: each refusal above came from the one field made invalid.
    const response = await app.graphql(`mutation ($input: ${spec.inputType}!) { ${spec.name}(input: $input) { __typename } }`, {
      variables: { input: spec.valid() },
    });
    expect(response.errors).toBeUndefined();
  }, TIMEOUT);

  it('ran at least 1,000 generated cases', () => {
    expect(casesRun).toBeGreaterThanOrEqual(Math.min(1000, RUNS_PER_MUTATION * MUTATIONS.length));
    if (!process.env.FUZZ_RUNS) expect(casesRun).toBeGreaterThanOrEqual(1000);
  });

  // -------------------------------------------------------------------------------------------------------------
  // Valid but nasty strings round-trip exactly.
  // -------------------------------------------------------------------------------------------------------------

  const NASTY = [
    `L'Œuvre "Québec" \`inc\``,
    'Pâtisserie ß & Œufs — ﬁne',
    'Emoji 😀 et famille 👩‍👩‍👧‍👦',
    'مرحبا بالعالم',
    'שלום עולם',
    "'; DROP TABLE companies; --",
    '<script>alert(1)</script>',
    'C:\\dossier\\nouveau \\n \\\\',
    '100% _sous_ contrôle',
    'Robert"); DELETE FROM audit_log; --',
    '${process.env.SECRET} {{7*7}}',
  ];
  /** Line breaks and tabs: kept in free text (an address, a summary), refused in names (single-line fields). */
  const MULTILINE = 'Ligne 1\nLigne 2\tTab';

  const READ = `query ($id: ID!, $file: ID!) {
    company(id: $id) { legalName otherNames address municipality contacts { firstName lastName title } }
    interactions(accompanimentId: $file) { edges { node { summary } } }
  }`;

  /** Creates a company, a contact and an interaction with these strings, and reads them back. */
  async function roundTrip(s: {
    legalName: string;
    otherNames: string[];
    address: string;
    municipality: string;
    firstName: string;
    lastName: string;
    title: string;
    summary: string;
  }) {
    const company = dataOf(
      await app.graphql(`mutation ($input: CreateCompanyInput!) { createCompany(input: $input) { id } }`, {
        variables: {
          input: { legalName: s.legalName, otherNames: s.otherNames, address: s.address, municipality: s.municipality, regionCode: '13', confirmNotDuplicate: true },
        },
      }),
    ).createCompany;
    await addCompanyContact(app, company.id, { firstName: s.firstName, lastName: s.lastName, title: s.title, email: null });
    const file = await openFile(app, undefined, { companyId: company.id, advisorId: f.advisor.id });
    await logInteraction(app, undefined, { accompanimentId: file.id, occurredOn: today, summary: s.summary });
    const read = dataOf(await app.graphql(READ, { variables: { id: company.id, file: file.id } }));
    expect({
      legalName: read.company.legalName,
      otherNames: read.company.otherNames,
      address: read.company.address,
      municipality: read.company.municipality,
      firstName: read.company.contacts[0].firstName,
      lastName: read.company.contacts[0].lastName,
      title: read.company.contacts[0].title,
      summary: read.interactions.edges[0].node.summary,
    }).toEqual(s);
  }

  it('stores and returns quotes, emoji, accents, ligatures, RTL text, SQL and HTML fragments, backslashes and wildcards exactly', async () => {
    for (const value of NASTY) {
      await roundTrip({
        legalName: `${value} ${next()}`,
        otherNames: [value, `${value} bis`],
        address: `${value}\n${MULTILINE}`,
        municipality: value,
        firstName: value,
        lastName: value,
        title: value,
        summary: `${value}\n${NASTY.join(' | ')}\n${MULTILINE}`,
      });
    }
  });

  /**
   * What the API accepts: trimmed, non-empty, no control character — in free text (`multiline`), tab and line breaks
   * aside; in a single-line field, none at all, nor the Unicode line separators.
   */
  const MULTILINE_TEXT = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$/;
  const SINGLE_LINE = /^[^\u0000-\u001F\u007F-\u009F\u2028\u2029]*$/;
  const acceptable = (max: number, multiline: boolean) => (s: string) =>
    s.length > 0 && s === s.trim() && (multiline ? MULTILINE_TEXT : SINGLE_LINE).test(s) && [...s].length <= max;
  const nasty = (unit: 'grapheme' | 'binary' | 'binary-ascii' | 'grapheme-ascii', max: number, maxLength: number, multiline: boolean) =>
    fc.string({ unit, minLength: 1, maxLength }).filter(acceptable(max, multiline));
  const anyUnit = (max: number, maxLength = 40, multiline = false) =>
    fc.oneof(
      nasty('grapheme', max, maxLength, multiline),
      nasty('binary', max, maxLength, multiline),
      nasty('binary-ascii', max, maxLength, multiline),
      fc.constantFrom(...NASTY, ...(multiline ? [MULTILINE] : [])),
    );

  it('round-trips generated strings the API accepts exactly (property)', async () => {
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            legalName: anyUnit(300),
            otherNames: fc.uniqueArray(anyUnit(300, 20), { minLength: 0, maxLength: 4 }),
            address: anyUnit(300, 40, true),
            municipality: anyUnit(100, 20),
            firstName: anyUnit(100, 20),
            lastName: anyUnit(100, 20),
            title: anyUnit(150, 30),
            summary: anyUnit(4000, 200, true),
          }),
          async (s) => {
            await roundTrip({ ...s, legalName: `${s.legalName} ${next()}` });
          },
        ),
        { seed: SEED, numRuns: Number(process.env.FUZZ_ROUND_TRIPS ?? 25), endOnFailure: !process.env.FUZZ_SHRINK },
      );
    } catch (error) {
      throw new Error(`FUZZ_SEED=${SEED} (rerun with FUZZ_SEED=${SEED} to reproduce) — ${(error as Error).message}`, { cause: error });
    }
  }, TIMEOUT);

  /** A valid-looking input at the documented maximum is stored, or refused with BAD_USER_INPUT: never an internal error. */
  async function createCompanyAtLimit(input: Record<string, unknown>) {
    const before = await snapshot();
    const response = await app.graphql(`mutation ($input: CreateCompanyInput!) { createCompany(input: $input) { id legalName otherNames } }`, {
      variables: { input: { regionCode: '13', confirmNotDuplicate: true, ...input } },
    });
    if (response.errors) {
      expect(response.errors[0]!.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await snapshot()).toEqual(before);
    } else {
      expect(response.data!.createCompany).toMatchObject(input);
    }
  }

  it('stores a 300-character legal name whose last character carries a variation selector (❤️), or refuses it as too long', async () => {
    // class-validator's MaxLength does not count U+FE0F; PostgreSQL's varchar(300) does.
    await createCompanyAtLimit({ legalName: `${'a'.repeat(299)}❤️` });
  });

  it('stores a 300-character legal name made of "R&D" (the duplicate key spells & as " et "), or refuses it', async () => {
    await createCompanyAtLimit({ legalName: 'R&D'.repeat(100) });
  });

  it('stores a 4,000-character interaction summary ending in ❤️, or refuses it as too long', async () => {
    const summary = `${'s'.repeat(3999)}❤️`;
    const before = await snapshot();
    const response = await app.graphql(`mutation ($input: LogInteractionInput!) { logInteraction(input: $input) { summary } }`, {
      variables: { input: { accompanimentId: f.file.id, occurredOn: today, kind: 'CALL', mode: 'PHONE', durationMinutes: 5, summary } },
    });
    if (response.errors) {
      expect(response.errors[0]!.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await snapshot()).toEqual(before);
    } else {
      expect(response.data!.logInteraction.summary).toBe(summary);
    }
  });

  it('stores a legal name with a lone surrogate exactly, or refuses it (never silently replaces it with U+FFFD)', async () => {
    await createCompanyAtLimit({ legalName: `Entreprise \uD800 orpheline ${next()}` });
  });

  it('escapes LIKE wildcards: searching "%" or "_" finds only names that contain them', async () => {
    const total = dataOf(await app.graphql(`{ companies { totalCount } }`)).companies.totalCount as number;
    expect(total).toBeGreaterThan(10);
    for (const wildcard of ['%', '_', '\\', '%%', '_%_']) {
      const found = dataOf(
        await app.graphql(`query ($s: String!) { companies(first: 200, filter: { search: $s }) { totalCount edges { node { legalName otherNames } } } }`, {
          variables: { s: wildcard },
        }),
      ).companies;
      expect(found.totalCount).toBeLessThan(total);
      for (const { node } of found.edges) {
        expect([node.legalName, ...node.otherNames].some((name: string) => name.includes(wildcard))).toBe(true);
      }
      if (wildcard === '%' || wildcard === '_') expect(found.totalCount).toBeGreaterThan(0);
    }
    const advisors = dataOf(await app.graphql(`{ advisors(filter: { search: "%" }) { totalCount } all: advisors { totalCount } }`));
    expect(advisors.advisors.totalCount).toBe(0);
    expect(advisors.all.totalCount).toBeGreaterThan(0);
  });
});
