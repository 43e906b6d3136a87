import { ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { GraphQLDate } from '../graphql/date.scalar.js';
import { PortailReferralStep } from './portail-referral.enums.js';
import { UuidEntity } from '../database/versioned.entity.js';
import { ExposedColumn } from '../database/exposed-column.js';

@Entity('portail_referrals')
@ObjectType({
  description:
    'Référencement d’une entreprise au Portail employeurs par une conseillère ou un conseiller, avec son ' +
    'entonnoir. Chaque étape garde sa date ; une étape sautée garde une date nulle.',
})
export class PortailReferral extends UuidEntity {
  @Column({ type: 'uuid' })
  companyId!: string;

  @Column({ type: 'uuid', nullable: true })
  accompanimentId!: string | null;

  @Column({ type: 'uuid' })
  advisorId!: string;

  @ExposedColumn({ type: 'varchar', length: 20 }, () => PortailReferralStep, 'Étape actuelle')
  step!: PortailReferralStep;

  @ExposedColumn({ type: 'date' }, () => GraphQLDate, 'Date du référencement')
  referredOn!: string;

  @ExposedColumn({ type: 'date', nullable: true }, () => GraphQLDate, 'Date de création du compte (nulle si l’étape a été sautée)')
  accountCreatedOn!: string | null;

  @ExposedColumn({ type: 'date', nullable: true }, () => GraphQLDate, 'Date de publication de l’offre (nulle si sautée)')
  offerPostedOn!: string | null;

  @ExposedColumn({ type: 'date', nullable: true }, () => GraphQLDate, 'Date de réception des candidatures (nulle si sautée)')
  candidatesReceivedOn!: string | null;

  @ExposedColumn({ type: 'date', nullable: true }, () => GraphQLDate, 'Date de l’embauche')
  hiredOn!: string | null;

  @ExposedColumn(
    { type: 'date', nullable: true },
    () => GraphQLDate,
    'Date de fin : embauche, refus ou abandon (nulle tant que le référencement est ouvert)',
  )
  endedOn!: string | null;

  @ExposedColumn({ type: 'date' }, () => GraphQLDate, 'Date du dernier changement d’étape')
  stepChangedOn!: string;
}
