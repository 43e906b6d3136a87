import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLDate } from '../graphql/date.scalar.js';
import { PortailReferralStep } from './portail-referral.enums.js';

@ObjectType({ description: 'Une étape de l’entonnoir du Portail employeurs' })
export class PortailFunnelStep {
  @Field(() => PortailReferralStep)
  step!: PortailReferralStep;

  @Field(() => Int, {
    description:
      'Référencements ayant atteint cette étape (ou une étape suivante, même si celle-ci a été sautée), ' +
      'y compris ceux refusés ou abandonnés plus tard',
  })
  reached!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Taux de conversion depuis l’étape précédente (de 0 à 1) ; nul pour REFERRED et quand l’étape précédente ' +
      'compte 0 référencement',
  })
  conversionRate!: number | null;
}

@ObjectType({ description: 'Entonnoir des référencements au Portail employeurs faits dans une période' })
export class PortailFunnel {
  @Field(() => GraphQLDate)
  from!: string;

  @Field(() => GraphQLDate, { description: 'Inclus' })
  to!: string;

  @Field(() => [String], { nullable: true, description: 'Régions comptées (celles des entreprises) ; nul : toutes' })
  regionCodes!: string[] | null;

  @Field(() => Int, { description: 'Référencements faits dans la période (= étape REFERRED atteinte)' })
  referred!: number;

  @Field(() => [PortailFunnelStep], {
    description: 'Les étapes dans l’ordre : REFERRED, ACCOUNT_CREATED, OFFER_POSTED, CANDIDATES_RECEIVED, HIRED',
  })
  steps!: PortailFunnelStep[];

  @Field(() => Int, { description: 'Refusés par l’entreprise' })
  declined!: number;

  @Field(() => Int, { description: 'Abandonnés' })
  abandoned!: number;

  @Field(() => Int, { description: 'Encore ouverts (ni embauche, ni refus, ni abandon)' })
  inProgress!: number;
}
