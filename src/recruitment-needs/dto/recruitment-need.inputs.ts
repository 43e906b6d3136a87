import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, Float, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsNumber, IsOptional, Min, Max, ValidateNested } from 'class-validator';
import { DateRangeInput } from '../../graphql/date-range.input.js';
import { GraphQLDate } from '../../graphql/date.scalar.js';
import { PaginationArgs } from '../../graphql/pagination/pagination.args.js';
import { IntRange, messageOf, ReadVersion, RegionCode, RegionCodes, RequiredText, Text, Uuid } from '../../graphql/validation/field-rules.js';
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
  @Field(() => ID)
  @Uuid()
  companyId!: string;

  @Field(() => ID, { nullable: true, description: 'Dossier d’accompagnement de l’entreprise, s’il y a lieu' })
  @IsOptional()
  @Uuid()
  accompanimentId?: string;

  @Field({ description: 'Code CNP 2021 : 5 chiffres, le 2e (FEER) de 0 à 5' })
  @RequiredText(10)
  nocCode!: string;

  @Field({ description: 'Appellation d’emploi' })
  @RequiredText(200)
  title!: string;

  @Field(() => Int, { description: '1 à 1000' })
  @IntRange(1, 1000)
  positions!: number;

  @Field(() => String, { nullable: true, description: 'Région de travail ; par défaut celle de l’entreprise' })
  @IsOptional()
  @RegionCode()
  workRegionCode?: string;

  @Field(() => EmploymentType)
  @IsEnum(EmploymentType, messageOf('field.invalid'))
  employmentType!: EmploymentType;

  @Field(() => Float, { nullable: true, description: 'Salaire horaire en dollars, deux décimales au plus' })
  @IsOptional()
  @Wage()
  hourlyWage?: number;

  @Field(() => FrenchLevel, { nullable: true, defaultValue: FrenchLevel.NOT_REQUIRED })
  @IsOptional()
  @IsEnum(FrenchLevel, messageOf('field.invalid'))
  frenchLevel?: FrenchLevel;

  @Field(() => [RecruitmentChannel], { description: 'Un ou plusieurs bassins de recrutement' })
  @Channels()
  channels!: RecruitmentChannel[];

  @Field(() => GraphQLDate, { nullable: true, description: 'Par défaut aujourd’hui' })
  @IsOptional()
  openedOn?: string;
}

@InputType({ description: 'Modification d’un besoin (avec la version lue)' })
export class UpdateRecruitmentNeedInput {
  @Field(() => ID)
  @Uuid()
  id!: string;

  @ReadVersion()
  version!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @RequiredText(10)
  nocCode?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @RequiredText(200)
  title?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IntRange(1, 1000)
  positions?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @RegionCode()
  workRegionCode?: string;

  @Field(() => EmploymentType, { nullable: true })
  @IsOptional()
  @IsEnum(EmploymentType, messageOf('field.invalid'))
  employmentType?: EmploymentType;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Wage()
  hourlyWage?: number;

  @Field(() => FrenchLevel, { nullable: true })
  @IsOptional()
  @IsEnum(FrenchLevel, messageOf('field.invalid'))
  frenchLevel?: FrenchLevel;

  @Field(() => [RecruitmentChannel], { nullable: true })
  @IsOptional()
  @Channels()
  channels?: RecruitmentChannel[];

  @Field(() => RecruitmentNeedStatus, {
    nullable: true,
    description: 'Nouvel état, selon les passages permis (FILLED exige tous les postes pourvus)',
  })
  @IsOptional()
  @IsEnum(RecruitmentNeedStatus, messageOf('field.invalid'))
  status?: RecruitmentNeedStatus;
}

@InputType({ description: 'Consigner les postes pourvus ; tous pourvus : le besoin passe à FILLED' })
export class RecordPositionsFilledInput {
  @Field(() => ID)
  @Uuid()
  id!: string;

  @Field(() => Int)
  @IntRange(0, 1000)
  positionsFilled!: number;

  @ReadVersion({ optional: true })
  version?: number | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'Date (par défaut aujourd’hui)' })
  @IsOptional()
  on?: string;
}

@InputType({ description: 'Annuler ou fermer un besoin' })
export class CloseRecruitmentNeedInput {
  @Field(() => ID)
  @Uuid()
  id!: string;

  @ReadVersion({ optional: true })
  version?: number | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'Par défaut aujourd’hui' })
  @IsOptional()
  on?: string;
}

@InputType({ description: 'Filtre des besoins (toujours limité à vos régions)' })
export class RecruitmentNeedFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Uuid()
  companyId?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @RegionCodes()
  workRegionCodes?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100, messageOf('field.invalid'))
  @Text(5, true)
  nocCodes?: string[];

  @Field(() => Int, { nullable: true, description: 'Grande catégorie professionnelle, 0 à 9' })
  @IsOptional()
  @IntRange(0, 9)
  nocBroadCategory?: number;

  @Field(() => Int, { nullable: true, description: 'FEER / TEER, 0 à 5' })
  @IsOptional()
  @IntRange(0, 5)
  teer?: number;

  @Field(() => [RecruitmentNeedStatus], { nullable: true })
  @IsOptional()
  @IsEnum(RecruitmentNeedStatus, messageOf('field.invalid', {}, true))
  status?: RecruitmentNeedStatus[];

  @Field(() => RecruitmentChannel, { nullable: true })
  @IsOptional()
  @IsEnum(RecruitmentChannel, messageOf('field.invalid'))
  channel?: RecruitmentChannel;

  @Field(() => DateRangeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DateRangeInput)
  openedBetween?: DateRangeInput;
}

@ArgsType()
export class RecruitmentNeedsArgs extends PaginationArgs {
  @Field(() => RecruitmentNeedFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecruitmentNeedFilter)
  filter?: RecruitmentNeedFilter;
}

export enum RecruitmentNeedGroup {
  WORK_REGION = 'WORK_REGION',
  NOC_BROAD_CATEGORY = 'NOC_BROAD_CATEGORY',
  TEER = 'TEER',
  NOC = 'NOC',
  CHANNEL = 'CHANNEL',
}
registerEnumType(RecruitmentNeedGroup, { name: 'RecruitmentNeedGroup', description: 'Regroupement du sommaire des besoins' });

@ArgsType()
export class RecruitmentNeedsSummaryArgs {
  @Field(() => [RecruitmentNeedGroup])
  @ArrayUnique(undefined, messageOf('field.invalid'))
  @IsEnum(RecruitmentNeedGroup, messageOf('field.invalid', {}, true))
  groupBy!: RecruitmentNeedGroup[];

  @Field(() => RecruitmentNeedFilter, {
    nullable: true,
    description: 'Par défaut, tous les besoins sauf CANCELLED',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecruitmentNeedFilter)
  filter?: RecruitmentNeedFilter;
}
