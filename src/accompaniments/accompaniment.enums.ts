import { registerEnumType } from '@nestjs/graphql';

export enum AccompanimentStatus {
  OPEN = 'OPEN',
  ON_HOLD = 'ON_HOLD',
  CLOSED = 'CLOSED',
}

export enum ServiceLevel {
  INFORMATION = 'INFORMATION',
  REFERRAL = 'REFERRAL',
  PERSONALIZED = 'PERSONALIZED',
}

export enum Theme {
  ATTRACTION = 'ATTRACTION',
  RECRUITMENT = 'RECRUITMENT',
  WELCOME = 'WELCOME',
  INTEGRATION = 'INTEGRATION',
  RETENTION = 'RETENTION',
  IMMIGRATION_PROCEDURES = 'IMMIGRATION_PROCEDURES',
}

export enum ClosingOutcome {
  NEEDS_MET = 'NEEDS_MET',
  REFERRED_ELSEWHERE = 'REFERRED_ELSEWHERE',
  NO_LONGER_NEEDED = 'NO_LONGER_NEEDED',
  UNREACHABLE = 'UNREACHABLE',
  OTHER = 'OTHER',
}

export enum InteractionKind {
  CALL = 'CALL',
  MEETING = 'MEETING',
  EMAIL = 'EMAIL',
  SITE_VISIT = 'SITE_VISIT',
  INFORMATION_SESSION = 'INFORMATION_SESSION',
  OTHER = 'OTHER',
}

export enum InteractionMode {
  IN_PERSON = 'IN_PERSON',
  VIRTUAL = 'VIRTUAL',
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
}

registerEnumType(AccompanimentStatus, {
  name: 'AccompanimentStatus',
  description: 'État du dossier : OPEN (ouvert), ON_HOLD (en suspens), CLOSED (fermé)',
});
registerEnumType(ServiceLevel, {
  name: 'ServiceLevel',
  description: 'Niveau de service',
  valuesMap: {
    INFORMATION: { description: 'Information' },
    REFERRAL: { description: 'Aiguillage' },
    PERSONALIZED: { description: 'Accompagnement personnalisé' },
  },
});
registerEnumType(Theme, {
  name: 'Theme',
  description: 'Volet',
  valuesMap: {
    ATTRACTION: { description: 'Attraction' },
    RECRUITMENT: { description: 'Recrutement' },
    WELCOME: { description: 'Accueil' },
    INTEGRATION: { description: 'Intégration' },
    RETENTION: { description: 'Rétention' },
    IMMIGRATION_PROCEDURES: { description: 'Démarches d’immigration' },
  },
});
registerEnumType(ClosingOutcome, {
  name: 'ClosingOutcome',
  description: 'Résultat à la fermeture',
  valuesMap: {
    NEEDS_MET: { description: 'Besoins comblés' },
    REFERRED_ELSEWHERE: { description: 'Dirigée vers une autre ressource' },
    NO_LONGER_NEEDED: { description: 'Ne requiert plus de services' },
    UNREACHABLE: { description: 'Injoignable' },
    OTHER: { description: 'Autre' },
  },
});
registerEnumType(InteractionKind, {
  name: 'InteractionKind',
  description: 'Type d’intervention',
  valuesMap: {
    CALL: { description: 'Appel' },
    MEETING: { description: 'Rencontre' },
    EMAIL: { description: 'Courriel' },
    SITE_VISIT: { description: 'Visite en entreprise' },
    INFORMATION_SESSION: { description: 'Séance d’information' },
    OTHER: { description: 'Autre' },
  },
});
registerEnumType(InteractionMode, {
  name: 'InteractionMode',
  description: 'Mode de l’intervention',
  valuesMap: {
    IN_PERSON: { description: 'En personne' },
    VIRTUAL: { description: 'Virtuel' },
    PHONE: { description: 'Téléphone' },
    EMAIL: { description: 'Courriel' },
  },
});
