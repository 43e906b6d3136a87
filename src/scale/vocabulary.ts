/**
 * Words the synthetic data is made of: regions' weights, municipalities with their postal prefixes, family and
 * given names, trades with their SCIAN codes, CNP 2021 occupations, Journées Québec destinations, interaction
 * summaries. Written for this project; plausible, not a copy of any register.
 */
import { Ownership } from '../companies/company.enums.js';

/**
 * Relative weight of each region in the ministry's activity with employers. Montréal, Centre-du-Québec, Laval and
 * Abitibi-Témiscamingue are the seeds' figures (employers accompanied: 265, 92, 54, 44); the others are plausible
 * (Capitale-Nationale and Montérégie large, Nord-du-Québec tiny).
 */
export const REGION_WEIGHTS: Readonly<Record<string, number>> = {
  '01': 38, // Bas-Saint-Laurent
  '02': 48, // Saguenay–Lac-Saint-Jean
  '03': 150, // Capitale-Nationale
  '04': 50, // Mauricie
  '05': 70, // Estrie
  '06': 265, // Montréal (seed 001)
  '07': 52, // Outaouais
  '08': 44, // Abitibi-Témiscamingue (seed 003)
  '09': 18, // Côte-Nord
  '10': 5, // Nord-du-Québec
  '11': 14, // Gaspésie–Îles-de-la-Madeleine
  '12': 85, // Chaudière-Appalaches
  '13': 54, // Laval (seed 000)
  '14': 50, // Lanaudière
  '15': 62, // Laurentides
  '16': 180, // Montérégie
  '17': 92, // Centre-du-Québec (seed 002)
};

/** Regional immigration advisors (CIR) per region: Montréal 12, Centre-du-Québec 3, Abitibi 2 as in the seeds. */
export const ADVISORS_PER_REGION: Readonly<Record<string, number>> = {
  '01': 2, '02': 2, '03': 6, '04': 2, '05': 3, '06': 12, '07': 2, '08': 2, '09': 1, '10': 1, '11': 1, '12': 3,
  '13': 3, '14': 2, '15': 3, '16': 7, '17': 3,
};

/** Regions an advisor of the first region also covers (small regions served from a neighbour's team). */
export const SHARED_COVERAGE: readonly [string, string][] = [
  ['08', '10'], // Abitibi-Témiscamingue also serves Nord-du-Québec
  ['01', '11'], // Bas-Saint-Laurent also serves Gaspésie–Îles-de-la-Madeleine
  ['02', '09'], // Saguenay–Lac-Saint-Jean also serves Côte-Nord
  ['04', '17'], // one Mauricie advisor also works in Centre-du-Québec
];

