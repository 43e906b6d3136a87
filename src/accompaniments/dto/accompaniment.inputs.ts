import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { DateRangeInput } from '../../graphql/date-range.input.js';
import { GraphQLDate } from '../../graphql/date.scalar.js';
import { PaginationArgs } from '../../graphql/pagination/pagination.args.js';
import { messageOf, ReadVersion, RegionCode, RegionCodes, Uuid } from '../../graphql/validation/field-rules.js';
import { AccompanimentStatus, ClosingOutcome, ServiceLevel, Theme } from '../accompaniment.enums.js';

@InputType({ description: 'Ouvrir un dossier d’accompagnement' })
export class OpenAccompanimentInput {
  @Field(() => ID)
  @Uuid()
  companyId!: string;

  @Field(() => String, { nullable: true, description: 'Région de service ; par défaut celle de l’entreprise' })
  @IsOptional()
  @RegionCode()
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'Conseillère ou conseiller responsable ; par défaut vous' })
  @IsOptional()
  @Uuid()
  advisorId?: string;

  @Field(() => ServiceLevel)
  @IsEnum(ServiceLevel, messageOf('field.invalid'))
  serviceLevel!: ServiceLevel;

  @Field(() => [Theme], { description: 'Un ou plusieurs volets' })
  @ArrayMinSize(1, messageOf('field.themes'))
  @ArrayMaxSize(6, messageOf('field.themes'))
  @ArrayUnique(undefined, messageOf('field.themes'))
  @IsEnum(Theme, messageOf('field.invalid', {}, true))
  themes!: Theme[];

  @Field(() => GraphQLDate, { nullable: true, description: 'Date d’ouverture ; par défaut aujourd’hui' })
  @IsOptional()
  openedOn?: string;
}

/** Common to the file's state changes: the version read is optional (checked when given). */
@InputType({ isAbstract: true })
abstract class FileChangeInput {
  @Field(() => ID)
  @Uuid()
  id!: string;

  @ReadVersion({ optional: true })
  version?: number | null;
}

@InputType({ description: 'Mettre un dossier ouvert en suspens' })
export class PutAccompanimentOnHoldInput extends FileChangeInput {
  @Field(() => GraphQLDate, { nullable: true, description: 'Par défaut aujourd’hui' })
  @IsOptional()
  on?: string;
}

@InputType({ description: 'Reprendre un dossier en suspens' })
export class ResumeAccompanimentInput extends FileChangeInput {
  @Field(() => GraphQLDate, { nullable: true, description: 'Par défaut aujourd’hui' })
  @IsOptional()
  on?: string;
}

@InputType({ description: 'Fermer un dossier' })
export class CloseAccompanimentInput extends FileChangeInput {
  @Field(() => GraphQLDate)
  closedOn!: string;

  @Field(() => ClosingOutcome, { nullable: true })
  @IsOptional()
  @IsEnum(ClosingOutcome, messageOf('field.invalid'))
  outcome?: ClosingOutcome;
}

@InputType({ description: 'Réassigner un dossier à une autre conseillère ou un autre conseiller' })
export class ReassignAccompanimentInput extends FileChangeInput {
  @Field(() => ID)
  @Uuid()
  advisorId!: string;
}

@InputType({ description: 'Filtre des dossiers (toujours limité à vos régions)' })
export class AccompanimentFilter {
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @RegionCodes()
  regionCodes?: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Uuid()
  advisorId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Uuid()
  companyId?: string;

  @Field(() => [AccompanimentStatus], { nullable: true })
  @IsOptional()
  @IsEnum(AccompanimentStatus, messageOf('field.invalid', {}, true))
  status?: AccompanimentStatus[];

  @Field(() => ServiceLevel, { nullable: true })
  @IsOptional()
  @IsEnum(ServiceLevel, messageOf('field.invalid'))
  serviceLevel?: ServiceLevel;

  @Field(() => Theme, { nullable: true })
  @IsOptional()
  @IsEnum(Theme, messageOf('field.invalid'))
  theme?: Theme;

  @Field(() => DateRangeInput, { nullable: true, description: 'Ouverts dans cet intervalle' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DateRangeInput)
  openedBetween?: DateRangeInput;

  @Field(() => DateRangeInput, {
    nullable: true,
    description: 'Actifs pendant cet intervalle : [ouverture, fermeture] le recoupe (un dossier non fermé n’a pas de fin)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DateRangeInput)
  activeDuring?: DateRangeInput;
}

@ArgsType()
export class AccompanimentsArgs extends PaginationArgs {
  @Field(() => AccompanimentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AccompanimentFilter)
  filter?: AccompanimentFilter;
}
