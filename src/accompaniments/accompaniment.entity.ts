import { ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { GraphQLDate } from '../graphql/date.scalar.js';
import { AccompanimentStatus, ClosingOutcome, ServiceLevel, Theme } from './accompaniment.enums.js';
import { UuidEntity } from '../database/versioned.entity.js';
import { ExposedColumn } from '../database/exposed-column.js';

@Entity('accompaniments')
@ObjectType({
  description: 'Dossier d’accompagnement : le dossier d’une conseillère sur une entreprise dans une région',
})
export class Accompaniment extends UuidEntity {
  @Column({ type: 'uuid' })
  companyId!: string;

  @Column({ type: 'uuid' })
  advisorId!: string;

  @ExposedColumn({ type: 'varchar', length: 2 }, () => String, 'Région de service (code)')
  regionCode!: string;

  @ExposedColumn({ type: 'varchar', length: 8 }, () => AccompanimentStatus)
  status!: AccompanimentStatus;

  @ExposedColumn({ type: 'varchar', length: 12 }, () => ServiceLevel)
  serviceLevel!: ServiceLevel;

  @ExposedColumn({ type: 'varchar', length: 24, array: true }, () => [Theme])
  themes!: Theme[];

  @ExposedColumn({ type: 'date' }, () => GraphQLDate)
  openedOn!: string;

  @ExposedColumn({ type: 'date', nullable: true }, () => GraphQLDate)
  closedOn!: string | null;

  @ExposedColumn({ type: 'varchar', length: 20, nullable: true }, () => ClosingOutcome)
  outcome!: ClosingOutcome | null;

  @ExposedColumn({ type: 'date' }, () => GraphQLDate, 'Date du dernier changement d’état (ouverture, suspension, reprise, fermeture)')
  statusChangedOn!: string;
}
