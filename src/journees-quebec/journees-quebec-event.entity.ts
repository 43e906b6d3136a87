import { ObjectType } from '@nestjs/graphql';
import { Entity } from 'typeorm';
import { GraphQLDate } from '../graphql/date.scalar.js';
import { EventMode, EventStatus } from './journees-quebec.enums.js';
import { UuidEntity } from '../database/versioned.entity.js';
import { ExposedColumn } from '../database/exposed-column.js';

@Entity('journees_quebec_events')
@ObjectType({
  description: 'Journées Québec : événement de recrutement international, en personne à l’étranger ou virtuel',
})
export class JourneesQuebecEvent extends UuidEntity {
  @ExposedColumn({ type: 'varchar', length: 200 }, () => String, 'Nom de l’événement, ex. Journées Québec Paris 2024')
  name!: string;

  @ExposedColumn({ type: 'varchar', length: 100 }, () => String, 'Ville où il se tient (ou ville de référence d’un événement virtuel)')
  city!: string;

  @ExposedColumn({ type: 'varchar', length: 100 }, () => String, 'Pays')
  country!: string;

  @ExposedColumn({ type: 'varchar', length: 10 }, () => EventMode)
  mode!: EventMode;

  @ExposedColumn({ type: 'date' }, () => GraphQLDate, 'Premier jour')
  startsOn!: string;

  @ExposedColumn({ type: 'date' }, () => GraphQLDate, 'Dernier jour (au plus tôt le premier)')
  endsOn!: string;

  @ExposedColumn({ type: 'date' }, () => GraphQLDate, 'Dernier jour d’inscription des entreprises (au plus tard le premier jour)')
  registrationDeadline!: string;

  @ExposedColumn({ type: 'varchar', length: 20, default: EventStatus.PLANNED }, () => EventStatus)
  status!: EventStatus;
}
