import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDate } from '../graphql/date.scalar.js';
import { InteractionKind, InteractionMode } from './accompaniment.enums.js';
import { VersionedEntity } from '../database/versioned.entity.js';

@Entity('interactions')
@ObjectType({ description: 'Intervention consignée dans un dossier : appel, rencontre, courriel, visite…' })
export class Interaction extends VersionedEntity {
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
}
