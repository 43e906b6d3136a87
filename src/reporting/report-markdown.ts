/** What the French "Bilan des réalisations" needs; the GraphQL RegionalReport minus the rendering. */
export interface ReportFigures {
  regionName: string;
  from: string;
  to: string;
  fiscalYear: string | null;
  employersAccompanied: number;
  newEmployers: number;
  filesOpened: number;
  filesClosed: number;
  interactions: number;
  interactionMinutes: number;
  needsByCategory: { label: string; needs: number; positions: number; openPositions: number; filledPositions: number }[];
  journeesQuebec: { participations: number; attended: number; candidatesMet: number; offersMade: number; hires: number };
  portailReferrals: {
    referred: number;
    accountCreated: number;
    offerPosted: number;
    candidatesReceived: number;
    hired: number;
    declined: number;
    abandoned: number;
  };
  advisors: number;
  servicePoints: { name: string; address: string | null; municipality: string | null; postalCode: string | null }[];
}

/** CNP 2021 broad occupational categories (1st digit), in French. */
export const NOC_BROAD_CATEGORIES: Record<number, string> = {
  0: 'Membres des corps législatifs et cadres supérieurs',
  1: 'Affaires, finance et administration',
  2: 'Sciences naturelles et appliquées et domaines apparentés',
  3: 'Secteur de la santé',
  4: 'Enseignement, droit et services sociaux, communautaires et gouvernementaux',
  5: 'Arts, culture, sports et loisirs',
  6: 'Vente et services',
  7: 'Métiers, transport, machinerie et domaines apparentés',
  8: 'Ressources naturelles, agriculture et production connexe',
  9: 'Fabrication et services d’utilité publique',
};

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const WORDS = ['aucune', 'une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze'];

/** 2021-04-01 → « 1er avril 2021 ». */
export function frenchDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
}

/** 1234 → « 1 234 » (thin no-break space as in French typography). */
export function frenchNumber(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/** Small counts in words, as the published reports write them (« deux conseillères »). */
function countWord(n: number): string {
  return n < WORDS.length ? WORDS[n]! : frenchNumber(n);
}

const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);

/**
 * A value (a region's or a service point's name, an address) written into the report as plain text, whatever it
 * holds: every Markdown and HTML construct it could start is escaped with a backslash (CommonMark escapes any ASCII
 * punctuation), so it cannot add a heading, a list, a quote, a table, a link, an image, emphasis, code or raw HTML.
 * Line breaks and other control characters become spaces (names are refused with them, but older rows and
 * addresses may hold some). Letters, digits, spaces and the punctuation of ordinary names stay as they are.
 */
