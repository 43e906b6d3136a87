import { addDays, todayInQuebec } from '../../src/common/calendar.js';
import { dataOf, type TestApp } from './test-app.js';

let sequence = 0;

export interface AdvisorFixture {
  id: string;
  email: string;
  version: number;
}

/** Creates an advisor through the API as the test administrator (validated and audited like any client). */
export async function createAdvisor(
  app: TestApp,
  input: { role?: string; regionCodes?: string[]; directionCode?: string; fullName?: string; email?: string } = {},
): Promise<AdvisorFixture> {
  sequence += 1;
  const response = await app.graphql<{ createAdvisor: AdvisorFixture }>(
    `mutation ($input: CreateAdvisorInput!) { createAdvisor(input: $input) { id email version } }`,
    {
      variables: {
        input: {
          email: input.email ?? `conseiller.${sequence}.${Date.now()}@test.crm.example`,
          fullName: input.fullName ?? `Conseillère ${sequence}`,
          role: input.role ?? 'ADVISOR',
          regionCodes: input.regionCodes ?? (input.role && input.role !== 'ADVISOR' ? [] : ['13']),
          ...(input.directionCode ? { directionCode: input.directionCode } : {}),
        },
      },
    },
  );
  return dataOf(response).createAdvisor;
}

/** A company name no other test uses (the duplicate-name check is also bypassed by the helpers below). */
export const uniqueCompanyName = (base = 'Entreprise') =>
  `${base} ${++sequence}-${Math.random().toString(36).slice(2, 8)}`;

export interface CompanyFixture {
  id: string;
  legalName: string;
  regionCode: string;
  version: number;
}

/** Creates a company through the API as `as` (the test administrator by default), in region 13 unless given. */
export async function createCompany(
  app: TestApp,
  input: { legalName?: string; regionCode?: string } & Record<string, unknown> = {},
  as?: string,
): Promise<CompanyFixture> {
  const response = await app.graphql<{ createCompany: CompanyFixture }>(
    `mutation ($input: CreateCompanyInput!) { createCompany(input: $input) { id legalName regionCode version } }`,
    { variables: { input: { legalName: uniqueCompanyName(), regionCode: '13', confirmNotDuplicate: true, ...input } }, as },
  );
  return dataOf(response).createCompany;
}

export interface ContactFixture {
  id: string;
  companyId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  version: number;
}

/** Adds a contact (personal information) to a company through the API as `as` (the test administrator by default). */
export async function addCompanyContact(
  app: TestApp,
  companyId: string,
  input: Record<string, unknown> = {},
  as?: string,
): Promise<ContactFixture> {
  sequence += 1;
  const response = await app.graphql<{ addCompanyContact: ContactFixture }>(
    `mutation ($input: AddCompanyContactInput!) {
       addCompanyContact(input: $input) { id companyId firstName lastName email version } }`,
    {
      variables: {
        input: { companyId, firstName: 'Camille', lastName: `Gagnon ${sequence}`, email: `camille.${sequence}@entreprise.example`, ...input },
      },
      as,
    },
  );
  return dataOf(response).addCompanyContact;
}

export interface FileFixture {
  id: string;
  regionCode: string;
  status: string;
  openedOn: string;
  closedOn: string | null;
  version: number;
}

const FILE_FIELDS = 'id regionCode status openedOn closedOn version';

/** Opens an accompaniment file through the API as `as` (INFORMATION, theme RECRUITMENT unless given). */
export async function openFile(
  app: TestApp,
  as: string | undefined,
  input: { companyId: string } & Record<string, unknown>,
): Promise<FileFixture> {
  const response = await app.graphql<{ openAccompaniment: FileFixture }>(
    `mutation ($input: OpenAccompanimentInput!) { openAccompaniment(input: $input) { ${FILE_FIELDS} } }`,
    { variables: { input: { serviceLevel: 'INFORMATION', themes: ['RECRUITMENT'], ...input } }, as },
  );
  return dataOf(response).openAccompaniment;
}

/** Closes an accompaniment file through the API as `as` (no outcome unless given). */
export async function closeFile(
  app: TestApp,
  as: string | undefined,
  input: { id: string; closedOn: string } & Record<string, unknown>,
): Promise<FileFixture> {
  const response = await app.graphql<{ closeAccompaniment: FileFixture }>(
    `mutation ($input: CloseAccompanimentInput!) { closeAccompaniment(input: $input) { ${FILE_FIELDS} } }`,
    { variables: { input }, as },
  );
  return dataOf(response).closeAccompaniment;
}

export interface InteractionFixture {
  id: string;
  accompanimentId: string;
  occurredOn: string;
  version: number;
}

