import { graphqlEnum, type EnumValue } from '../graphql/graphql-enum.js';

export const AccompanimentStatus = graphqlEnum(
  'AccompanimentStatus',
  'État du dossier : OPEN (ouvert), ON_HOLD (en suspens), CLOSED (fermé)',
  ['OPEN', 'ON_HOLD', 'CLOSED'],
);
export type AccompanimentStatus = EnumValue<typeof AccompanimentStatus>;

export const ServiceLevel = graphqlEnum('ServiceLevel', 'Niveau de service', {
  INFORMATION: 'Information',
  REFERRAL: 'Aiguillage',
  PERSONALIZED: 'Accompagnement personnalisé',
});
export type ServiceLevel = EnumValue<typeof ServiceLevel>;

export const Theme = graphqlEnum('Theme', 'Volet', {
  ATTRACTION: 'Attraction',
  RECRUITMENT: 'Recrutement',
  WELCOME: 'Accueil',
  INTEGRATION: 'Intégration',
  RETENTION: 'Rétention',
  IMMIGRATION_PROCEDURES: 'Démarches d’immigration',
});
export type Theme = EnumValue<typeof Theme>;

export const ClosingOutcome = graphqlEnum('ClosingOutcome', 'Résultat à la fermeture', {
  NEEDS_MET: 'Besoins comblés',
  REFERRED_ELSEWHERE: 'Dirigée vers une autre ressource',
  NO_LONGER_NEEDED: 'Ne requiert plus de services',
  UNREACHABLE: 'Injoignable',
  OTHER: 'Autre',
});
export type ClosingOutcome = EnumValue<typeof ClosingOutcome>;

export const InteractionKind = graphqlEnum('InteractionKind', 'Type d’intervention', {
  CALL: 'Appel',
  MEETING: 'Rencontre',
  EMAIL: 'Courriel',
  SITE_VISIT: 'Visite en entreprise',
  INFORMATION_SESSION: 'Séance d’information',
  OTHER: 'Autre',
});
export type InteractionKind = EnumValue<typeof InteractionKind>;

export const InteractionMode = graphqlEnum('InteractionMode', 'Mode de l’intervention', {
  IN_PERSON: 'En personne',
  VIRTUAL: 'Virtuel',
  PHONE: 'Téléphone',
  EMAIL: 'Courriel',
});
export type InteractionMode = EnumValue<typeof InteractionMode>;