export function markdownText(value: string): string {
  return value
    .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>!#|~&]/g, '\\$&')
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** « du », « de la », « de l’ » or « de » before a region's name. */
function regionPreposition(name: string): string {
  const masculine = ['Bas-Saint-Laurent', 'Saguenay–Lac-Saint-Jean', 'Centre-du-Québec', 'Nord-du-Québec'];
  const feminine = ['Capitale-Nationale', 'Mauricie', 'Montérégie', 'Côte-Nord', 'Gaspésie–Îles-de-la-Madeleine'];
  if (masculine.includes(name)) return 'du ';
  if (feminine.includes(name)) return 'de la ';
  if (/^[AEÉIOUÎ]/.test(name)) return 'de l’';
  return 'de ';
}

/** « de Laval », « du Bas-Saint-Laurent », « de la Mauricie », « de l’Outaouais »… */
export function ofRegion(name: string): string {
  return `${regionPreposition(name)}${name}`;
}

/**
 * The French "Bilan des réalisations" of a region, written the way the ministry's published reports are: title
 * with the region and the fiscal year, the headline sentence with the counts, then the figures as lists, the
 * staff and the service points with their addresses.
 */
export function renderRegionalReport(r: ReportFigures): string {
  const regionName = markdownText(r.regionName);
  const ofRegionName = `${regionPreposition(r.regionName)}${regionName}`;
  const periodTitle = r.fiscalYear ? `exercice ${r.fiscalYear}` : `du ${frenchDate(r.from)} au ${frenchDate(r.to)}`;
  const lines: string[] = [];
  lines.push(`# Bilan des réalisations — ${regionName} (${periodTitle})`, '');
  lines.push(`Période couverte : du ${frenchDate(r.from)} au ${frenchDate(r.to)}.`, '');
  lines.push(
    `Au cours de cette période, les conseillères et conseillers en immigration régionale ont accompagné ` +
      `**${frenchNumber(r.employersAccompanied)} ${plural(r.employersAccompanied, 'entreprise', 'entreprises')}** ` +
      `de la région ${ofRegionName}, dont **${frenchNumber(r.newEmployers)} ` +
      `${plural(r.newEmployers, 'nouvelle entreprise accompagnée', 'nouvelles entreprises accompagnées')}** ` +
      `pour la première fois dans la région.`,
    '',
  );

  lines.push('## Accompagnement des entreprises', '');
  lines.push(`- Dossiers d’accompagnement ouverts : ${frenchNumber(r.filesOpened)}`);
  lines.push(`- Dossiers fermés : ${frenchNumber(r.filesClosed)}`);
  const hours = Math.round(r.interactionMinutes / 6) / 10;
  lines.push(`- Interventions consignées : ${frenchNumber(r.interactions)} (${String(hours).replace('.', ',')} h)`, '');

  lines.push('## Besoins de main-d’œuvre', '');
  if (r.needsByCategory.length === 0) {
    lines.push('Aucun besoin de main-d’œuvre actif dans la région pendant la période.', '');
  } else {
    const totals = r.needsByCategory.reduce(
      (sum, c) => ({ needs: sum.needs + c.needs, positions: sum.positions + c.positions, filled: sum.filled + c.filledPositions, open: sum.open + c.openPositions }),
      { needs: 0, positions: 0, filled: 0, open: 0 },
    );
    lines.push(
      `Les entreprises ont fait part de ${frenchNumber(totals.needs)} ${plural(totals.needs, 'besoin', 'besoins')} ` +
        `totalisant ${frenchNumber(totals.positions)} ${plural(totals.positions, 'poste', 'postes')} dans la région ` +
        `(${frenchNumber(totals.filled)} ${plural(totals.filled, 'pourvu', 'pourvus')}, ${frenchNumber(totals.open)} encore à pourvoir) :`,
      '',
    );
    for (const c of r.needsByCategory) {
      lines.push(
        `- ${markdownText(c.label)} : ${frenchNumber(c.positions)} ${plural(c.positions, 'poste', 'postes')}, ` +
          `${frenchNumber(c.filledPositions)} ${plural(c.filledPositions, 'pourvu', 'pourvus')}, ${frenchNumber(c.openPositions)} à pourvoir`,
      );
    }
    lines.push('');
  }

  lines.push('## Outils de recrutement', '');
  const jq = r.journeesQuebec;
  if (jq.participations === 0) lines.push('- Journées Québec : aucune entreprise de la région n’y a participé pendant la période');
  else lines.push(
    `- Journées Québec : ${frenchNumber(jq.participations)} ${plural(jq.participations, 'participation', 'participations')} ` +
      `d’entreprises, ${frenchNumber(jq.attended)} ${plural(jq.attended, 'présente', 'présentes')}, ` +
      `${frenchNumber(jq.candidatesMet)} ${plural(jq.candidatesMet, 'candidature rencontrée', 'candidatures rencontrées')}, ` +
      `${frenchNumber(jq.offersMade)} ${plural(jq.offersMade, 'promesse', 'promesses')} d’embauche et ` +
      `${frenchNumber(jq.hires)} ${plural(jq.hires, 'embauche', 'embauches')}`,
  );
  const p = r.portailReferrals;
  if (p.referred === 0) lines.push('- Portail employeurs : aucune entreprise référée pendant la période', '');
  else lines.push(
    `- Portail employeurs : ${frenchNumber(p.referred)} ${plural(p.referred, 'entreprise référée', 'entreprises référées')}, ` +
      `${frenchNumber(p.accountCreated)} ${plural(p.accountCreated, 'compte créé', 'comptes créés')}, ` +
      `${frenchNumber(p.offerPosted)} avec une offre affichée, ${frenchNumber(p.candidatesReceived)} ayant reçu des candidatures, ` +
      `${frenchNumber(p.hired)} avec une embauche`,
    '',
  );

  lines.push('## Personnel du Ministère dans la région', '');
  lines.push(
    r.advisors === 0
      ? `Aucune conseillère ni aucun conseiller en immigration régionale n’a la région ${ofRegionName} parmi les siennes.`
      : `Précisons ${r.advisors === 1 ? 'qu’' : 'que '}${countWord(r.advisors)} ${plural(r.advisors, 'conseillère ou un conseiller', 'conseillères et conseillers')} ` +
          `en immigration régionale ${plural(r.advisors, 'est', 'sont')} en poste pour la région ${ofRegionName}, ` +
          `pour offrir un service clé en main aux entreprises désireuses d’embaucher des personnes immigrantes d’ici ou d’ailleurs.`,
    '',
  );

  lines.push('## Points de services', '');
  if (r.servicePoints.length === 0) {
    lines.push('Aucun point de services n’est inscrit pour la région.');
  } else {
    lines.push('Les bureaux sont situés :', '');
    for (const s of r.servicePoints) {
      const place = [s.address, s.municipality, s.postalCode].filter((part): part is string => Boolean(part)).map(markdownText).join(', ');
      lines.push(`- ${markdownText(s.name)}${place ? `, ${place}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
