import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { GraphQLDate } from '../graphql/date.scalar.js';
import { InteractionKind, InteractionMode } from './accompaniment.enums.js';

@Entity('interactions')
@ObjectType({ description: 'Intervention consignée dans un dossier : appel, rencontre, courriel, visite…' })
export class Interaction {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  accompanimentId!: string;

  @Column({ type: 'uuid' })
  advisorId!: string;

  @Column({ type: 'date' })
  @Field(() => GraphQLDate)
  occurredOn!: string;

  @Column({ type: 'varchar', length: 20 })
  @Field(() => InteractionKind)
  kind!: InteractionKind;

  @Column({ type: 'varchar', length: 10 })
  @Field(() => InteractionMode)
  mode!: InteractionMode;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Durée en minutes (1 à 1440)' })
  durationMinutes!: number;

  @Column({ type: 'text' })
  @Field()
  summary!: string;

  @Column({ type: 'integer', default: 1 })
  @Field(() => Int)
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
