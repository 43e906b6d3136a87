import { Role } from '../auth/role.js';

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
