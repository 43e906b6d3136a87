import { registerEnumType } from '@nestjs/graphql';

export enum EventMode {
  IN_PERSON = 'IN_PERSON',
  VIRTUAL = 'VIRTUAL',
  HYBRID = 'HYBRID',
}

export enum EventStatus {
  PLANNED = 'PLANNED',
  REGISTRATION_OPEN = 'REGISTRATION_OPEN',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}

export enum ParticipationStatus {
  REGISTERED = 'REGISTERED',
  CONFIRMED = 'CONFIRMED',
  ATTENDED = 'ATTENDED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(EventMode, {
  name: 'JourneesQuebecEventMode',
  description: 'Mode de l’événement',
  valuesMap: {
    IN_PERSON: { description: 'En personne, à l’étranger' },
    VIRTUAL: { description: 'Virtuel' },
    HYBRID: { description: 'Hybride' },
  },
});
registerEnumType(EventStatus, {
  name: 'JourneesQuebecEventStatus',
  description: 'PLANNED → REGISTRATION_OPEN → HELD ; CANCELLED depuis PLANNED ou REGISTRATION_OPEN',
  valuesMap: {
    PLANNED: { description: 'Planifié' },
    REGISTRATION_OPEN: { description: 'Inscriptions ouvertes' },
    HELD: { description: 'Tenu' },
    CANCELLED: { description: 'Annulé' },
  },
});
registerEnumType(ParticipationStatus, {
  name: 'EventParticipationStatus',
  description: 'REGISTERED → CONFIRMED → ATTENDED (ou directement REGISTERED → ATTENDED) ; WITHDRAWN depuis REGISTERED ou CONFIRMED',
  valuesMap: {
    REGISTERED: { description: 'Inscrite' },
    CONFIRMED: { description: 'Participation confirmée' },
    ATTENDED: { description: 'Présente à l’événement : les résultats peuvent être consignés' },
    WITHDRAWN: { description: 'Désistée' },
  },
});
