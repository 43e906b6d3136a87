import { Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { GraphQLDate } from '../graphql/date.scalar.js';
import { ParticipationStatus } from './journees-quebec.enums.js';
import { UuidEntity } from '../database/versioned.entity.js';
import { ExposedColumn } from '../database/exposed-column.js';

@Entity('event_participations')
@ObjectType({
  description:
    'Participation d’une entreprise à un événement Journées Québec : ses besoins de main-d’œuvre et ses résultats. ' +
    'Visible dans les régions de l’entreprise',
})
export class EventParticipation extends UuidEntity {
  @Column({ type: 'uuid' })
  eventId!: string;

  @Column({ type: 'uuid' })
  companyId!: string;

  /** The advisor who registered the company. */
  @Column({ type: 'uuid' })
  advisorId!: string;

  @ExposedColumn({ type: 'varchar', length: 10, default: ParticipationStatus.REGISTERED }, () => ParticipationStatus)
  status!: ParticipationStatus;

  @ExposedColumn({ type: 'date' }, () => GraphQLDate, 'Date de l’inscription')
  registeredOn!: string;

  @ExposedColumn({ type: 'integer', nullable: true }, () => Int, 'Candidates et candidats rencontrés (null tant que non consigné)')
  candidatesMet!: number | null;

  @ExposedColumn({ type: 'integer', nullable: true }, () => Int, 'Entrevues tenues (au plus candidatesMet)')
  interviewsHeld!: number | null;

  @ExposedColumn({ type: 'integer', nullable: true }, () => Int, 'Promesses d’embauche faites (au plus interviewsHeld)')
  offersMade!: number | null;

  @ExposedColumn({ type: 'integer', nullable: true }, () => Int, 'Embauches (au plus offersMade)')
  hires!: number | null;
}
