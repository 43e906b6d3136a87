import { addDays, todayInQuebec } from '../../src/common/calendar.js';
import {
  AddCompanyContactDocument,
  AdvancePortailReferralDocument,
  CloseAccompanimentDocument,
  CreateAdvisorDocument,
  CreateCompanyDocument,
  CreateJourneesQuebecEventDocument,
  CreateRecruitmentNeedDocument,
  LogInteractionDocument,
  OpenAccompanimentDocument,
  ReferToPortailDocument,
  RegisterForEventDocument,
  type AddCompanyContactInput,
  type AdvancePortailReferralInput,
  type CloseAccompanimentInput,
  type CreateAdvisorMutation,
  type CreateCompanyInput,
  type CreateCompanyMutation,
  type AddCompanyContactMutation,
  type CreateJourneesQuebecEventInput,
  type CreateJourneesQuebecEventMutation,
  type CreateRecruitmentNeedInput,
  type CreateRecruitmentNeedMutation,
  type FileFieldsFragment,
  type LogInteractionInput,
  type LogInteractionMutation,
  type OpenAccompanimentInput,
  type PortailReferralFieldsFragment,
  type ReferToPortailInput,
  type RegisterForEventMutation,
  type Role,
} from '../../operations/generated.js';
import { dataOf, type GraphQLClient } from './graphql-client.js';

let sequence = 0;

export type AdvisorFixture = CreateAdvisorMutation['createAdvisor'];

/** Creates an advisor through the API as the test administrator (validated and audited like any client). */
export async function createAdvisor(
  app: GraphQLClient,
  input: { role?: Role; regionCodes?: string[]; directionCode?: string; fullName?: string; email?: string } = {},
): Promise<AdvisorFixture> {
  sequence += 1;
  const response = await app.request(CreateAdvisorDocument, {
    input: {
      email: input.email ?? `conseiller.${sequence}.${Date.now()}@test.crm.example`,
      fullName: input.fullName ?? `Conseillère ${sequence}`,
      role: input.role ?? 'ADVISOR',
      regionCodes: input.regionCodes ?? (input.role && input.role !== 'ADVISOR' ? [] : ['13']),
      ...(input.directionCode ? { directionCode: input.directionCode } : {}),
    },
  });
  return dataOf(response).createAdvisor;
}

/** A company name no other test uses (the duplicate-name check is also bypassed by the helpers below). */
export const uniqueCompanyName = (base = 'Entreprise') =>
  `${base} ${++sequence}-${Math.random().toString(36).slice(2, 8)}`;

export type CompanyFixture = CreateCompanyMutation['createCompany'];

/** Creates a company through the API as `as` (the test administrator by default), in region 13 unless given. */
export async function createCompany(
  app: GraphQLClient,
  input: Partial<CreateCompanyInput> = {},
  as?: string,
): Promise<CompanyFixture> {
  const response = await app.request(
    CreateCompanyDocument,
    { input: { legalName: uniqueCompanyName(), regionCode: '13', confirmNotDuplicate: true, ...input } },
    { as },
  );
  return dataOf(response).createCompany;
}

export type ContactFixture = AddCompanyContactMutation['addCompanyContact'];

/** Adds a contact (personal information) to a company through the API as `as` (the test administrator by default). */
export async function addCompanyContact(
  app: GraphQLClient,
  companyId: string,
  input: Partial<AddCompanyContactInput> = {},
  as?: string,
): Promise<ContactFixture> {
  sequence += 1;
  const response = await app.request(
    AddCompanyContactDocument,
    {
      input: { companyId, firstName: 'Camille', lastName: `Gagnon ${sequence}`, email: `camille.${sequence}@entreprise.example`, ...input },
    },
    { as },
  );
  return dataOf(response).addCompanyContact;
}

export type FileFixture = FileFieldsFragment;

/** Opens an accompaniment file through the API as `as` (INFORMATION, theme RECRUITMENT unless given). */
export async function openFile(
  app: GraphQLClient,
  as: string | undefined,
  input: Pick<OpenAccompanimentInput, 'companyId'> & Partial<OpenAccompanimentInput>,
): Promise<FileFixture> {
  const response = await app.request(
    OpenAccompanimentDocument,
    { input: { serviceLevel: 'INFORMATION', themes: ['RECRUITMENT'], ...input } },
    { as },
  );
  return dataOf(response).openAccompaniment;
}

