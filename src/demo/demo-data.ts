import { ServiceLevel, Theme } from '../accompaniments/accompaniment.enums.js';
import { Role } from '../auth/role.js';
import { SizeBand } from '../companies/company.enums.js';
import { PortailReferralStep } from '../portail-referrals/portail-referral.enums.js';
import { RecruitmentChannel } from '../recruitment-needs/recruitment-need.enums.js';

/** The demo administrator, whose token `npm start` prints when it runs on its own embedded database. */
export const DEMO_ADMIN_EMAIL = 'admin@demo.crm.example';

export interface DemoAdvisor {
  email: string;
  fullName: string;
  role: Role;
  regionCodes: string[];
  directionCode?: string;
  /** Name of the service point where the person is posted (data/service-points.csv). */
  servicePoint?: string;
}

/** A small, believable team: Laval, Montréal, Centre-du-Québec and Abitibi-Témiscamingue, as in the seeds. */
export const DEMO_ADVISORS: DemoAdvisor[] = [
  { email: DEMO_ADMIN_EMAIL, fullName: 'Administratrice de démonstration', role: Role.ADMIN, regionCodes: [] },
  {
    email: 'sophie.gagnon@demo.crm.example',
    fullName: 'Sophie Gagnon',
    role: Role.MANAGER,
    regionCodes: [],
    directionCode: 'LLL',
  },
  {
    email: 'marie-eve.lavoie@demo.crm.example',
    fullName: 'Marie-Ève Lavoie',
    role: Role.ADVISOR,
    regionCodes: ['13'],
    servicePoint: 'Services Québec — Laval (Chomedey)',
  },
  {
    email: 'karim.benali@demo.crm.example',
    fullName: 'Karim Benali',
    role: Role.ADVISOR,
    regionCodes: ['13', '15'],
    servicePoint: 'Services Québec — Laval (Laval-des-Rapides)',
  },
  {
    email: 'jean-francois.cote@demo.crm.example',
    fullName: 'Jean-François Côté',
    role: Role.ADVISOR,
    regionCodes: ['06'],
    servicePoint: 'Place Dupuis',
  },
  {
    email: 'amina.diallo@demo.crm.example',
    fullName: 'Amina Diallo',
    role: Role.ADVISOR,
    regionCodes: ['06'],
    servicePoint: 'Place Dupuis',
  },
  {
    email: 'isabelle.bergeron@demo.crm.example',
    fullName: 'Isabelle Bergeron',
    role: Role.ADVISOR,
    regionCodes: ['17'],
    servicePoint: 'Services Québec — Drummondville (Lindsay)',
  },
  {
    email: 'mathieu.gauthier@demo.crm.example',
    fullName: 'Mathieu Gauthier',
    role: Role.ADVISOR,
    regionCodes: ['08'],
    servicePoint: 'Services Québec — Rouyn-Noranda',
  },
  { email: 'catherine.roy@demo.crm.example', fullName: 'Catherine Roy', role: Role.ANALYST, regionCodes: [] },
];

export interface DemoCompany {
  legalName: string;
  neq: string;
  naicsCode: string;
  sizeBand: SizeBand;
  municipality: string;
  postalCode: string;
  regionCode: string;
  contact: { firstName: string; lastName: string; title: string; email: string; phone: string };
  /** The file: lead advisor's email, days since it opened, and how it ended (if it did). */
  file: {
    advisor: string;
    openedDaysAgo: number;
    serviceLevel: ServiceLevel;
    themes: Theme[];
    closedDaysAgo?: number;
    onHoldDaysAgo?: number;
    interactionsDaysAgo: number[];
  };
}

const LAVAL = 'marie-eve.lavoie@demo.crm.example';
const LAVAL_2 = 'karim.benali@demo.crm.example';
const MONTREAL = 'jean-francois.cote@demo.crm.example';
const MONTREAL_2 = 'amina.diallo@demo.crm.example';
const CENTRE = 'isabelle.bergeron@demo.crm.example';
const ABITIBI = 'mathieu.gauthier@demo.crm.example';

