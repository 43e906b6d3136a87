import { addDays, todayInQuebec } from '../src/common/calendar.js';
import { advancePortailReferral, createAdvisor, createJourneesQuebecEvent, referToPortail, registerCompanyForEvent } from './support/factories.js';
import { dataOf, TestApp } from './support/test-app.js';

const today = todayInQuebec();
const daysAgo = (n: number) => addDays(today, -n);

describe('myWorklist', () => {
  let app: TestApp;
  let advisor: string;

  beforeAll(async () => {
    app = await TestApp.start();
    advisor = (await createAdvisor(app, { regionCodes: ['17'] })).email;
  });
  afterAll(() => app.close());

  const as = <T = any>(query: string, variables: Record<string, unknown> = {}) => app.graphql<T>(query, { variables, as: advisor });
  const company = async (name: string) =>
    dataOf(await as(`mutation ($n: String!) { createCompany(input: { legalName: $n, regionCode: "17", confirmNotDuplicate: true }) { id } }`, { n: name }))
      .createCompany.id as string;
  const openFile = async (companyId: string, openedOn: string) =>
    dataOf(await as(`mutation ($c: ID!, $o: Date!) { openAccompaniment(input: { companyId: $c, serviceLevel: PERSONALIZED, themes: [RECRUITMENT], openedOn: $o }) { id } }`, { c: companyId, o: openedOn }))
      .openAccompaniment.id as string;
  const worklist = async () =>
    dataOf(await as(`{ myWorklist { reason label since ageDays company { id } accompaniment { id } recruitmentNeed { id } } }`)).myWorklist as {
      reason: string;
      since: string;
      ageDays: number;
      company: { id: string };
      accompaniment: { id: string } | null;
      recruitmentNeed: { id: string } | null;
    }[];
  const itemsFor = async (reason: string, id: string) =>
    (await worklist()).filter((i) => i.reason === reason && (i.accompaniment?.id === id || i.recruitmentNeed?.id === id));

  it('lists an open file with no interaction for 30 days, until one is logged', async () => {
    const file = await openFile(await company('Fonderie Drummond'), daysAgo(45));
    const items = await itemsFor('FILE_WITHOUT_RECENT_INTERACTION', file);
    expect(items).toEqual([expect.objectContaining({ since: daysAgo(45), ageDays: 45, label: 'Dossier ouvert sans intervention récente' })]);

    dataOf(await as(`mutation ($f: ID!, $d: Date!) { logInteraction(input: { accompanimentId: $f, occurredOn: $d, kind: CALL, mode: PHONE, durationMinutes: 15, summary: "Relance" }) { id } }`, { f: file, d: daysAgo(31) }));
    expect(await itemsFor('FILE_WITHOUT_RECENT_INTERACTION', file)).toEqual([expect.objectContaining({ since: daysAgo(31), ageDays: 31 })]);

    dataOf(await as(`mutation ($f: ID!, $d: Date!) { logInteraction(input: { accompanimentId: $f, occurredOn: $d, kind: MEETING, mode: IN_PERSON, durationMinutes: 60, summary: "Rencontre" }) { id } }`, { f: file, d: daysAgo(2) }));
    expect(await itemsFor('FILE_WITHOUT_RECENT_INTERACTION', file)).toEqual([]);
  });

  it('does not list a file opened less than 30 days ago', async () => {
    const file = await openFile(await company('Érablière Bois-Francs'), daysAgo(29));
    expect(await itemsFor('FILE_WITHOUT_RECENT_INTERACTION', file)).toEqual([]);
  });

  it('lists a file on hold for 60 days, until it is resumed', async () => {
    const file = await openFile(await company('Imprimerie Victoriaville'), daysAgo(100));
    dataOf(await as(`mutation ($f: ID!, $d: Date!) { putAccompanimentOnHold(input: { id: $f, on: $d }) { status } }`, { f: file, d: daysAgo(61) }));
    expect(await itemsFor('FILE_ON_HOLD_TOO_LONG', file)).toEqual([expect.objectContaining({ ageDays: 61 })]);
    dataOf(await as(`mutation ($f: ID!) { resumeAccompaniment(input: { id: $f }) { status } }`, { f: file }));
    expect(await itemsFor('FILE_ON_HOLD_TOO_LONG', file)).toEqual([]);
    // Resumed today: it is not idle either.
    expect(await itemsFor('FILE_WITHOUT_RECENT_INTERACTION', file)).toEqual([]);
  });

  it('lists the open needs of its companies older than 90 days, until they are filled', async () => {
    const companyId = await company('Transformation alimentaire Nicolet');
    await openFile(companyId, daysAgo(200));
    const need = dataOf(
      await as(`mutation ($c: ID!, $o: Date!) { createRecruitmentNeed(input: { companyId: $c, nocCode: "94141", title: "Boucher industriel", positions: 2,
          employmentType: PERMANENT, channels: [INTERNATIONAL_RECRUITMENT], openedOn: $o }) { id } }`, { c: companyId, o: daysAgo(95) }),
    ).createRecruitmentNeed.id as string;
    const recent = dataOf(
      await as(`mutation ($c: ID!, $o: Date!) { createRecruitmentNeed(input: { companyId: $c, nocCode: "94141", title: "Aide-boucher", positions: 1,
          employmentType: PERMANENT, channels: [LOCAL], openedOn: $o }) { id } }`, { c: companyId, o: daysAgo(10) }),
    ).createRecruitmentNeed.id as string;
    expect(await itemsFor('NEED_OPEN_TOO_LONG', need)).toEqual([expect.objectContaining({ ageDays: 95, company: { id: companyId } })]);
    expect(await itemsFor('NEED_OPEN_TOO_LONG', recent)).toEqual([]);
    dataOf(await as(`mutation ($n: ID!) { recordPositionsFilled(input: { id: $n, positionsFilled: 2 }) { status } }`, { n: need }));
    expect(await itemsFor('NEED_OPEN_TOO_LONG', need)).toEqual([]);
  });

  it('lists a Portail referral stalled at a step for 14 days, until it moves on', async () => {
    const companyId = await company('Abattoir Saint-Cyrille');
    const referral = await referToPortail(app, advisor, { companyId, on: daysAgo(40) });
    await advancePortailReferral(app, advisor, { id: referral.id, step: 'ACCOUNT_CREATED', on: daysAgo(20) });
    const stalled = async () =>
      dataOf(await as(`{ myWorklist { reason ageDays portailReferral { id step } } }`)).myWorklist.filter(
        (i: { portailReferral: { id: string } | null }) => i.portailReferral?.id === referral.id,
      );
    expect(await stalled()).toEqual([{ reason: 'REFERRAL_STALLED', ageDays: 20, portailReferral: { id: referral.id, step: 'ACCOUNT_CREATED' } }]);
    await advancePortailReferral(app, advisor, { id: referral.id, step: 'OFFER_POSTED', on: daysAgo(1) });
    expect(await stalled()).toEqual([]);
  });

  it('lists a Journées Québec whose registration closes within 14 days while one of its companies has open needs, until it registers', async () => {
    const companyId = await company('Usine de portes Warwick');
    await openFile(companyId, daysAgo(5));
    const need = dataOf(
      await as(`mutation ($c: ID!) { createRecruitmentNeed(input: { companyId: $c, nocCode: "94110", title: "Opérateur de machines", positions: 3,
          employmentType: PERMANENT, channels: [INTERNATIONAL_RECRUITMENT] }) { id } }`, { c: companyId }),
    ).createRecruitmentNeed.id;
    const soon = await createJourneesQuebecEvent(app, { registrationDeadline: addDays(today, 10), startsOn: addDays(today, 40), endsOn: addDays(today, 41) });
    const later = await createJourneesQuebecEvent(app, { registrationDeadline: addDays(today, 30), startsOn: addDays(today, 40), endsOn: addDays(today, 41) });
    const eventItems = async () =>
      dataOf(await as(`{ myWorklist { reason ageDays since company { id } event { id } } }`)).myWorklist.filter(
        (i: { reason: string; company: { id: string } }) => i.reason === 'EVENT_DEADLINE_APPROACHING' && i.company.id === companyId,
      );
    expect(await eventItems()).toEqual([
      { reason: 'EVENT_DEADLINE_APPROACHING', ageDays: 10, since: addDays(today, 10), company: { id: companyId }, event: { id: soon.id } },
    ]);
    expect((await eventItems()).some((i: { event: { id: string } }) => i.event.id === later.id)).toBe(false);
    await registerCompanyForEvent(app, advisor, { eventId: soon.id, companyId, recruitmentNeedIds: [need] });
    expect(await eventItems()).toEqual([]);
  });

  it('shows nothing of another advisor’s files', async () => {
    const other = await createAdvisor(app, { regionCodes: ['17'] });
    const items = dataOf(await app.graphql(`{ myWorklist { reason } }`, { as: other.email })).myWorklist;
    expect(items).toEqual([]);
  });
});