/** Municipalities per region, with forward sortation areas (first 3 characters of the postal code). */
export const MUNICIPALITIES: Readonly<Record<string, readonly (readonly [string, readonly string[]])[]>> = {
  '01': [['Rimouski', ['G5L', 'G5M', 'G5N']], ['Rivière-du-Loup', ['G5R']], ['Matane', ['G4W']], ['Amqui', ['G5J']]],
  '02': [['Saguenay', ['G7H', 'G7J', 'G7S', 'G7B']], ['Alma', ['G8B', 'G8E']], ['Roberval', ['G8H']], ['Dolbeau-Mistassini', ['G8L']]],
  '03': [['Québec', ['G1K', 'G1R', 'G1N', 'G2J', 'G1V', 'G2C']], ['Saint-Augustin-de-Desmaures', ['G3A']], ['Baie-Saint-Paul', ['G3Z']], ['Donnacona', ['G3M']]],
  '04': [['Trois-Rivières', ['G9A', 'G8T', 'G8Y', 'G9B']], ['Shawinigan', ['G9N', 'G9P']], ['La Tuque', ['G9X']], ['Louiseville', ['J5V']]],
  '05': [['Sherbrooke', ['J1H', 'J1J', 'J1L', 'J1E']], ['Magog', ['J1X']], ['Coaticook', ['J1A']], ['Lac-Mégantic', ['G6B']]],
  '06': [['Montréal', ['H2X', 'H3B', 'H1N', 'H4N', 'H2R', 'H1P', 'H3C', 'H4T', 'H1B', 'H2K']], ['Dorval', ['H9P', 'H9S']], ['Pointe-Claire', ['H9R']], ['Saint-Laurent', ['H4R', 'H4S']]],
  '07': [['Gatineau', ['J8T', 'J8Y', 'J9H', 'J8P', 'J9A']], ['Maniwaki', ['J9E']], ['Shawville', ['J0X']]],
  '08': [['Rouyn-Noranda', ['J9X', 'J9Y']], ["Val-d'Or", ['J9P']], ['Amos', ['J9T']], ['La Sarre', ['J9Z']], ['Ville-Marie', ['J9V']]],
  '09': [['Baie-Comeau', ['G4Z', 'G5C']], ['Sept-Îles', ['G4R', 'G4S']], ['Forestville', ['G0T']]],
  '10': [['Chibougamau', ['G8P']], ['Matagami', ['J0Y']], ['Lebel-sur-Quévillon', ['J0Y']]],
  '11': [['Gaspé', ['G4X']], ['Les Îles-de-la-Madeleine', ['G4T']], ['Chandler', ['G0C']], ['Sainte-Anne-des-Monts', ['G4V']]],
  '12': [['Lévis', ['G6V', 'G6W', 'G6Z', 'G7A']], ['Saint-Georges', ['G5Y', 'G5Z']], ['Thetford Mines', ['G6G', 'G6H']], ['Montmagny', ['G5V']]],
  '13': [['Laval', ['H7N', 'H7T', 'H7V', 'H7L', 'H7P', 'H7S', 'H7G']]],
  '14': [['Joliette', ['J6E']], ['Terrebonne', ['J6W', 'J6X', 'J6Y']], ['Repentigny', ['J5Y', 'J6A']], ['Mascouche', ['J7K']]],
  '15': [['Saint-Jérôme', ['J7Y', 'J7Z']], ['Mirabel', ['J7J', 'J7N']], ['Mont-Tremblant', ['J8E']], ['Blainville', ['J7C', 'J7B']], ['Sainte-Agathe-des-Monts', ['J8C']]],
  '16': [['Longueuil', ['J4K', 'J4H', 'J4M']], ['Saint-Hyacinthe', ['J2S', 'J2T']], ['Granby', ['J2G', 'J2H']], ['Brossard', ['J4W', 'J4Z']], ['Saint-Jean-sur-Richelieu', ['J3B', 'J2W']], ['Vaudreuil-Dorion', ['J7V']], ['Sorel-Tracy', ['J3P']]],
  '17': [['Drummondville', ['J2B', 'J2C', 'J2A']], ['Victoriaville', ['G6P', 'G6S']], ['Bécancour', ['G9H']], ['Nicolet', ['J3T']]],
};

/** Letters allowed in Canadian postal codes (never D, F, I, O, Q, U). */
export const POSTAL_LETTERS = 'ABCEGHJKLMNPRSTVWXYZ';

export const FAMILY_NAMES = [
  'Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné', 'Ouellet',
  'Pelletier', 'Bélanger', 'Lévesque', 'Bergeron', 'Leblanc', 'Paquette', 'Girard', 'Simard', 'Boucher', 'Caron',
  'Beaulieu', 'Cloutier', 'Dubé', 'Poirier', 'Fournier', 'Lapointe', 'Leclerc', 'Lefebvre', 'Poulin', 'Thibault',
  'St-Pierre', 'Nadeau', 'Martin', 'Landry', 'Martel', 'Bédard', 'Grenier', 'Lessard', 'Bernier', 'Richard',
  'Michaud', 'Hébert', 'Desjardins', 'Couture', 'Turcotte', 'Lachance', 'Parent', 'Blais', 'Gosselin', 'Savard',
  'Proulx', 'Beaudoin', 'Demers', 'Perreault', 'Boudreau', 'Lemieux', 'Cyr', 'Perron', 'Dufour', 'Dion', 'Mercier',
  'Bolduc', 'Bérubé', 'Boisvert', 'Langlois', 'Ménard', 'Therrien', 'Plante', 'Bilodeau', 'Blanchette', 'Dussault',
  'Champagne', 'Lalonde', 'Vachon', 'Brassard', 'Harvey', 'Carrier', 'Deschênes', 'Laflamme',
] as const;

/** Names heard among the ministry's advisors and the employers' founders, in Québec's diversity. */
export const OTHER_FAMILY_NAMES = ['Benali', 'Nguyen', 'Diallo', 'Traoré', 'Haddad', 'Rodriguez', 'Joseph', 'Chen', 'Kaur', 'Mendoza', 'Ait Ahmed', 'Petrov'] as const;

