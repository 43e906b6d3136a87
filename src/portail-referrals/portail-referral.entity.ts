import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { GraphQLDate } from '../graphql/date.scalar.js';
import { PortailReferralStep } from './portail-referral.enums.js';
import { VersionedEntity } from '../database/versioned.entity.js';

@Entity('portail_referrals')
@ObjectType({
  description:
    'Référencement d’une entreprise au Portail employeurs par une conseillère ou un conseiller, avec son ' +
    'entonnoir. Chaque étape garde sa date ; une étape sautée garde une date nulle.',
})
export class PortailReferral extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ type: 'uuid' })
  companyId!: string;

  @Column({ type: 'uuid', nullable: true })
  accompanimentId!: string | null;

  @Column({ type: 'uuid' })
  advisorId!: string;

  @Column({ type: 'varchar', length: 20 })
  @Field(() => PortailReferralStep, { description: 'Étape actuelle' })
  step!: PortailReferralStep;

  @Column({ type: 'date' })
  @Field(() => GraphQLDate, { description: 'Date du référencement' })
  referredOn!: string;

  @Column({ type: 'date', nullable: true })
  @Field(() => GraphQLDate, { nullable: true, description: 'Date de création du compte (nulle si l’étape a été sautée)' })
  accountCreatedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  @Field(() => GraphQLDate, { nullable: true, description: 'Date de publication de l’offre (nulle si sautée)' })
  offerPostedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  @Field(() => GraphQLDate, { nullable: true, description: 'Date de réception des candidatures (nulle si sautée)' })
  candidatesReceivedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  @Field(() => GraphQLDate, { nullable: true, description: 'Date de l’embauche' })
  hiredOn!: string | null;

  @Column({ type: 'date', nullable: true })
  @Field(() => GraphQLDate, {
    nullable: true,
    description: 'Date de fin : embauche, refus ou abandon (nulle tant que le référencement est ouvert)',
  })
  endedOn!: string | null;

  @Column({ type: 'date' })
  @Field(() => GraphQLDate, { description: 'Date du dernier changement d’étape' })
  stepChangedOn!: string;
}