/** Logs an interaction on a file through the API as `as` (a 30-minute CALL by PHONE unless given). */
export async function logInteraction(
  app: TestApp,
  as: string | undefined,
  input: { accompanimentId: string; occurredOn: string } & Record<string, unknown>,
): Promise<InteractionFixture> {
  const response = await app.graphql<{ logInteraction: InteractionFixture }>(
    `mutation ($input: LogInteractionInput!) { logInteraction(input: $input) { id accompanimentId occurredOn version } }`,
    { variables: { input: { kind: 'CALL', mode: 'PHONE', durationMinutes: 30, summary: 'Suivi téléphonique', ...input } }, as },
  );
  return dataOf(response).logInteraction;
}

export interface PortailReferralFixture {
  id: string;
  step: string;
  referredOn: string;
  stepChangedOn: string;
  version: number;
}

const PORTAIL_REFERRAL_FIELDS = 'id step referredOn stepChangedOn version';

/** Refers a company to the Portail employeurs through the API as `as` (today unless `on` is given). */
export async function referToPortail(
  app: TestApp,
  as: string | undefined,
  input: { companyId: string } & Record<string, unknown>,
): Promise<PortailReferralFixture> {
  const response = await app.graphql<{ referToPortail: PortailReferralFixture }>(
    `mutation ($input: ReferToPortailInput!) { referToPortail(input: $input) { ${PORTAIL_REFERRAL_FIELDS} } }`,
    { variables: { input }, as },
  );
  return dataOf(response).referToPortail;
}

/** Moves a Portail employeurs referral to `step` on `on` through the API as `as`. */
export async function advancePortailReferral(
  app: TestApp,
  as: string | undefined,
  input: { id: string; step: string; on: string } & Record<string, unknown>,
): Promise<PortailReferralFixture> {
  const response = await app.graphql<{ advancePortailReferral: PortailReferralFixture }>(
    `mutation ($input: AdvancePortailReferralInput!) { advancePortailReferral(input: $input) { ${PORTAIL_REFERRAL_FIELDS} } }`,
    { variables: { input }, as },
  );
  return dataOf(response).advancePortailReferral;
}

export interface JourneesQuebecEventFixture {
  id: string;
  status: string;
  startsOn: string;
  endsOn: string;
  registrationDeadline: string;
  version: number;
}

/**
 * Creates a Journées Québec event through the API as `as` (the test administrator by default): open for
 * registration, in person in Paris, starting in 30 days with the deadline in 20, unless given.
 */
export async function createJourneesQuebecEvent(
  app: TestApp,
  input: Record<string, unknown> = {},
  as?: string,
): Promise<JourneesQuebecEventFixture> {
  sequence += 1;
  const today = todayInQuebec();
  const response = await app.graphql<{ createJourneesQuebecEvent: JourneesQuebecEventFixture }>(
    `mutation ($input: CreateJourneesQuebecEventInput!) {
       createJourneesQuebecEvent(input: $input) { id status startsOn endsOn registrationDeadline version } }`,
    {
      variables: {
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
      as,
    },
  );
  return dataOf(response).createJourneesQuebecEvent;
}

export interface RecruitmentNeedFixture {
  id: string;
  positions: number;
  status: string;
  version: number;
}

/** Records a recruitment need of a company through the API as `as` (welders, 2 permanent positions unless given). */
export async function addRecruitmentNeed(
  app: TestApp,
  as: string | undefined,
  input: { companyId: string } & Record<string, unknown>,
): Promise<RecruitmentNeedFixture> {
  const response = await app.graphql<{ createRecruitmentNeed: RecruitmentNeedFixture }>(
    `mutation ($input: CreateRecruitmentNeedInput!) { createRecruitmentNeed(input: $input) { id positions status version } }`,
    {
      variables: {
        input: {
          nocCode: '72106',
          title: 'Soudeur ou soudeuse',
          positions: 2,
          employmentType: 'PERMANENT',
          channels: ['INTERNATIONAL_RECRUITMENT'],
          ...input,
        },
      },
      as,
    },
  );
  return dataOf(response).createRecruitmentNeed;
}

export interface EventParticipationFixture {
  id: string;
  status: string;
  version: number;
}

/** Registers a company for a Journées Québec event through the API as `as` (no recruitment need unless given). */
export async function registerCompanyForEvent(
  app: TestApp,
  as: string | undefined,
  input: { eventId: string; companyId: string; recruitmentNeedIds?: string[] },
): Promise<EventParticipationFixture> {
  const response = await app.graphql<{ registerForEvent: EventParticipationFixture }>(
    `mutation ($input: RegisterForEventInput!) { registerForEvent(input: $input) { id status version } }`,
    { variables: { input: { recruitmentNeedIds: [], ...input } }, as },
  );
  return dataOf(response).registerForEvent;
}
