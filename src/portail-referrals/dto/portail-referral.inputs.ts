import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { DateRangeInput } from '../../graphql/date-range.input.js';
import { GraphQLDate } from '../../graphql/date.scalar.js';
import { PeriodInput } from '../../graphql/period.input.js';
import { PaginationArgs } from '../../graphql/pagination/pagination.args.js';
import { messageOf, ReadVersion, RegionCodes, Uuid } from '../../graphql/validation/field-rules.js';
import { PortailReferralStep } from '../portail-referral.enums.js';

@InputType({ description: 'Référer une entreprise au Portail employeurs' })
export class ReferToPortailInput {
  @Field(() => ID, { description: 'Entreprise de vos régions, sans référencement ouvert' })
  @Uuid()
  companyId!: string;

  @Field(() => ID, { nullable: true, description: 'Dossier d’accompagnement de cette entreprise (facultatif)' })
  @IsOptional()
  @Uuid()
  accompanimentId?: string;

  @Field(() => GraphQLDate, {
    nullable: true,
    description: 'Date du référencement ; par défaut aujourd’hui, pas dans le futur',
  })
  @IsOptional()
  on?: string;
}

@InputType({
  description:
    'Faire avancer un référencement : vers une étape suivante (sauter des étapes est permis, leurs dates restent ' +
    'nulles), ou DECLINED / ABANDONED depuis toute étape ouverte',
})
export class AdvancePortailReferralInput {
  @Field(() => ID)
  @Uuid()
  id!: string;

  @Field(() => PortailReferralStep, { description: 'Nouvelle étape, après l’étape actuelle' })
  @IsEnum(PortailReferralStep, messageOf('field.invalid'))
  step!: PortailReferralStep;

  @Field(() => GraphQLDate, { description: 'Date de l’étape : pas dans le futur, pas avant celle de l’étape actuelle' })
  on!: string;

  @ReadVersion({ optional: true })
  version?: number | null;
}

@InputType({ description: 'Filtre des référencements (toujours limité à vos régions, par la région de l’entreprise)' })
export class PortailReferralFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Uuid()
  companyId?: string;

  @Field(() => ID, { nullable: true, description: 'Qui a fait le référencement' })
  @IsOptional()
  @Uuid()
  advisorId?: string;

  @Field(() => [String], { nullable: true, description: 'Régions des entreprises' })
  @IsOptional()
  @RegionCodes()
  regionCodes?: string[];

  @Field(() => [PortailReferralStep], { nullable: true, description: 'Étapes actuelles' })
  @IsOptional()
  @IsEnum(PortailReferralStep, messageOf('field.invalid', {}, true))
  steps?: PortailReferralStep[];

  @Field(() => DateRangeInput, { nullable: true, description: 'Référés dans cet intervalle' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DateRangeInput)
  referredBetween?: DateRangeInput;
}

@ArgsType()
export class PortailReferralsArgs extends PaginationArgs {
  @Field(() => PortailReferralFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PortailReferralFilter)
  filter?: PortailReferralFilter;
}

@ArgsType()
export class PortailFunnelArgs {
  @Field(() => PeriodInput, { description: 'Référencements faits dans cette période' })
  @ValidateNested()
  @Type(() => PeriodInput)
  period!: PeriodInput;

  @Field(() => [String], {
    nullable: true,
    description: 'Régions des entreprises ; par défaut toutes (ADVISOR : ses régions, et seulement elles)',
  })
  @IsOptional()
  @RegionCodes()
  regionCodes?: string[];
}
