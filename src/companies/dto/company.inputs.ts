import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { PaginationArgs } from '../../graphql/pagination/pagination.args.js';
import { messageOf, MultilineText, ReadVersion, RegionCode, RegionCodes, RequiredText, Text, Uuid } from '../../graphql/validation/field-rules.js';
import { Ownership, SizeBand } from '../company.enums.js';

/** Fields a company may be created or edited with. NEQ, SCIAN and postal code are checked by the service. */
@InputType({ isAbstract: true })
abstract class CompanyFields {
  @Field(() => [String], { nullable: true, description: 'Autres noms' })
  @IsOptional()
  @ArrayMaxSize(20, messageOf('field.invalid'))
  @Text(300, true)
  otherNames?: string[];

  @Field(() => String, { nullable: true, description: 'NEQ : 10 chiffres (espaces et tirets acceptés)' })
  @IsOptional()
  @Text(20)
  neq?: string;

  @Field(() => String, { nullable: true, description: 'Code SCIAN 2022, 2 à 6 chiffres' })
  @IsOptional()
  @Text(10)
  naicsCode?: string;

  @Field(() => SizeBand, { nullable: true })
  @IsOptional()
  @IsEnum(SizeBand, messageOf('field.invalid'))
  sizeBand?: SizeBand;

  @Field(() => Ownership, { nullable: true })
  @IsOptional()
  @IsEnum(Ownership, messageOf('field.invalid'))
  ownership?: Ownership;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MultilineText(300)
  address?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(100)
  municipality?: string;

  @Field(() => String, { nullable: true, description: 'Code postal canadien ; normalisé en A1A 1A1' })
  @IsOptional()
  @Text(10)
  postalCode?: string;
}

@InputType({ description: 'Nouvelle entreprise : seuls legalName et regionCode sont obligatoires' })
export class CreateCompanyInput extends CompanyFields {
  @Field({ description: 'Nom légal' })
  @RequiredText(300)
  legalName!: string;

  @Field({ description: 'Région de l’établissement (01 à 17)' })
  @RegionCode()
  regionCode!: string;

  @Field({
    nullable: true,
    defaultValue: false,
    description: 'true : vous avez vérifié les doublons probables et il s’agit bien d’une autre entreprise',
  })
  @IsOptional()
  @IsBoolean(messageOf('field.invalid'))
  confirmNotDuplicate?: boolean;
}

@InputType({ description: 'Modification d’une entreprise : la version lue et les champs à changer' })
export class UpdateCompanyInput extends CompanyFields {
  @Field(() => ID)
  @Uuid()
  id!: string;

  @ReadVersion()
  version!: number;

  @Field({ nullable: true })
  @IsOptional()
  @RequiredText(300)
  legalName?: string;

  @Field({ nullable: true })
  @IsOptional()
  @RegionCode()
  regionCode?: string;
}

export enum CompanyOrderField {
  RELEVANCE = 'RELEVANCE',
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
}
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(CompanyOrderField, {
  name: 'CompanyOrderField',
  description: 'RELEVANCE (avec une recherche), NAME, CREATED_AT',
});
registerEnumType(SortDirection, { name: 'SortDirection' });

@InputType({ description: 'Tri des entreprises' })
export class CompanyOrder {
  @Field(() => CompanyOrderField)
  @IsEnum(CompanyOrderField, messageOf('field.invalid'))
  field!: CompanyOrderField;

  @Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.ASC })
  @IsOptional()
  @IsEnum(SortDirection, messageOf('field.invalid'))
  direction?: SortDirection;
}

@InputType({ description: 'Filtre du répertoire des entreprises' })
export class CompanyFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Nom légal ou autre nom (sans égard aux accents ni à la casse), ou début de NEQ',
  })
  @IsOptional()
  @Text(200)
  search?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @RegionCodes()
  regionCodes?: string[];

  @Field(() => String, { nullable: true, description: 'Secteur SCIAN (2 chiffres) ou code plus fin' })
  @IsOptional()
  @Text(6)
  naicsCode?: string;

  @Field(() => [SizeBand], { nullable: true })
  @IsOptional()
  @IsEnum(SizeBand, messageOf('field.invalid', {}, true))
  sizeBands?: SizeBand[];

  @Field(() => Ownership, { nullable: true })
  @IsOptional()
  @IsEnum(Ownership, messageOf('field.invalid'))
  ownership?: Ownership;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(100)
  municipality?: string;
}

@ArgsType()
export class CompaniesArgs extends PaginationArgs {
  @Field(() => CompanyFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CompanyFilter)
  filter?: CompanyFilter;

  @Field(() => CompanyOrder, {
    nullable: true,
    description: 'Par défaut : RELEVANCE avec une recherche, sinon NAME',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CompanyOrder)
  orderBy?: CompanyOrder;
}

@ArgsType()
export class PossibleDuplicatesArgs {
  @Field({ description: 'Nom légal envisagé' })
  @RequiredText(300)
  legalName!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(20)
  neq?: string;
}
