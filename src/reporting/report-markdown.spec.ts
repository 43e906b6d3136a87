import { frenchDate, markdownText, ofRegion, renderRegionalReport, type ReportFigures } from './report-markdown.js';

const LAVAL_2020_2021: ReportFigures = {
  regionName: 'Laval',
  from: '2020-04-01',
  to: '2021-03-31',
  fiscalYear: '2020-2021',
  employersAccompanied: 54,
  newEmployers: 31,
  filesOpened: 38,
  filesClosed: 22,
  interactions: 1234,
  interactionMinutes: 41_430,
  needsByCategory: [
    { label: 'Secteur de la santé', needs: 3, positions: 12, openPositions: 5, filledPositions: 7 },
    { label: 'Métiers, transport, machinerie et domaines apparentés', needs: 6, positions: 25, openPositions: 20, filledPositions: 5 },
  ],
  journeesQuebec: { participations: 4, attended: 3, candidatesMet: 210, offersMade: 14, hires: 9 },
  portailReferrals: { referred: 17, accountCreated: 15, offerPosted: 11, candidatesReceived: 8, hired: 1, declined: 2, abandoned: 1 },
  advisors: 2,
  servicePoints: [
    { name: 'Services Québec — Laval (Chomedey)', address: '1438, boulevard Daniel-Johnson', municipality: 'Laval', postalCode: null },
    { name: 'Services Québec — Laval (Laval-des-Rapides)', address: '3, Place-Laval, bureau 430', municipality: 'Laval', postalCode: null },
  ],
};

describe('the French regional report', () => {
  it('reads like the published "Bilan des réalisations"', () => {
    expect(renderRegionalReport(LAVAL_2020_2021)).toMatchInlineSnapshot(`
"# Bilan des réalisations — Laval (exercice 2020-2021)

Période couverte : du 1er avril 2020 au 31 mars 2021.

Au cours de cette période, les conseillères et conseillers en immigration régionale ont accompagné **54 entreprises** de la région de Laval, dont **31 nouvelles entreprises accompagnées** pour la première fois dans la région.

## Accompagnement des entreprises

- Dossiers d’accompagnement ouverts : 38
- Dossiers fermés : 22
- Interventions consignées : 1\u202f234 (690,5 h)

## Besoins de main-d’œuvre

Les entreprises ont fait part de 9 besoins totalisant 37 postes dans la région (12 pourvus, 25 encore à pourvoir) :

- Secteur de la santé : 12 postes, 7 pourvus, 5 à pourvoir
- Métiers, transport, machinerie et domaines apparentés : 25 postes, 5 pourvus, 20 à pourvoir

## Outils de recrutement

- Journées Québec : 4 participations d’entreprises, 3 présentes, 210 candidatures rencontrées, 14 promesses d’embauche et 9 embauches
- Portail employeurs : 17 entreprises référées, 15 comptes créés, 11 avec une offre affichée, 8 ayant reçu des candidatures, 1 avec une embauche

## Personnel du Ministère dans la région

Précisons que deux conseillères et conseillers en immigration régionale sont en poste pour la région de Laval, pour offrir un service clé en main aux entreprises désireuses d’embaucher des personnes immigrantes d’ici ou d’ailleurs.

## Points de services

Les bureaux sont situés :

- Services Québec — Laval (Chomedey), 1438, boulevard Daniel-Johnson, Laval
- Services Québec — Laval (Laval-des-Rapides), 3, Place-Laval, bureau 430, Laval
"
`);
  });

  it('writes singulars, empty sections and other periods properly', () => {
    const text = renderRegionalReport({
      ...LAVAL_2020_2021,
      regionName: 'Abitibi-Témiscamingue',
      fiscalYear: null,
      from: '2021-01-01',
      to: '2021-01-31',
      employersAccompanied: 1,
      newEmployers: 1,
      needsByCategory: [],
      advisors: 1,
      servicePoints: [],
      journeesQuebec: { participations: 0, attended: 0, candidatesMet: 0, offersMade: 0, hires: 0 },
      portailReferrals: { referred: 0, accountCreated: 0, offerPosted: 0, candidatesReceived: 0, hired: 0, declined: 0, abandoned: 0 },
    });
    expect(text).toContain('- Journées Québec : aucune entreprise de la région n’y a participé pendant la période');
    expect(text).toContain('- Portail employeurs : aucune entreprise référée pendant la période');
    expect(text).toContain('# Bilan des réalisations — Abitibi-Témiscamingue (du 1er janvier 2021 au 31 janvier 2021)');
    expect(text).toContain('**1 entreprise** de la région de l’Abitibi-Témiscamingue, dont **1 nouvelle entreprise accompagnée**');
    expect(text).toContain('Aucun besoin de main-d’œuvre actif');
    expect(text).toContain('Précisons qu’une conseillère ou un conseiller en immigration régionale est en poste');
    expect(text).toContain('Aucun point de services');
  });

  it.each([
    ['Bas-Saint-Laurent', 'du Bas-Saint-Laurent'],
    ['Mauricie', 'de la Mauricie'],
    ['Outaouais', 'de l’Outaouais'],
    ['Montréal', 'de Montréal'],
    ['Centre-du-Québec', 'du Centre-du-Québec'],
  ])('says "of" %s as %s', (name, phrase) => expect(ofRegion(name)).toBe(phrase));

  it('writes dates the French way', () => {
    expect(frenchDate('2021-04-01')).toBe('1er avril 2021');
    expect(frenchDate('2021-03-31')).toBe('31 mars 2021');
  });

  it.each([
    ['# Titre', '\\# Titre'],
    ['[clic](javascript:alert(1))', '\\[clic\\](javascript:alert(1))'],
    ['![](http://track.example/p.gif)', '\\!\\[\\](http://track.example/p.gif)'],
    ['<img src=x>', '\\<img src=x\\>'],
    ['- puce', '\\- puce'],
    ['1. liste', '1\\. liste'],
    ['*gras* _it_ `code` | a | ~b~ &amp; \\', '\\*gras\\* \\_it\\_ \\`code\\` \\| a \\| \\~b\\~ \\&amp; \\\\'],
    ['ligne 1\nligne 2', 'ligne 1 ligne 2'],
    ["Services Québec — Val-d'Or (Chomedey), 3, Place-Laval", "Services Québec — Val-d'Or (Chomedey), 3, Place-Laval"],
  ])('writes %j as the plain text %j', (value, text) => expect(markdownText(value)).toBe(text));
});
