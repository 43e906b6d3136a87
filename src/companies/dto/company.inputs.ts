import { ArgsType, InputType } from '@nestjs/graphql';
import { ArrayMaxSize } from 'class-validator';
import { graphqlEnum, type EnumValue } from '../../graphql/graphql-enum.js';
import { PaginationArgs } from '../../graphql/pagination/pagination.args.js';
import { messageOf, MultilineText, ReadVersion, RegionCode, RegionCodes, RequiredText, Text } from '../../graphql/validation/field-rules.js';
import { BooleanField, EnumField, IdField, InputField, NestedField } from '../../graphql/validation/input-field.js';
import { Ownership, SizeBand } from '../company.enums.js';

/** Fields a company may be created or edited with. NEQ, SCIAN and postal code are checked by the service. */
@InputType({ isAbstract: true })
abstract class CompanyFields {
  @InputField(() => [String], { nullable: true, description: 'Autres noms' }, ArrayMaxSize(20, messageOf('field.invalid')), Text(300, true))
  otherNames?: string[];

  @InputField(() => String, { nullable: true, description: 'NEQ : 10 chiffres (espaces et tirets acceptés)' }, Text(20))
  neq?: string;

  @InputField(() => String, { nullable: true, description: 'Code SCIAN 2022, 2 à 6 chiffres' }, Text(10))
  naicsCode?: string;

  @EnumField(SizeBand, { nullable: true })
  sizeBand?: SizeBand;

  @EnumField(Ownership, { nullable: true })
  ownership?: Ownership;

  @InputField(() => String, { nullable: true }, MultilineText(300))
  address?: string;

  @InputField(() => String, { nullable: true }, Text(100))
  municipality?: string;

  @InputField(() => String, { nullable: true, description: 'Code postal canadien ; normalisé en A1A 1A1' }, Text(10))
  postalCode?: string;
}

@InputType({ description: 'Nouvelle entreprise : seuls legalName et regionCode sont obligatoires' })
export class CreateCompanyInput extends CompanyFields {
  @InputField(() => String, { description: 'Nom légal' }, RequiredText(300))
  legalName!: string;

  @InputField(() => String, { description: 'Région de l’établissement (01 à 17)' }, RegionCode())
  regionCode!: string;

  @BooleanField({
    nullable: true,
    defaultValue: false,
    description: 'true : vous avez vérifié les doublons probables et il s’agit bien d’une autre entreprise',
  })
  confirmNotDuplicate?: boolean;
}

@InputType({ description: 'Modification d’une entreprise : la version lue et les champs à changer' })
export class UpdateCompanyInput extends CompanyFields {
  @IdField()
  id!: string;

  @ReadVersion()
  version!: number;

  @InputField(() => String, { nullable: true }, RequiredText(300))
  legalName?: string;

  @InputField(() => String, { nullable: true }, RegionCode())
  regionCode?: string;
}

export const CompanyOrderField = graphqlEnum(
  'CompanyOrderField',
  'RELEVANCE (avec une recherche), NAME, CREATED_AT',
  ['RELEVANCE', 'NAME', 'CREATED_AT'],
);
export type CompanyOrderField = EnumValue<typeof CompanyOrderField>;
export const SortDirection = graphqlEnum('SortDirection', undefined, ['ASC', 'DESC']);
export type SortDirection = EnumValue<typeof SortDirection>;

@InputType({ description: 'Tri des entreprises' })
export class CompanyOrder {
  @EnumField(CompanyOrderField)
  field!: CompanyOrderField;

  @EnumField(SortDirection, { nullable: true, defaultValue: SortDirection.ASC })
  direction?: SortDirection;
}

@InputType({ description: 'Filtre du répertoire des entreprises' })
export class CompanyFilter {
  @InputField(
    () => String,
    { nullable: true, description: 'Nom légal ou autre nom (sans égard aux accents ni à la casse), ou début de NEQ' },
    Text(200),
  )
  search?: string;

  @InputField(() => [String], { nullable: true }, RegionCodes())
  regionCodes?: string[];

  @InputField(() => String, { nullable: true, description: 'Secteur SCIAN (2 chiffres) ou code plus fin' }, Text(6))
  naicsCode?: string;

  @EnumField([SizeBand], { nullable: true })
  sizeBands?: SizeBand[];

  @EnumField(Ownership, { nullable: true })
  ownership?: Ownership;

  @InputField(() => String, { nullable: true }, Text(100))
  municipality?: string;
}

@ArgsType()
export class CompaniesArgs extends PaginationArgs {
  @NestedField(CompanyFilter, { nullable: true })
  filter?: CompanyFilter;

  @NestedField(CompanyOrder, { nullable: true, description: 'Par défaut : RELEVANCE avec une recherche, sinon NAME' })
  orderBy?: CompanyOrder;
}

@ArgsType()
export class PossibleDuplicatesArgs {
  @InputField(() => String, { description: 'Nom légal envisagé' }, RequiredText(300))
  legalName!: string;

  @InputField(() => String, { nullable: true }, Text(20))
  neq?: string;
}
