import { ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { GraphQLDate } from '../graphql/date.scalar.js';
import { InteractionKind, InteractionMode } from './accompaniment.enums.js';
import { UuidEntity } from '../database/versioned.entity.js';
import { ExposedColumn } from '../database/exposed-column.js';

@Entity('interactions')
@ObjectType({ description: 'Intervention consignée dans un dossier : appel, rencontre, courriel, visite…' })
export class Interaction extends UuidEntity {
  @ExposedColumn({ type: 'uuid' }, () => ID)
  accompanimentId!: string;

  @Column({ type: 'uuid' })
  advisorId!: string;

  @ExposedColumn({ type: 'date' }, () => GraphQLDate)
  occurredOn!: string;

  @ExposedColumn({ type: 'varchar', length: 20 }, () => InteractionKind)
  kind!: InteractionKind;

  @ExposedColumn({ type: 'varchar', length: 10 }, () => InteractionMode)
  mode!: InteractionMode;

  @ExposedColumn({ type: 'integer' }, () => Int, 'Durée en minutes (1 à 1440)')
  durationMinutes!: number;

  @ExposedColumn({ type: 'text' }, () => String)
  summary!: string;
}