/** Fictitious employers (names, NEQs, people), in the regions the seeds report on. */
export const DEMO_COMPANIES: DemoCompany[] = [
  {
    legalName: 'Boulangerie Les Délices de Chomedey inc.', neq: '1990000011', naicsCode: '311811', sizeBand: SizeBand.EMPLOYEES_20_49,
    municipality: 'Laval', postalCode: 'H7W 3Y5', regionCode: '13',
    contact: { firstName: 'Nathalie', lastName: 'Fortin', title: 'Propriétaire', email: 'nathalie.fortin@delices-chomedey.example', phone: '450 555-0111' },
    file: { advisor: LAVAL, openedDaysAgo: 420, serviceLevel: ServiceLevel.PERSONALIZED, themes: [Theme.RECRUITMENT, Theme.INTEGRATION], interactionsDaysAgo: [410, 300, 120, 20] },
  },
  {
    legalName: 'Transport Rapide Laval ltée', neq: '1990000012', naicsCode: '484121', sizeBand: SizeBand.EMPLOYEES_50_99,
    municipality: 'Laval', postalCode: 'H7L 4R9', regionCode: '13',
    contact: { firstName: 'Marc-André', lastName: 'Pelletier', title: 'Directeur des opérations', email: 'ma.pelletier@transport-rapide.example', phone: '450 555-0122' },
    file: { advisor: LAVAL_2, openedDaysAgo: 200, serviceLevel: ServiceLevel.PERSONALIZED, themes: [Theme.RECRUITMENT, Theme.IMMIGRATION_PROCEDURES], closedDaysAgo: 30, interactionsDaysAgo: [195, 150, 60, 31] },
  },
  {
    legalName: 'Logiciels Nordiques inc.', neq: '1990000013', naicsCode: '541510', sizeBand: SizeBand.EMPLOYEES_5_19,
    municipality: 'Laval', postalCode: 'H7T 2K6', regionCode: '13',
    contact: { firstName: 'Sarah', lastName: 'Nguyen', title: 'Responsable des talents', email: 'sarah.nguyen@logiciels-nordiques.example', phone: '450 555-0133' },
    file: { advisor: LAVAL, openedDaysAgo: 75, serviceLevel: ServiceLevel.INFORMATION, themes: [Theme.ATTRACTION], onHoldDaysAgo: 65, interactionsDaysAgo: [74] },
  },
  {
    legalName: 'Aérotech Montréal inc.', neq: '1990000021', naicsCode: '336411', sizeBand: SizeBand.EMPLOYEES_100_499,
    municipality: 'Montréal', postalCode: 'H4S 1Y3', regionCode: '06',
    contact: { firstName: 'Olivier', lastName: 'Dubé', title: 'Vice-président, ressources humaines', email: 'olivier.dube@aerotech-mtl.example', phone: '514 555-0144' },
    file: { advisor: MONTREAL, openedDaysAgo: 600, serviceLevel: ServiceLevel.PERSONALIZED, themes: [Theme.RECRUITMENT, Theme.RETENTION], interactionsDaysAgo: [590, 400, 200, 45] },
  },
  {
    legalName: 'Restaurant Le Petit Marché', neq: '1990000022', naicsCode: '722511', sizeBand: SizeBand.EMPLOYEES_20_49,
    municipality: 'Montréal', postalCode: 'H2S 2R5', regionCode: '06',
    contact: { firstName: 'Fatou', lastName: 'Ndiaye', title: 'Gérante', email: 'fatou.ndiaye@petit-marche.example', phone: '514 555-0155' },
    file: { advisor: MONTREAL_2, openedDaysAgo: 150, serviceLevel: ServiceLevel.REFERRAL, themes: [Theme.WELCOME, Theme.INTEGRATION], closedDaysAgo: 100, interactionsDaysAgo: [148, 110] },
  },
  {
    legalName: 'Entretien Ménager Hochelaga enr.', neq: '1990000023', naicsCode: '561722', sizeBand: SizeBand.EMPLOYEES_5_19,
    municipality: 'Montréal', postalCode: 'H1W 1M7', regionCode: '06',
    contact: { firstName: 'Luis', lastName: 'Ramírez', title: 'Propriétaire', email: 'luis.ramirez@menager-hochelaga.example', phone: '514 555-0166' },
    file: { advisor: MONTREAL_2, openedDaysAgo: 40, serviceLevel: ServiceLevel.PERSONALIZED, themes: [Theme.RECRUITMENT], interactionsDaysAgo: [38, 10] },
  },
  {
    legalName: 'Fromagerie des Bois-Francs inc.', neq: '1990000031', naicsCode: '311515', sizeBand: SizeBand.EMPLOYEES_20_49,
    municipality: 'Victoriaville', postalCode: 'G6P 6S3', regionCode: '17',
    contact: { firstName: 'Julie', lastName: 'Lemieux', title: 'Directrice générale', email: 'julie.lemieux@fromagerie-bf.example', phone: '819 555-0177' },
    file: { advisor: CENTRE, openedDaysAgo: 300, serviceLevel: ServiceLevel.PERSONALIZED, themes: [Theme.RECRUITMENT, Theme.WELCOME], interactionsDaysAgo: [290, 180, 90] },
  },
  {
    legalName: 'Usinage Drummond inc.', neq: '1990000032', naicsCode: '332710', sizeBand: SizeBand.EMPLOYEES_50_99,
    municipality: 'Drummondville', postalCode: 'J2B 1H1', regionCode: '17',
    contact: { firstName: 'Stéphane', lastName: 'Girard', title: 'Directeur d’usine', email: 'stephane.girard@usinage-drummond.example', phone: '819 555-0188' },
    file: { advisor: CENTRE, openedDaysAgo: 500, serviceLevel: ServiceLevel.PERSONALIZED, themes: [Theme.RECRUITMENT, Theme.IMMIGRATION_PROCEDURES], closedDaysAgo: 250, interactionsDaysAgo: [495, 400, 260] },
  },
  {
    legalName: 'Scierie Val-d’Or ltée', neq: '1990000041', naicsCode: '321111', sizeBand: SizeBand.EMPLOYEES_100_499,
    municipality: 'Val-d’Or', postalCode: 'J9P 2H5', regionCode: '08',
    contact: { firstName: 'Denis', lastName: 'Bouchard', title: 'Directeur des ressources humaines', email: 'denis.bouchard@scierie-valdor.example', phone: '819 555-0199' },
    file: { advisor: ABITIBI, openedDaysAgo: 250, serviceLevel: ServiceLevel.PERSONALIZED, themes: [Theme.RECRUITMENT, Theme.RETENTION], interactionsDaysAgo: [240, 100, 5] },
  },
  {
    legalName: 'Forage Abitibi inc.', neq: '1990000042', naicsCode: '213119', sizeBand: SizeBand.EMPLOYEES_20_49,
    municipality: 'Rouyn-Noranda', postalCode: 'J9X 1E3', regionCode: '08',
    contact: { firstName: 'Annie', lastName: 'Cloutier', title: 'Coordonnatrice RH', email: 'annie.cloutier@forage-abitibi.example', phone: '819 555-0200' },
    file: { advisor: ABITIBI, openedDaysAgo: 35, serviceLevel: ServiceLevel.INFORMATION, themes: [Theme.ATTRACTION, Theme.RECRUITMENT], interactionsDaysAgo: [34] },
  },
];

