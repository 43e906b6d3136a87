import { graphqlEnum, type EnumValue } from '../graphql/graphql-enum.js';

export const EventMode = graphqlEnum('JourneesQuebecEventMode', 'Mode de l’événement', {
  IN_PERSON: 'En personne, à l’étranger',
  VIRTUAL: 'Virtuel',
  HYBRID: 'Hybride',
});
export type EventMode = EnumValue<typeof EventMode>;

export const EventStatus = graphqlEnum(
  'JourneesQuebecEventStatus',
  'PLANNED → REGISTRATION_OPEN → HELD ; CANCELLED depuis PLANNED ou REGISTRATION_OPEN',
  {
    PLANNED: 'Planifié',
    REGISTRATION_OPEN: 'Inscriptions ouvertes',
    HELD: 'Tenu',
    CANCELLED: 'Annulé',
  },
);
export type EventStatus = EnumValue<typeof EventStatus>;

export const ParticipationStatus = graphqlEnum(
  'EventParticipationStatus',
  'REGISTERED → CONFIRMED → ATTENDED (ou directement REGISTERED → ATTENDED) ; WITHDRAWN depuis REGISTERED ou CONFIRMED',
  {
    REGISTERED: 'Inscrite',
    CONFIRMED: 'Participation confirmée',
    ATTENDED: 'Présente à l’événement : les résultats peuvent être consignés',
    WITHDRAWN: 'Désistée',
  },
);
export type ParticipationStatus = EnumValue<typeof ParticipationStatus>;