export const GIVEN_NAMES = [
  'Marie-Ève', 'Sophie', 'Julie', 'Isabelle', 'Catherine', 'Mélanie', 'Geneviève', 'Nathalie', 'Valérie', 'Annie',
  'Émilie', 'Audrey', 'Karine', 'Josée', 'Chantal', 'Amélie', 'Fatima', 'Nadia', 'Amina', 'Mariana', 'Mei',
  'Jean-François', 'Mathieu', 'Alexandre', 'Olivier', 'Maxime', 'Simon', 'Patrick', 'Sébastien', 'Éric', 'Martin',
  'François', 'Guillaume', 'Karim', 'Youssef', 'Luis', 'Mamadou', 'Wei', 'Hugo', 'Louis', 'Gabriel',
] as const;

export const PLACE_WORDS = [
  'du Nord', 'de l’Estuaire', 'des Laurentides', 'du Richelieu', 'de la Chaudière', 'du Saguenay', 'des Appalaches',
  'Saint-Laurent', 'des Bois-Francs', 'de la Mauricie', 'du Fjord', 'de l’Outaouais', 'Boréal', 'des Cantons',
  'de la Vallée', 'du Lac', 'des Îles', 'de la Côte', 'Rive-Sud', 'Rive-Nord', 'Métropolitain', 'du Vieux-Port',
  'des Érables', 'Nordique', 'Horizon', 'Laurentien', 'Boisé', 'Étoile', 'Azur', 'Alliance',
] as const;

/** A trade: the word names start with, its SCIAN code, weight among employers, ownership, typical size index. */
export interface Trade {
  word: string;
  naics: string;
  weight: number;
  ownership: Ownership;
  /** 0 = usually small … 5 = usually large. */
  size: number;
}