/** Recruitment needs of demo companies (by NEQ): CNP 2021 code, title, positions, those already filled. */
export const DEMO_NEEDS: {
  neq: string;
  nocCode: string;
  title: string;
  positions: number;
  filled: number;
  channels: RecruitmentChannel[];
  openedDaysAgo: number;
  hourlyWage: number;
}[] = [
  { neq: '1990000011', nocCode: '63202', title: 'Boulanger-pâtissier ou boulangère-pâtissière', positions: 3, filled: 1, channels: [RecruitmentChannel.INTERNATIONAL_RECRUITMENT], openedDaysAgo: 400, hourlyWage: 21.5 },
  { neq: '1990000012', nocCode: '73300', title: 'Conducteur ou conductrice de camion de transport', positions: 6, filled: 2, channels: [RecruitmentChannel.INTERREGIONAL_MOBILITY, RecruitmentChannel.TEMPORARY_FOREIGN_WORKERS], openedDaysAgo: 190, hourlyWage: 28 },
  { neq: '1990000013', nocCode: '21231', title: 'Développeur ou développeuse de logiciels', positions: 2, filled: 0, channels: [RecruitmentChannel.LOCAL, RecruitmentChannel.INTERNATIONAL_RECRUITMENT], openedDaysAgo: 70, hourlyWage: 45 },
  { neq: '1990000021', nocCode: '72100', title: 'Machiniste', positions: 10, filled: 4, channels: [RecruitmentChannel.INTERNATIONAL_RECRUITMENT], openedDaysAgo: 580, hourlyWage: 32.75 },
  { neq: '1990000022', nocCode: '63200', title: 'Cuisinier ou cuisinière', positions: 2, filled: 2, channels: [RecruitmentChannel.LOCAL], openedDaysAgo: 145, hourlyWage: 19.5 },
  { neq: '1990000023', nocCode: '65310', title: 'Préposé ou préposée à l’entretien ménager', positions: 4, filled: 0, channels: [RecruitmentChannel.LOCAL, RecruitmentChannel.INTERREGIONAL_MOBILITY], openedDaysAgo: 38, hourlyWage: 18.25 },
  { neq: '1990000031', nocCode: '94142', title: 'Ouvrier ou ouvrière de fromagerie', positions: 5, filled: 1, channels: [RecruitmentChannel.INTERNATIONAL_RECRUITMENT], openedDaysAgo: 280, hourlyWage: 20 },
  { neq: '1990000041', nocCode: '94120', title: 'Opérateur ou opératrice de machines de scierie', positions: 8, filled: 3, channels: [RecruitmentChannel.INTERNATIONAL_RECRUITMENT, RecruitmentChannel.INTERREGIONAL_MOBILITY], openedDaysAgo: 230, hourlyWage: 27 },
];

