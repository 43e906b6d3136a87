import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLDate } from '../graphql/date.scalar.js';
import { graphqlEnum, type EnumValue } from '../graphql/graphql-enum.js';

export const WorklistReason = graphqlEnum('WorklistReason', 'Pourquoi un élément demande votre attention', {
  FILE_WITHOUT_RECENT_INTERACTION: 'Dossier ouvert sans intervention récente',
  FILE_ON_HOLD_TOO_LONG: 'Dossier en suspens depuis longtemps',
  REFERRAL_STALLED: 'Référencement au Portail employeurs arrêté à une étape',
  NEED_OPEN_TOO_LONG: 'Besoin de main-d’œuvre ouvert depuis longtemps',
  EVENT_DEADLINE_APPROACHING: 'Date limite d’inscription à des Journées Québec imminente',
});
export type WorklistReason = EnumValue<typeof WorklistReason>;

/** The label of each reason (`WorklistItem.label`). */
export const WORKLIST_LABELS: Record<WorklistReason, string> = {
  FILE_WITHOUT_RECENT_INTERACTION: 'Dossier ouvert sans intervention récente',
  FILE_ON_HOLD_TOO_LONG: 'Dossier en suspens depuis longtemps',
  REFERRAL_STALLED: 'Référencement au Portail employeurs arrêté',
  NEED_OPEN_TOO_LONG: 'Besoin de main-d’œuvre ouvert depuis longtemps',
  EVENT_DEADLINE_APPROACHING: 'Inscription aux Journées Québec bientôt close',
};

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
