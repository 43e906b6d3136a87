import { applyDecorators } from '@nestjs/common';
import { ArgsType, Float, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsNumber, Min, Max } from 'class-validator';
import { DateRangeInput } from '../../graphql/date-range.input.js';
import { graphqlEnum, type EnumValue } from '../../graphql/graphql-enum.js';
import { PaginationArgs } from '../../graphql/pagination/pagination.args.js';
import { IntRange, messageOf, ReadVersion, RegionCode, RegionCodes, RequiredText, Text } from '../../graphql/validation/field-rules.js';
import { DateField, EnumField, IdField, InputField, NestedField } from '../../graphql/validation/input-field.js';
import { EmploymentType, FrenchLevel, RecruitmentChannel, RecruitmentNeedStatus } from '../recruitment-need.enums.js';

/** A non-empty set of channels. */
const Channels = () =>
  applyDecorators(
    ArrayMinSize(1, messageOf('field.channels')),
    ArrayMaxSize(4, messageOf('field.channels')),
    ArrayUnique(undefined, messageOf('field.channels')),
    IsEnum(RecruitmentChannel, messageOf('field.invalid', {}, true)),
  );

/** Dollars with at most two decimals. */
const Wage = () =>
  applyDecorators(
    IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false }, messageOf('field.wage')),
    Min(0, messageOf('field.wage')),
    Max(9999.99, messageOf('field.wage')),
  );

@InputType({ description: 'Nouveau besoin de main-d’œuvre d’une entreprise' })
export class CreateRecruitmentNeedInput {
  @IdField()
  companyId!: string;

  @IdField({ nullable: true, description: 'Dossier d’accompagnement de l’entreprise, s’il y a lieu' })
  accompanimentId?: string;

  @InputField(() => String, { description: 'Code CNP 2021 : 5 chiffres, le 2e (FEER) de 0 à 5' }, RequiredText(10))
  nocCode!: string;

  @InputField(() => String, { description: 'Appellation d’emploi' }, RequiredText(200))
  title!: string;

  @InputField(() => Int, { description: '1 à 1000' }, IntRange(1, 1000))
  positions!: number;

  @InputField(() => String, { nullable: true, description: 'Région de travail ; par défaut celle de l’entreprise' }, RegionCode())
  workRegionCode?: string;

  @EnumField(EmploymentType)
  employmentType!: EmploymentType;

  @InputField(() => Float, { nullable: true, description: 'Salaire horaire en dollars, deux décimales au plus' }, Wage())
  hourlyWage?: number;

  @EnumField(FrenchLevel, { nullable: true, defaultValue: FrenchLevel.NOT_REQUIRED })
  frenchLevel?: FrenchLevel;

  @InputField(() => [RecruitmentChannel], { description: 'Un ou plusieurs bassins de recrutement' }, Channels())
  channels!: RecruitmentChannel[];

  @DateField({ nullable: true, description: 'Par défaut aujourd’hui' })
  openedOn?: string;
}

@InputType({ description: 'Modification d’un besoin (avec la version lue)' })
export class UpdateRecruitmentNeedInput {
  @IdField()
  id!: string;

  @ReadVersion()
  version!: number;

  @InputField(() => String, { nullable: true }, RequiredText(10))
  nocCode?: string;

  @InputField(() => String, { nullable: true }, RequiredText(200))
  title?: string;

  @InputField(() => Int, { nullable: true }, IntRange(1, 1000))
  positions?: number;

  @InputField(() => String, { nullable: true }, RegionCode())
  workRegionCode?: string;

  @EnumField(EmploymentType, { nullable: true })
  employmentType?: EmploymentType;

  @InputField(() => Float, { nullable: true }, Wage())
  hourlyWage?: number;

  @EnumField(FrenchLevel, { nullable: true })
  frenchLevel?: FrenchLevel;

  @InputField(() => [RecruitmentChannel], { nullable: true }, Channels())
  channels?: RecruitmentChannel[];

  @EnumField(
    RecruitmentNeedStatus,
    { nullable: true, description: 'Nouvel état, selon les passages permis (FILLED exige tous les postes pourvus)' },
  )
  status?: RecruitmentNeedStatus;
}

@InputType({ description: 'Consigner les postes pourvus ; tous pourvus : le besoin passe à FILLED' })
export class RecordPositionsFilledInput {
  @IdField()
  id!: string;

  @InputField(() => Int, IntRange(0, 1000))
  positionsFilled!: number;

  @ReadVersion({ optional: true })
  version?: number | null;

  @DateField({ nullable: true, description: 'Date (par défaut aujourd’hui)' })
  on?: string;
}

@InputType({ description: 'Annuler ou fermer un besoin' })
export class CloseRecruitmentNeedInput {
  @IdField()
  id!: string;

  @ReadVersion({ optional: true })
  version?: number | null;

  @DateField({ nullable: true, description: 'Par défaut aujourd’hui' })
  on?: string;
}

@InputType({ description: 'Filtre des besoins (toujours limité à vos régions)' })
export class RecruitmentNeedFilter {
  @IdField({ nullable: true })
  companyId?: string;

  @InputField(() => [String], { nullable: true }, RegionCodes())
  workRegionCodes?: string[];

  @InputField(() => [String], { nullable: true }, ArrayMaxSize(100, messageOf('field.invalid')), Text(5, true))
  nocCodes?: string[];

  @InputField(() => Int, { nullable: true, description: 'Grande catégorie professionnelle, 0 à 9' }, IntRange(0, 9))
  nocBroadCategory?: number;

  @InputField(() => Int, { nullable: true, description: 'FEER / TEER, 0 à 5' }, IntRange(0, 5))
  teer?: number;

  @EnumField([RecruitmentNeedStatus], { nullable: true })
  status?: RecruitmentNeedStatus[];

  @EnumField(RecruitmentChannel, { nullable: true })
  channel?: RecruitmentChannel;

  @NestedField(DateRangeInput, { nullable: true })
  openedBetween?: DateRangeInput;
}

@ArgsType()
export class RecruitmentNeedsArgs extends PaginationArgs {
  @NestedField(RecruitmentNeedFilter, { nullable: true })
  filter?: RecruitmentNeedFilter;
}

export const RecruitmentNeedGroup = graphqlEnum(
  'RecruitmentNeedGroup',
  'Regroupement du sommaire des besoins',
  ['WORK_REGION', 'NOC_BROAD_CATEGORY', 'TEER', 'NOC', 'CHANNEL'],
);
export type RecruitmentNeedGroup = EnumValue<typeof RecruitmentNeedGroup>;

@ArgsType()
export class RecruitmentNeedsSummaryArgs {
  @EnumField([RecruitmentNeedGroup], ArrayUnique(undefined, messageOf('field.invalid')))
  groupBy!: RecruitmentNeedGroup[];

  @NestedField(RecruitmentNeedFilter, { nullable: true, description: 'Par défaut, tous les besoins sauf CANCELLED' })
  filter?: RecruitmentNeedFilter;
}