export const TRADES: readonly Trade[] = [
  { word: 'Boulangerie', naics: '311811', weight: 4, ownership: Ownership.PRIVATE, size: 1 },
  { word: 'Abattoir', naics: '311611', weight: 2, ownership: Ownership.PRIVATE, size: 3 },
  { word: 'Transformation alimentaire', naics: '311990', weight: 4, ownership: Ownership.PRIVATE, size: 3 },
  { word: 'Fromagerie', naics: '311515', weight: 2, ownership: Ownership.PRIVATE, size: 2 },
  { word: 'Usinage', naics: '332710', weight: 6, ownership: Ownership.PRIVATE, size: 2 },
  { word: 'Soudure', naics: '332319', weight: 3, ownership: Ownership.PRIVATE, size: 2 },
  { word: 'Métallurgie', naics: '331110', weight: 2, ownership: Ownership.PRIVATE, size: 4 },
  { word: 'Meubles', naics: '337121', weight: 3, ownership: Ownership.PRIVATE, size: 2 },
  { word: 'Plastiques', naics: '326198', weight: 2, ownership: Ownership.PRIVATE, size: 3 },
  { word: 'Portes et fenêtres', naics: '321911', weight: 2, ownership: Ownership.PRIVATE, size: 3 },
  { word: 'Scierie', naics: '321111', weight: 2, ownership: Ownership.PRIVATE, size: 3 },
  { word: 'Aéronautique', naics: '336410', weight: 1, ownership: Ownership.PRIVATE, size: 4 },
  { word: 'Transport', naics: '484121', weight: 6, ownership: Ownership.PRIVATE, size: 2 },
  { word: 'Entrepôts', naics: '493110', weight: 2, ownership: Ownership.PRIVATE, size: 3 },
  { word: 'Construction', naics: '236110', weight: 6, ownership: Ownership.PRIVATE, size: 2 },
  { word: 'Excavation', naics: '238910', weight: 2, ownership: Ownership.PRIVATE, size: 1 },
  { word: 'Électricité', naics: '238210', weight: 3, ownership: Ownership.PRIVATE, size: 1 },
  { word: 'Plomberie', naics: '238220', weight: 2, ownership: Ownership.PRIVATE, size: 1 },
  { word: 'Ferme', naics: '111422', weight: 3, ownership: Ownership.PRIVATE, size: 1 },
  { word: 'Serres', naics: '111419', weight: 2, ownership: Ownership.PRIVATE, size: 2 },
  { word: 'Érablière', naics: '111994', weight: 1, ownership: Ownership.PRIVATE, size: 0 },
  { word: 'Pêcheries', naics: '114113', weight: 1, ownership: Ownership.PRIVATE, size: 1 },
  { word: 'Mines', naics: '212220', weight: 1, ownership: Ownership.PRIVATE, size: 5 },
  { word: 'Forage', naics: '213119', weight: 1, ownership: Ownership.PRIVATE, size: 3 },
  { word: 'Restaurant', naics: '722511', weight: 6, ownership: Ownership.PRIVATE, size: 1 },
  { word: 'Hôtel', naics: '721111', weight: 3, ownership: Ownership.PRIVATE, size: 2 },
  { word: 'Épicerie', naics: '445110', weight: 3, ownership: Ownership.PRIVATE, size: 1 },
  { word: 'Quincaillerie', naics: '444130', weight: 2, ownership: Ownership.PRIVATE, size: 1 },
  { word: 'Distribution', naics: '413190', weight: 3, ownership: Ownership.PRIVATE, size: 2 },
  { word: 'Garage', naics: '811111', weight: 3, ownership: Ownership.PRIVATE, size: 0 },
  { word: 'Informatique', naics: '541510', weight: 5, ownership: Ownership.PRIVATE, size: 2 },
  { word: 'Logiciels', naics: '511210', weight: 2, ownership: Ownership.PRIVATE, size: 2 },
  { word: 'Génie-conseil', naics: '541330', weight: 2, ownership: Ownership.PRIVATE, size: 2 },
  { word: 'Comptabilité', naics: '541212', weight: 1, ownership: Ownership.PRIVATE, size: 1 },
  { word: 'Entretien ménager', naics: '561722', weight: 3, ownership: Ownership.PRIVATE, size: 2 },
  { word: 'Sécurité', naics: '561612', weight: 1, ownership: Ownership.PRIVATE, size: 3 },
  { word: 'Assurances', naics: '524210', weight: 1, ownership: Ownership.PRIVATE, size: 2 },
  { word: 'Gestion immobilière', naics: '531310', weight: 1, ownership: Ownership.PRIVATE, size: 1 },
  { word: 'Télécommunications', naics: '517311', weight: 1, ownership: Ownership.PRIVATE, size: 3 },
  { word: 'Hydroélectricité', naics: '221111', weight: 1, ownership: Ownership.PRIVATE, size: 4 },
  { word: 'Clinique', naics: '621110', weight: 2, ownership: Ownership.PRIVATE, size: 1 },
  { word: 'Résidence pour aînés', naics: '623312', weight: 3, ownership: Ownership.PRIVATE, size: 2 },
  { word: 'Centre de la petite enfance', naics: '624410', weight: 3, ownership: Ownership.NON_PROFIT, size: 1 },
  { word: 'Coopérative de solidarité', naics: '813910', weight: 2, ownership: Ownership.NON_PROFIT, size: 1 },
  { word: 'Centre communautaire', naics: '624190', weight: 1, ownership: Ownership.NON_PROFIT, size: 0 },
  { word: 'Festival', naics: '711311', weight: 1, ownership: Ownership.NON_PROFIT, size: 0 },
  { word: 'Collège', naics: '611210', weight: 1, ownership: Ownership.PARAPUBLIC, size: 4 },
  { word: 'Centre intégré de santé', naics: '622111', weight: 1, ownership: Ownership.PARAPUBLIC, size: 5 },
  { word: 'Centre de services scolaire', naics: '611110', weight: 1, ownership: Ownership.PARAPUBLIC, size: 5 },
  { word: 'Municipalité', naics: '913910', weight: 1, ownership: Ownership.PUBLIC, size: 3 },
  { word: 'Société de gestion', naics: '551113', weight: 1, ownership: Ownership.PRIVATE, size: 3 },
];

export const LEGAL_SUFFIXES: readonly (readonly [string, number])[] = [
  [' inc.', 45], [' ltée', 15], ['', 25], [' s.e.n.c.', 3], [' Inc.', 8], [' enr.', 4],
];

export const STREET_TYPES = ['rue', 'rue', 'rue', 'boulevard', 'avenue', 'chemin', 'route', 'rang'] as const;
export const STREET_NAMES = [
  'Principale', 'Saint-Jean', 'Notre-Dame', 'de l’Église', 'des Érables', 'Industrielle', 'Wilfrid-Laurier',
  'du Parc', 'Saint-Joseph', 'Champlain', 'des Pins', 'du Lac', 'Sainte-Anne', 'Jacques-Cartier', 'de la Gare',
  'Saint-Laurent', 'Maisonneuve', 'des Pionniers', 'du Moulin', 'Marie-Victorin', 'René-Lévesque', 'Labelle',
  'Lapierre', 'des Forges', 'de l’Industrie', 'Cartier', 'Papineau', 'Roland-Therrien',
] as const;

