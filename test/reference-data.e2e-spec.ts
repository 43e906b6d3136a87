import { RecordTimestampsDocument } from '../operations/generated.js';
import { createAdvisor } from './support/factories.js';
import { dataOf, TestApp } from './support/test-app.js';

const OFFICIAL_REGIONS: [string, string, string][] = [
  ['01', 'Bas-Saint-Laurent', 'BGI'],
  ['02', 'Saguenay–Lac-Saint-Jean', 'SLS'],
  ['03', 'Capitale-Nationale', 'CNE'],
  ['04', 'Mauricie', 'MCQ'],
  ['05', 'Estrie', 'EST'],
  ['06', 'Montréal', 'MTL'],
  ['07', 'Outaouais', 'OAN'],
  ['08', 'Abitibi-Témiscamingue', 'OAN'],
  ['09', 'Côte-Nord', 'CNE'],
  ['10', 'Nord-du-Québec', 'OAN'],
  ['11', 'Gaspésie–Îles-de-la-Madeleine', 'BGI'],
  ['12', 'Chaudière-Appalaches', 'CNE'],
  ['13', 'Laval', 'LLL'],
  ['14', 'Lanaudière', 'LLL'],
  ['15', 'Laurentides', 'LLL'],
  ['16', 'Montérégie', 'MON'],
  ['17', 'Centre-du-Québec', 'MCQ'],
];

describe('reference data', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.close());

  it('gives every record its version and timestamps, regions and service points read beside figures included', async () => {
    const manager = await createAdvisor(app, { role: 'MANAGER', directionCode: 'LLL' });
    const data = dataOf(await app.request(RecordTimestampsDocument, { period: { sinceDeployment: true } }, { as: manager.email }));
    const records = [
      ...data.me.regions,
      ...data.employerCountsByRegion.byRegion.map((row) => row.region),
      data.regionalReport.region,
      ...data.regionalReport.servicePoints,
    ];
    expect(data.regionalReport.servicePoints.length).toBeGreaterThan(0);
    for (const record of records) {
      expect(Date.parse(record.createdAt)).toBeLessThanOrEqual(Date.parse(record.updatedAt));
      expect(Date.parse(record.updatedAt)).toBeLessThanOrEqual(Date.now());
    }
  });

  it('lists the 17 regions with their exact official names (en dashes included) and their directions', async () => {
    const advisor = await createAdvisor(app, { regionCodes: ['08'] });
    const { regions } = dataOf(
      await app.graphql<{ regions: { code: string; name: string; direction: { code: string } }[] }>(
        `{ regions { code name direction { code } } }`,
        { as: advisor.email },
      ),
    );
    expect(regions.map((r) => [r.code, r.name, r.direction.code])).toEqual(OFFICIAL_REGIONS);
    expect(regions.find((r) => r.code === '02')!.name).toContain('\u2013');
  });

  it('gives each direction its regions and each region its service points with addresses', async () => {
    const data = dataOf(
      await app.graphql(`{
        regionalDirections { code name regions { code } }
        servicePoints(regionCode: "08") { name address municipality postalCode region { name } }
      }`),
    );
    const lll = data.regionalDirections.find((d: { code: string }) => d.code === 'LLL');
    expect(lll).toEqual({
      code: 'LLL',
      name: 'Direction régionale de Laval, des Laurentides et de Lanaudière',
      regions: [{ code: '13' }, { code: '14' }, { code: '15' }],
    });
    expect(data.servicePoints).toHaveLength(5);
    expect(data.servicePoints).toContainEqual({
      name: "Services Québec — Val-d'Or",
      address: '186, avenue Perrault',
      municipality: "Val-d'Or",
      postalCode: 'J9P 2H5',
      region: { name: 'Abitibi-Témiscamingue' },
    });
  });

  it('lets ADMIN create and edit a service point (postal code normalized, audited) and refuses others', async () => {
    const created = await app.graphql(
      `mutation { createServicePoint(input: { regionCode: "13", name: "Services Québec — Laval (Sainte-Rose)",
         address: "1, boulevard Sainte-Rose", municipality: "Laval", postalCode: "h7l1a1" }) { id postalCode version } }`,
    );
    const point = dataOf(created).createServicePoint;
    expect(point.postalCode).toBe('H7L 1A1');

    const updated = await app.graphql(
      `mutation ($id: ID!) { updateServicePoint(input: { id: $id, version: 1, phone: "450 555-0100" }) { phone version } }`,
      { variables: { id: point.id } },
    );
    expect(dataOf(updated).updateServicePoint).toEqual({ phone: '450 555-0100', version: 2 });
    expect(await app.count('audit_log', `entity_type = 'ServicePoint' AND entity_id = $1`, [point.id])).toBe(2);

    const stale = await app.graphql(
      `mutation ($id: ID!) { updateServicePoint(input: { id: $id, version: 1, phone: "0" }) { id } }`,
      { variables: { id: point.id } },
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const advisor = await createAdvisor(app, { regionCodes: ['13'] });
    const refused = await app.graphql(
      `mutation { createServicePoint(input: { regionCode: "13", name: "Autre" }) { id } }`,
      { as: advisor.email },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await app.count('service_points', `name = 'Autre'`)).toBe(0);
  });

  it('moves regions between directions when ADMIN edits a direction', async () => {
    const created = await app.graphql(
      `mutation { createRegionalDirection(input: { code: "OUT", name: "Direction régionale de l'Outaouais", regionCodes: ["07"] }) {
          code regions { code } } }`,
    );
    expect(dataOf(created).createRegionalDirection).toEqual({ code: 'OUT', regions: [{ code: '07' }] });
    const oan = dataOf(await app.graphql(`{ regionalDirections { code regions { code } } }`)).regionalDirections.find(
      (d: { code: string }) => d.code === 'OAN',
    );
    expect(oan.regions).toEqual([{ code: '08' }, { code: '10' }]);

    const duplicate = await app.graphql(`mutation { createRegionalDirection(input: { code: "OUT", name: "x" }) { code } }`);
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
