import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLDate } from '../graphql/date.scalar.js';

export enum WorklistReason {
  FILE_WITHOUT_RECENT_INTERACTION = 'FILE_WITHOUT_RECENT_INTERACTION',
  FILE_ON_HOLD_TOO_LONG = 'FILE_ON_HOLD_TOO_LONG',
  REFERRAL_STALLED = 'REFERRAL_STALLED',
  NEED_OPEN_TOO_LONG = 'NEED_OPEN_TOO_LONG',
  EVENT_DEADLINE_APPROACHING = 'EVENT_DEADLINE_APPROACHING',
}

registerEnumType(WorklistReason, {
  name: 'WorklistReason',
  description: 'Pourquoi un élément demande votre attention',
  valuesMap: {
    FILE_WITHOUT_RECENT_INTERACTION: { description: 'Dossier ouvert sans intervention récente' },
    FILE_ON_HOLD_TOO_LONG: { description: 'Dossier en suspens depuis longtemps' },
    REFERRAL_STALLED: { description: 'Référencement au Portail employeurs arrêté à une étape' },
    NEED_OPEN_TOO_LONG: { description: 'Besoin de main-d’œuvre ouvert depuis longtemps' },
    EVENT_DEADLINE_APPROACHING: { description: 'Date limite d’inscription à des Journées Québec imminente' },
  },
});

@ObjectType({ description: 'Un élément de votre liste de travail, avec sa raison et son âge' })
export class WorklistItem {
  @Field(() => WorklistReason)
  reason!: WorklistReason;

  @Field({ description: 'La raison, en français' })
  label!: string;

  @Field(() => GraphQLDate, {
    description: 'Depuis quand (dernière intervention, mise en suspens, dernière étape, ouverture) ou, pour un événement, la date limite',
  })
  since!: string;

  @Field(() => Int, { description: 'Jours écoulés depuis `since` (pour un événement : jours restants avant la date limite)' })
  ageDays!: number;

  @Field(() => ID)
  companyId!: string;

  @Field(() => ID, { nullable: true })
  accompanimentId!: string | null;

  @Field(() => ID, { nullable: true })
  recruitmentNeedId!: string | null;

  @Field(() => ID, { nullable: true })
  portailReferralId!: string | null;

  @Field(() => ID, { nullable: true })
  eventId!: string | null;
}
