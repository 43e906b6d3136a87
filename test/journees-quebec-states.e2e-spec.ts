import { addDays, todayInQuebec } from '../src/common/calendar.js';
import { createJourneesQuebecEvent, type JourneesQuebecEventFixture } from './support/factories.js';
import { dataOf, TestApp } from './support/test-app.js';

const UPDATE_EVENT = `mutation ($input: UpdateJourneesQuebecEventInput!) { updateJourneesQuebecEvent(input: $input) { id status name version } }`;

/**
 * Journées Québec states (finding 10): an event is marked HELD on or after the day it starts, not before; a HELD or
 * CANCELLED event is history and can no longer be edited.
 */
describe('Journées Québec event states', () => {
  let app: TestApp;
  const today = todayInQuebec();
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app?.close());

  const update = (input: Record<string, unknown>, headers: Record<string, string> = {}) =>
    app.graphql(UPDATE_EVENT, { variables: { input }, headers });
  const refusal = (response: Awaited<ReturnType<typeof update>>) => ({
    code: response.errors?.[0]?.extensions?.code,
    fields: response.errors?.[0]?.extensions?.fields?.map((f) => f.field).sort(),
  });
  const stored = async (event: JourneesQuebecEventFixture) =>
    (await app.sql(`SELECT status, name, city, version FROM journees_quebec_events WHERE id = $1`, [event.id]))[0];

  it('refuses to mark HELD an event that starts tomorrow, in French or English, writing nothing', async () => {
    const event = await createJourneesQuebecEvent(app, { startsOn: addDays(today, 1), endsOn: addDays(today, 2), registrationDeadline: today });
    const audit = await app.count('audit_log');
    const french = await update({ id: event.id, version: event.version, status: 'HELD' });
    expect(refusal(french)).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.status'] });
    expect(french.errors?.[0]?.extensions?.fields?.[0]?.message).toContain(addDays(today, 1));
    const english = await update({ id: event.id, version: event.version, status: 'HELD' }, { 'accept-language': 'en' });
    expect(english.errors?.[0]?.extensions?.fields?.[0]?.message).toMatch(/before it starts/);
    expect(await stored(event)).toMatchObject({ status: 'REGISTRATION_OPEN', version: 1 });
    expect(await app.count('audit_log')).toBe(audit);
  });

  it('refuses HELD together with a start date moved to the future, and accepts it with the start moved to today', async () => {
    const event = await createJourneesQuebecEvent(app, { startsOn: addDays(today, 10), endsOn: addDays(today, 11), registrationDeadline: today });
    expect(refusal(await update({ id: event.id, version: 1, status: 'HELD', startsOn: addDays(today, 5) }))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['input.status'],
    });
    const held = dataOf(await update({ id: event.id, version: 1, status: 'HELD', startsOn: today, registrationDeadline: today })).updateJourneesQuebecEvent;
    expect(held).toMatchObject({ status: 'HELD', version: 2 });
  });

  it('marks HELD an event on the day it starts, and one that is over', async () => {
    for (const startsOn of [today, addDays(today, -30)]) {
      const event = await createJourneesQuebecEvent(app, { startsOn, endsOn: startsOn, registrationDeadline: startsOn });
      expect(dataOf(await update({ id: event.id, version: 1, status: 'HELD' })).updateJourneesQuebecEvent.status).toBe('HELD');
    }
  });

  it.each(['HELD', 'CANCELLED'])('refuses any edit of a %s event, naming each field given, writing nothing', async (status) => {
    const event = await createJourneesQuebecEvent(app, { startsOn: today, endsOn: today, registrationDeadline: today });
    dataOf(await update({ id: event.id, version: 1, status }));
    const audit = await app.count('audit_log');
    const french = await update({ id: event.id, version: 2, name: 'Nouveau nom', city: 'Lyon' });
    expect(refusal(french)).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.city', 'input.name'] });
    expect(french.errors?.[0]?.extensions?.fields?.[0]?.message).toMatch(status === 'HELD' ? /tenu/ : /annulé/);
    for (const change of [{ endsOn: addDays(today, 3) }, { mode: 'VIRTUAL' }, { country: 'Belgique' }, { registrationDeadline: addDays(today, -1) }]) {
      const response = await update({ id: event.id, version: 2, ...change });
      expect(refusal(response)).toEqual({ code: 'BAD_USER_INPUT', fields: [`input.${Object.keys(change)[0]}`] });
    }
    expect(await stored(event)).toMatchObject({ status, city: 'Paris', version: 2 });
    expect(await app.count('audit_log')).toBe(audit);
  });
});
