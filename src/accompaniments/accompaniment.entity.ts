import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { GraphQLDate } from '../graphql/date.scalar.js';
import { AccompanimentStatus, ClosingOutcome, ServiceLevel, Theme } from './accompaniment.enums.js';

@Entity('accompaniments')
@ObjectType({
  description: 'Dossier d’accompagnement : le dossier d’une conseillère sur une entreprise dans une région',
})
export class Accompaniment {
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

  @Column({ type: 'integer', default: 1 })
  @Field(() => Int)
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;
}
