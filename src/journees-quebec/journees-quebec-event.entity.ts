import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDate } from '../graphql/date.scalar.js';
import { EventMode, EventStatus } from './journees-quebec.enums.js';
import { VersionedEntity } from '../database/versioned.entity.js';

@Entity('journees_quebec_events')
@ObjectType({
  description: 'Journées Québec : événement de recrutement international, en personne à l’étranger ou virtuel',
})
export class JourneesQuebecEvent extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  @Field({ description: 'Nom de l’événement, ex. Journées Québec Paris 2024' })
  name!: string;

  @Column({ type: 'varchar', length: 100 })
  @Field({ description: 'Ville où il se tient (ou ville de référence d’un événement virtuel)' })
  city!: string;

  @Column({ type: 'varchar', length: 100 })
  @Field({ description: 'Pays' })
  country!: string;

  @Column({ type: 'varchar', length: 10 })
  @Field(() => EventMode)
  mode!: EventMode;

  @Column({ type: 'date' })
  @Field(() => GraphQLDate, { description: 'Premier jour' })
  startsOn!: string;

  @Column({ type: 'date' })
  @Field(() => GraphQLDate, { description: 'Dernier jour (au plus tôt le premier)' })
  endsOn!: string;

  @Column({ type: 'date' })
  @Field(() => GraphQLDate, { description: 'Dernier jour d’inscription des entreprises (au plus tard le premier jour)' })
  registrationDeadline!: string;

  @Column({ type: 'varchar', length: 20, default: EventStatus.PLANNED })
  @Field(() => EventStatus)
  status!: EventStatus;
}
