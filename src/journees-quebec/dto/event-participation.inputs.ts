import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsUUID } from 'class-validator';
import { IntRange, messageOf, ReadVersion, Uuid } from '../../graphql/validation/field-rules.js';
import { MAX_OUTCOME } from '../journees-quebec.rules.js';

/** Most recruitment needs one company brings to one event. */
export const MAX_NEEDS_PER_PARTICIPATION = 50;

@InputType({ description: 'Inscrire une entreprise de vos régions à un événement Journées Québec' })
export class RegisterForEventInput {
  @Field(() => ID)
  @Uuid()
  eventId!: string;

  @Field(() => ID)
  @Uuid()
  companyId!: string;

  @Field(() => [ID], {
    description: `Besoins de main-d’œuvre de cette entreprise qu’elle présente à l’événement (${MAX_NEEDS_PER_PARTICIPATION} au plus)`,
  })
  @ArrayMaxSize(MAX_NEEDS_PER_PARTICIPATION, messageOf('field.invalid'))
  @ArrayUnique(undefined, messageOf('field.invalid'))
  @IsUUID('all', messageOf('field.uuid', {}, true))
  recruitmentNeedIds!: string[];
}

@ArgsType()
export class ParticipationChangeArgs {
  @Field(() => ID, { description: 'La participation' })
  @Uuid()
  id!: string;

  @ReadVersion({ optional: true })
  version?: number | null;
}

@InputType({
  description: 'Résultats d’une entreprise présente à l’événement : embauches ≤ promesses ≤ entrevues ≤ candidats rencontrés',
})
export class RecordEventOutcomeInput {
  @Field(() => ID)
  @Uuid()
  participationId!: string;

  @Field(() => Int, { description: `Candidates et candidats rencontrés (0 à ${MAX_OUTCOME})` })
  @IntRange(0, MAX_OUTCOME)
  candidatesMet!: number;

  @Field(() => Int, { description: 'Entrevues tenues (au plus candidatesMet)' })
  @IntRange(0, MAX_OUTCOME)
  interviewsHeld!: number;

  @Field(() => Int, { description: 'Promesses d’embauche faites (au plus interviewsHeld)' })
  @IntRange(0, MAX_OUTCOME)
  offersMade!: number;

  @Field(() => Int, { description: 'Embauches (au plus offersMade)' })
  @IntRange(0, MAX_OUTCOME)
  hires!: number;

  @ReadVersion({ optional: true })
  version?: number | null;
}
