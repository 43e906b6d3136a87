import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDate } from '../graphql/date.scalar.js';
import { ParticipationStatus } from './journees-quebec.enums.js';
import { VersionedEntity } from '../database/versioned.entity.js';

@Entity('event_participations')
@ObjectType({
  description:
    'Participation d’une entreprise à un événement Journées Québec : ses besoins de main-d’œuvre et ses résultats. ' +
    'Visible dans les régions de l’entreprise',
})
export class EventParticipation extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ type: 'uuid' })
  eventId!: string;

  @Column({ type: 'uuid' })
  companyId!: string;

  /** The advisor who registered the company. */
  @Column({ type: 'uuid' })
  advisorId!: string;

  @Column({ type: 'varchar', length: 10, default: ParticipationStatus.REGISTERED })
  @Field(() => ParticipationStatus)
  status!: ParticipationStatus;

  @Column({ type: 'date' })
  @Field(() => GraphQLDate, { description: 'Date de l’inscription' })
  registeredOn!: string;

  @Column({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Candidates et candidats rencontrés (null tant que non consigné)' })
  candidatesMet!: number | null;

  @Column({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Entrevues tenues (au plus candidatesMet)' })
  interviewsHeld!: number | null;

  @Column({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Promesses d’embauche faites (au plus interviewsHeld)' })
  offersMade!: number | null;

  @Column({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Embauches (au plus offersMade)' })
  hires!: number | null;
}