/** Companies (by NEQ) at the demo Journées Québec that took place, and what came of it. */
export const DEMO_EVENT_OUTCOMES: { neq: string; candidatesMet: number; interviewsHeld: number; offersMade: number; hires: number }[] = [
  { neq: '1990000021', candidatesMet: 42, interviewsHeld: 18, offersMade: 6, hires: 4 },
  { neq: '1990000031', candidatesMet: 25, interviewsHeld: 9, offersMade: 3, hires: 2 },
  { neq: '1990000041', candidatesMet: 31, interviewsHeld: 12, offersMade: 5, hires: 3 },
];

/** Portail employeurs referrals of demo companies (by NEQ): the steps reached, in days ago. */
export const DEMO_REFERRALS: { neq: string; steps: [PortailReferralStep, number][] }[] = [
  { neq: '1990000013', steps: [[PortailReferralStep.REFERRED, 50], [PortailReferralStep.ACCOUNT_CREATED, 40]] },
  {
    neq: '1990000022',
    steps: [
      [PortailReferralStep.REFERRED, 140],
      [PortailReferralStep.ACCOUNT_CREATED, 130],
      [PortailReferralStep.OFFER_POSTED, 120],
      [PortailReferralStep.CANDIDATES_RECEIVED, 110],
      [PortailReferralStep.HIRED, 100],
    ],
  },
  { neq: '1990000042', steps: [[PortailReferralStep.REFERRED, 30], [PortailReferralStep.DECLINED, 20]] },
  {
    neq: '1990000012',
    steps: [[PortailReferralStep.REFERRED, 190], [PortailReferralStep.ACCOUNT_CREATED, 180], [PortailReferralStep.OFFER_POSTED, 170]],
  },
];