/** CNP 2021 occupations that employers bring to advisors (code: 5 digits, the 2nd one is the TEER). */
export const OCCUPATIONS: readonly (readonly [string, string, number])[] = [
  ['72106', 'Soudeurs et opérateurs de machines à souder et à braser', 6],
  ['72100', 'Machinistes et vérificateurs d’usinage et d’outillage', 5],
  ['72310', 'Charpentiers-menuisiers', 4],
  ['72410', 'Mécaniciens et réparateurs de véhicules automobiles, de camions et d’autobus', 4],
  ['72400', 'Mécaniciens de chantier et mécaniciens industriels', 4],
  ['72200', 'Électriciens (sauf électriciens industriels et de réseaux électriques)', 3],
  ['73300', 'Conducteurs de camions de transport', 7],
  ['33102', 'Aides-infirmiers, aides-soignants et préposés aux bénéficiaires', 7],
  ['31301', 'Infirmiers autorisés et infirmiers psychiatriques autorisés', 5],
  ['21231', 'Ingénieurs et concepteurs en logiciel', 3],
  ['21232', 'Développeurs et programmeurs de logiciels', 4],
  ['21300', 'Ingénieurs civils', 2],
  ['22310', 'Technologues et techniciens en génie électronique et électrique', 2],
  ['63200', 'Cuisiniers', 6],
  ['62200', 'Chefs', 2],
  ['65200', 'Serveurs d’aliments et de boissons', 3],
  ['65201', 'Serveurs au comptoir, aides de cuisine et personnel de soutien assimilé', 4],
  ['65310', 'Préposés à l’entretien ménager et au nettoyage — travaux légers', 3],
  ['95100', 'Manœuvres dans la transformation des aliments et des boissons', 6],
  ['94141', 'Bouchers industriels, découpeurs de viande et préparateurs de volaille', 4],
  ['85100', 'Ouvriers agricoles', 5],
  ['75110', 'Aides de soutien des métiers et manœuvres en construction', 3],
  ['42202', 'Éducateurs et aides-éducateurs de la petite enfance', 3],
  ['64100', 'Vendeurs — commerce de détail', 2],
  ['13110', 'Adjoints administratifs', 2],
];

/** Journées Québec destinations: city, country, whether held virtually. */
export const EVENT_PLACES: readonly (readonly [string, string])[] = [
  ['Paris', 'France'], ['Lyon', 'France'], ['Bordeaux', 'France'], ['Bruxelles', 'Belgique'], ['Casablanca', 'Maroc'],
  ['Tunis', 'Tunisie'], ['Dakar', 'Sénégal'], ['Abidjan', 'Côte d’Ivoire'], ['Mexico', 'Mexique'], ['Bogotá', 'Colombie'],
  ['São Paulo', 'Brésil'], ['Barcelone', 'Espagne'], ['Lisbonne', 'Portugal'], ['Port-au-Prince', 'Haïti'],
];

export const SUMMARY_OPENINGS: Readonly<Record<string, readonly string[]>> = {
  CALL: ['Appel avec la direction', 'Appel de suivi', 'Appel à la responsable des ressources humaines', 'Retour d’appel'],
  MEETING: ['Rencontre avec la direction', 'Rencontre de suivi', 'Rencontre avec l’équipe RH', 'Rencontre de démarrage'],
  EMAIL: ['Courriel envoyé', 'Courriel de suivi', 'Échange de courriels', 'Réponse par courriel'],
  SITE_VISIT: ['Visite de l’entreprise', 'Visite des installations', 'Visite de l’usine'],
  INFORMATION_SESSION: ['Séance d’information', 'Présentation aux gestionnaires', 'Webinaire employeurs'],
  OTHER: ['Suivi', 'Note au dossier', 'Démarche'],
};

export const SUMMARY_TOPICS = [
  'sur les besoins de main-d’œuvre',
  'sur le recrutement international',
  'sur le Programme des travailleurs étrangers temporaires',
  'sur l’évaluation de l’impact sur le marché du travail',
  'sur les Journées Québec',
  'sur l’inscription au Portail employeurs',
  'sur l’accueil des nouveaux employés',
  'sur la francisation des travailleurs',
  'sur le logement des travailleurs étrangers',
  'sur la rétention du personnel immigrant',
  'sur les démarches d’immigration permanente',
  'sur la mobilité interrégionale',
  'sur l’intégration en région',
  'sur la reconnaissance des diplômes',
] as const;

export const SUMMARY_ENDINGS = [
  '', '', '', ' Documents transmis.', ' Suivi prévu dans deux semaines.', ' L’entreprise réfléchit.',
  ' Aiguillage vers un partenaire.', ' Besoins confirmés.', ' Prochaine étape convenue.', ' Message laissé.',
] as const;
