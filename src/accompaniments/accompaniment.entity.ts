import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDate } from '../graphql/date.scalar.js';
import { AccompanimentStatus, ClosingOutcome, ServiceLevel, Theme } from './accompaniment.enums.js';
import { VersionedEntity } from '../database/versioned.entity.js';

@Entity('accompaniments')
@ObjectType({
  description: 'Dossier d’accompagnement : le dossier d’une conseillère sur une entreprise dans une région',
})
export class Accompaniment extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ type: 'uuid' })
  companyId!: string;

  @Column({ type: 'uuid' })
  advisorId!: string;

  @Column({ type: 'varchar', length: 2 })
  @Field({ description: 'Région de service (code)' })
  regionCode!: string;

  @Column({ type: 'varchar', length: 8 })
  @Field(() => AccompanimentStatus)
  status!: AccompanimentStatus;

  @Column({ type: 'varchar', length: 12 })
  @Field(() => ServiceLevel)
  serviceLevel!: ServiceLevel;

  @Column({ type: 'varchar', length: 24, array: true })
  @Field(() => [Theme])
  themes!: Theme[];

  @Column({ type: 'date' })
  @Field(() => GraphQLDate)
  openedOn!: string;

  @Column({ type: 'date', nullable: true })
  @Field(() => GraphQLDate, { nullable: true })
  closedOn!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  @Field(() => ClosingOutcome, { nullable: true })
  outcome!: ClosingOutcome | null;

  @Column({ type: 'date' })
  @Field(() => GraphQLDate, { description: 'Date du dernier changement d’état (ouverture, suspension, reprise, fermeture)' })
  statusChangedOn!: string;
}