/** Closes an accompaniment file through the API as `as` (no outcome unless given). */
export async function closeFile(
  app: GraphQLClient,
  as: string | undefined,
  input: CloseAccompanimentInput,
): Promise<FileFixture> {
  const response = await app.request(CloseAccompanimentDocument, { input }, { as });
  return dataOf(response).closeAccompaniment;
}

export type InteractionFixture = LogInteractionMutation['logInteraction'];

/** Logs an interaction on a file through the API as `as` (a 30-minute CALL by PHONE unless given). */
export async function logInteraction(
  app: GraphQLClient,
  as: string | undefined,
  input: Pick<LogInteractionInput, 'accompanimentId' | 'occurredOn'> & Partial<LogInteractionInput>,
): Promise<InteractionFixture> {
  const response = await app.request(
    LogInteractionDocument,
    { input: { kind: 'CALL', mode: 'PHONE', durationMinutes: 30, summary: 'Suivi téléphonique', ...input } },
    { as },
  );
  return dataOf(response).logInteraction;
}

export type PortailReferralFixture = PortailReferralFieldsFragment;

/** Refers a company to the Portail employeurs through the API as `as` (today unless `on` is given). */
export async function referToPortail(
  app: GraphQLClient,
  as: string | undefined,
  input: ReferToPortailInput,
): Promise<PortailReferralFixture> {
  const response = await app.request(ReferToPortailDocument, { input }, { as });
  return dataOf(response).referToPortail;
}

/** Moves a Portail employeurs referral to `step` on `on` through the API as `as`. */
export async function advancePortailReferral(
  app: GraphQLClient,
  as: string | undefined,
  input: AdvancePortailReferralInput,
): Promise<PortailReferralFixture> {
  const response = await app.request(AdvancePortailReferralDocument, { input }, { as });
  return dataOf(response).advancePortailReferral;
}

export type JourneesQuebecEventFixture = CreateJourneesQuebecEventMutation['createJourneesQuebecEvent'];

/**
 * Creates a Journées Québec event through the API as `as` (the test administrator by default): open for
 * registration, in person in Paris, starting in 30 days with the deadline in 20, unless given.
 */
export async function createJourneesQuebecEvent(
  app: GraphQLClient,
  input: Partial<CreateJourneesQuebecEventInput> = {},
  as?: string,
): Promise<JourneesQuebecEventFixture> {
  sequence += 1;
  const today = todayInQuebec();
  const response = await app.request(
    CreateJourneesQuebecEventDocument,
    {
        input: {
          name: `Journées Québec ${sequence}`,
          city: 'Paris',
          country: 'France',
          mode: 'IN_PERSON',
          startsOn: addDays(today, 30),
          endsOn: addDays(today, 31),
          registrationDeadline: addDays(today, 20),
          status: 'REGISTRATION_OPEN',
          ...input,
        },
    },
    { as },
  );
  return dataOf(response).createJourneesQuebecEvent;
}

export type RecruitmentNeedFixture = CreateRecruitmentNeedMutation['createRecruitmentNeed'];

/** Records a recruitment need of a company through the API as `as` (welders, 2 permanent positions unless given). */
export async function addRecruitmentNeed(
  app: GraphQLClient,
  as: string | undefined,
  input: Pick<CreateRecruitmentNeedInput, 'companyId'> & Partial<CreateRecruitmentNeedInput>,
): Promise<RecruitmentNeedFixture> {
  const response = await app.request(
    CreateRecruitmentNeedDocument,
    {
        input: {
          nocCode: '72106',
          title: 'Soudeur ou soudeuse',
          positions: 2,
          employmentType: 'PERMANENT',
          channels: ['INTERNATIONAL_RECRUITMENT'],
          ...input,
        },
    },
    { as },
  );
  return dataOf(response).createRecruitmentNeed;
}

export type EventParticipationFixture = RegisterForEventMutation['registerForEvent'];

/** Registers a company for a Journées Québec event through the API as `as` (no recruitment need unless given). */
export async function registerCompanyForEvent(
  app: GraphQLClient,
  as: string | undefined,
  input: { eventId: string; companyId: string; recruitmentNeedIds?: string[] },
): Promise<EventParticipationFixture> {
  const response = await app.request(RegisterForEventDocument, { input: { recruitmentNeedIds: [], ...input } }, { as });
  return dataOf(response).registerForEvent;
}
