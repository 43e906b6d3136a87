import { ArgsType, InputType } from '@nestjs/graphql';
import { DateRangeInput } from '../../graphql/date-range.input.js';
import { PeriodInput } from '../../graphql/period.input.js';
import { PaginationArgs } from '../../graphql/pagination/pagination.args.js';
import { ReadVersion, RegionCodes } from '../../graphql/validation/field-rules.js';
import { DateField, EnumField, IdField, InputField, NestedField } from '../../graphql/validation/input-field.js';
import { PortailReferralStep } from '../portail-referral.enums.js';

@InputType({ description: 'Référer une entreprise au Portail employeurs' })
export class ReferToPortailInput {
  @IdField({ description: 'Entreprise de vos régions, sans référencement ouvert' })
  companyId!: string;

  @IdField({ nullable: true, description: 'Dossier d’accompagnement de cette entreprise (facultatif)' })
  accompanimentId?: string;

  @DateField({ nullable: true, description: 'Date du référencement ; par défaut aujourd’hui, pas dans le futur' })
  on?: string;
}

@InputType({
  description:
    'Faire avancer un référencement : vers une étape suivante (sauter des étapes est permis, leurs dates restent ' +
    'nulles), ou DECLINED / ABANDONED depuis toute étape ouverte',
})
export class AdvancePortailReferralInput {
  @IdField()
  id!: string;

  @EnumField(PortailReferralStep, { description: 'Nouvelle étape, après l’étape actuelle' })
  step!: PortailReferralStep;

  @DateField({ description: 'Date de l’étape : pas dans le futur, pas avant celle de l’étape actuelle' })
  on!: string;

  @ReadVersion({ optional: true })
  version?: number | null;
}

@InputType({ description: 'Filtre des référencements (toujours limité à vos régions, par la région de l’entreprise)' })
export class PortailReferralFilter {
  @IdField({ nullable: true })
  companyId?: string;

  @IdField({ nullable: true, description: 'Qui a fait le référencement' })
  advisorId?: string;

  @InputField(() => [String], { nullable: true, description: 'Régions des entreprises' }, RegionCodes())
  regionCodes?: string[];

  @EnumField([PortailReferralStep], { nullable: true, description: 'Étapes actuelles' })
  steps?: PortailReferralStep[];

  @NestedField(DateRangeInput, { nullable: true, description: 'Référés dans cet intervalle' })
  referredBetween?: DateRangeInput;
}

@ArgsType()
export class PortailReferralsArgs extends PaginationArgs {
  @NestedField(PortailReferralFilter, { nullable: true })
  filter?: PortailReferralFilter;
}

@ArgsType()
export class PortailFunnelArgs {
  @NestedField(PeriodInput, { description: 'Référencements faits dans cette période' })
  period!: PeriodInput;

  @InputField(
    () => [String],
    { nullable: true, description: 'Régions des entreprises ; par défaut toutes (ADVISOR : ses régions, et seulement elles)' },
    RegionCodes(),
  )
  regionCodes?: string[];
}
