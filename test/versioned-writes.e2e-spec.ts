import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, isInputObjectType, isNonNullType, type GraphQLInputType } from 'graphql';
import { addDays, todayInQuebec } from '../src/common/calendar.js';
import {
  AdvancePortailReferralDocument,
  CancelRecruitmentNeedDocument,
  CloseAccompanimentDocument,
  CloseRecruitmentNeedDocument,
  ConfirmParticipationDocument,
  CreateRegionalDirectionDocument,
  CreateServicePointDocument,
  MarkAttendedDocument,
  PutAccompanimentOnHoldDocument,
  ReassignAccompanimentDocument,
  RecordEventOutcomeDocument,
  RecordPositionsFilledDocument,
  ResumeAccompanimentDocument,
  UpdateAdvisorDocument,
  UpdateCompanyContactDocument,
  UpdateCompanyDocument,
  UpdateInteractionDocument,
  UpdateJourneesQuebecEventDocument,
  UpdateRecruitmentNeedDocument,
  UpdateRegionalDirectionDocument,
  UpdateRegionDocument,
  UpdateServicePointDocument,
  WithdrawFromEventDocument,
  type TypedDocumentString,
} from '../operations/generated.js';
import { expectRefusal } from './support/expectations.js';
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
} from './support/factories.js';
import { dataOf, TestApp, type GraphQLResponse } from './support/test-app.js';

/** A record a mutation changes: where it is, as the audit trail names it, and its version now. */
interface Subject {
  table: string;
  entityType: string;
  key: { column: string; value: string };
  version: number;
}

interface VersionedMutation {
  document: TypedDocumentString<unknown, never>;
  /** A fresh record the mutation may change, and the variables that change it, given the version to send. */
  setup: () => Promise<{ subject: Subject; variables: (version: number | null) => Record<string, unknown> }>;
}

const today = todayInQuebec();
let sequence = 0;

/**
 * Versioned writes behave one way everywhere (see EntityRepository): a stale version is CONFLICT and changes
 * nothing; null is "not given" where the schema lets the version be omitted (state changes: `Int`), and refused by
 * GraphQL where it is required (edits: `Int!`); the version read is applied, once.
 */
describe('versioned writes', () => {
  let app: TestApp;
  let lead: string; // leads the files
  let other: string; // takes them over
  beforeAll(async () => {
    app = await TestApp.start();
    lead = (await createAdvisor(app, { regionCodes: ['13'] })).id;
    other = (await createAdvisor(app, { regionCodes: ['13'] })).id;
  });
  afterAll(() => app.close());

  const subject = (table: string, entityType: string, id: string, version: number, column = 'id'): Subject => ({
    table,
    entityType,
    key: { column, value: id },
    version,
  });
  const input = (fields: Record<string, unknown>) => (version: number | null) => ({ input: { ...fields, version } });
  const company = () => createCompany(app, { regionCode: '13' });
  const file = async () => openFile(app, undefined, { companyId: (await company()).id, advisorId: lead, openedOn: addDays(today, -30) });
  const need = async () => addRecruitmentNeed(app, undefined, { companyId: (await company()).id, positions: 2 });
  const send = (document: VersionedMutation['document'], variables: Record<string, unknown>) =>
    app.request(document, variables as never) as Promise<GraphQLResponse>;
  /** A participation of a Laval company in an event that starts today, registered, confirmed or attended. */
  const participation = async (then: 'registered' | 'attended' = 'registered') => {
    const event = await createJourneesQuebecEvent(app, { startsOn: today, endsOn: today, registrationDeadline: today });
    const registered = await registerCompanyForEvent(app, undefined, { eventId: event.id, companyId: (await company()).id });
    if (then === 'registered') return registered;
    return dataOf(await send(MarkAttendedDocument, { id: registered.id })).markAttended as { id: string; version: number };
  };
  const participationSetup = async () => {
    const p = await participation();
    return { subject: subject('event_participations', 'EventParticipation', p.id, p.version), variables: (version: number | null) => ({ id: p.id, version }) };
  };

  const MUTATIONS: Record<string, VersionedMutation> = {
    updateAdvisor: {
      document: UpdateAdvisorDocument,
      setup: async () => {
        const a = await createAdvisor(app, { regionCodes: ['13'] });
        return { subject: subject('advisors', 'Advisor', a.id, a.version), variables: input({ id: a.id, fullName: `Nadia ${++sequence}` }) };
      },
    },
    updateCompany: {
      document: UpdateCompanyDocument,
      setup: async () => {
        const c = await company();
        return { subject: subject('companies', 'Company', c.id, c.version), variables: input({ id: c.id, municipality: 'Laval' }) };
      },
    },
    updateCompanyContact: {
      document: UpdateCompanyContactDocument,
      setup: async () => {
        const c = await addCompanyContact(app, (await company()).id);
        return { subject: subject('company_contacts', 'CompanyContact', c.id, c.version), variables: input({ id: c.id, title: 'Directrice' }) };
      },
    },
    updateInteraction: {
      document: UpdateInteractionDocument,
      setup: async () => {
        const i = await logInteraction(app, undefined, { accompanimentId: (await file()).id, occurredOn: today });
        return { subject: subject('interactions', 'Interaction', i.id, i.version), variables: input({ id: i.id, summary: 'Relance' }) };
      },
    },
    updateJourneesQuebecEvent: {
      document: UpdateJourneesQuebecEventDocument,
      setup: async () => {
        const e = await createJourneesQuebecEvent(app);
        return {
          subject: subject('journees_quebec_events', 'JourneesQuebecEvent', e.id, e.version),
          variables: input({ id: e.id, name: `Journées Québec ${++sequence}` }),
        };
      },
    },
    updateRecruitmentNeed: {
      document: UpdateRecruitmentNeedDocument,
      setup: async () => {
        const n = await need();
        return { subject: subject('recruitment_needs', 'RecruitmentNeed', n.id, n.version), variables: input({ id: n.id, title: 'Soudeur' }) };
      },
    },
    updateRegion: {
      document: UpdateRegionDocument,
      setup: async () => {
        const [{ version }] = await app.sql<{ version: number }>(`SELECT version FROM regions WHERE code = '13'`);
        return { subject: subject('regions', 'Region', '13', version!, 'code'), variables: input({ code: '13', name: 'Laval' }) };
      },
    },
    updateRegionalDirection: {
      document: UpdateRegionalDirectionDocument,
      setup: async () => {
        const code = `T${++sequence}`;
        const d = dataOf(await send(CreateRegionalDirectionDocument, { input: { code, name: `Direction ${code}` } })).createRegionalDirection as {
          version: number;
        };
        return { subject: subject('regional_directions', 'RegionalDirection', code, d.version, 'code'), variables: input({ code, name: `Direction ${code} bis` }) };
      },
    },
    updateServicePoint: {
      document: UpdateServicePointDocument,
      setup: async () => {
        const p = dataOf(await send(CreateServicePointDocument, { input: { regionCode: '13', name: `Bureau ${++sequence}` } }))
          .createServicePoint as { id: string; version: number };
        return { subject: subject('service_points', 'ServicePoint', p.id, p.version), variables: input({ id: p.id, phone: '450 555-0101' }) };
      },
    },
    putAccompanimentOnHold: {
      document: PutAccompanimentOnHoldDocument,
      setup: async () => {
        const f = await file();
        return { subject: subject('accompaniments', 'Accompaniment', f.id, f.version), variables: input({ id: f.id }) };
      },
    },
    resumeAccompaniment: {
      document: ResumeAccompanimentDocument,
      setup: async () => {
        const f = dataOf(await send(PutAccompanimentOnHoldDocument, { input: { id: (await file()).id, on: addDays(today, -1) } }))
          .putAccompanimentOnHold as { id: string; version: number };
        return { subject: subject('accompaniments', 'Accompaniment', f.id, f.version), variables: input({ id: f.id }) };
      },
    },
    closeAccompaniment: {
      document: CloseAccompanimentDocument,
      setup: async () => {
        const f = await file();
        return { subject: subject('accompaniments', 'Accompaniment', f.id, f.version), variables: input({ id: f.id, closedOn: today }) };
      },
    },
    reassignAccompaniment: {
      document: ReassignAccompanimentDocument,
      setup: async () => {
        const f = await file();
        return { subject: subject('accompaniments', 'Accompaniment', f.id, f.version), variables: input({ id: f.id, advisorId: other }) };
      },
    },
    recordPositionsFilled: {
      document: RecordPositionsFilledDocument,
      setup: async () => {
        const n = await need();
        return { subject: subject('recruitment_needs', 'RecruitmentNeed', n.id, n.version), variables: input({ id: n.id, positionsFilled: 1 }) };
      },
    },
    cancelRecruitmentNeed: {
      document: CancelRecruitmentNeedDocument,
      setup: async () => {
        const n = await need();
        return { subject: subject('recruitment_needs', 'RecruitmentNeed', n.id, n.version), variables: input({ id: n.id }) };
      },
    },
    closeRecruitmentNeed: {
      document: CloseRecruitmentNeedDocument,
      setup: async () => {
        const n = dataOf(await send(RecordPositionsFilledDocument, { input: { id: (await need()).id, positionsFilled: 1 } }))
          .recordPositionsFilled as { id: string; version: number };
        return { subject: subject('recruitment_needs', 'RecruitmentNeed', n.id, n.version), variables: input({ id: n.id }) };
      },
    },
    advancePortailReferral: {
      document: AdvancePortailReferralDocument,
      setup: async () => {
        const r = await referToPortail(app, undefined, { companyId: (await company()).id, on: addDays(today, -2) });
        return {
          subject: subject('portail_referrals', 'PortailReferral', r.id, r.version),
          variables: input({ id: r.id, step: 'ACCOUNT_CREATED', on: today }),
        };
      },
    },
    confirmParticipation: { document: ConfirmParticipationDocument, setup: participationSetup },
    withdrawFromEvent: { document: WithdrawFromEventDocument, setup: participationSetup },
    markAttended: { document: MarkAttendedDocument, setup: participationSetup },
    recordEventOutcome: {
      document: RecordEventOutcomeDocument,
      setup: async () => {
        const p = await participation('attended');
        return {
          subject: subject('event_participations', 'EventParticipation', p.id, p.version),
          variables: input({ participationId: p.id, candidatesMet: 12, interviewsHeld: 6, offersMade: 3, hires: 2 }),
        };
      },
    },
  };

  /** Mutation name → whether its `version` (an argument, or a field of its input) is required. */
  const schema = buildSchema(readFileSync(join(process.cwd(), 'schema.graphql'), 'utf8'));
  const versionArguments = new Map<string, boolean>();
  for (const field of Object.values(schema.getMutationType()!.getFields())) {
    for (const argument of field.args) {
      const type: GraphQLInputType = argument.type;
      const named = getNamedType(type);
      const version = argument.name === 'version' ? type : isInputObjectType(named) ? named.getFields().version?.type : undefined;
      if (version) versionArguments.set(field.name, isNonNullType(version));
    }
  }

  it('covers every mutation of the schema that takes a version', () => {
    expect(Object.keys(MUTATIONS).sort()).toEqual([...versionArguments.keys()].sort());
  });

  const state = async ({ table, entityType, key }: Subject) => {
    const [row] = await app.sql<{ version: number }>(`SELECT version FROM ${table} WHERE ${key.column}::text = $1`, [key.value]);
    const audit = await app.count('audit_log', 'entity_type = $1 AND entity_id = $2', [entityType, key.value]);
    return { version: row!.version, audit };
  };

  describe.each(Object.keys(MUTATIONS))('%s', (name) => {
    const mutation = MUTATIONS[name]!;
    const resultOf = (data: Record<string, unknown>) => data[name] as { version: number };

    it('refuses a stale version with CONFLICT and changes nothing', async () => {
      const { subject: record, variables } = await mutation.setup();
      const before = await state(record);
      expect(before.version).toBe(record.version);
      expectRefusal(await send(mutation.document, variables(record.version + 1)), 'CONFLICT');
      expect(await state(record)).toEqual(before);
    });

    it('treats a null version as the schema types it: not given when optional, refused when required', async () => {
      const { subject: record, variables } = await mutation.setup();
      const before = await state(record);
      const response = await send(mutation.document, variables(null));
      if (versionArguments.get(name)) {
        expectRefusal(response, 'BAD_USER_INPUT');
        expect(await state(record)).toEqual(before);
      } else {
        expect(resultOf(dataOf(response))).toMatchObject({ version: record.version + 1 });
        expect(await state(record)).toEqual({ version: record.version + 1, audit: before.audit + 1 });
      }
    });

    it('applies the version read once, with one audit entry', async () => {
      const { subject: record, variables } = await mutation.setup();
      const before = await state(record);
      expect(resultOf(dataOf(await send(mutation.document, variables(record.version))))).toMatchObject({ version: record.version + 1 });
      expect(await state(record)).toEqual({ version: record.version + 1, audit: before.audit + 1 });
      expectRefusal(await send(mutation.document, variables(record.version)), 'CONFLICT');
      expect((await state(record)).version).toBe(record.version + 1);
    });
  });
});
