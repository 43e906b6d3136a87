import { ArgsType, Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ServiceLevel, Theme } from '../../accompaniments/accompaniment.enums.js';
import { GraphQLDate } from '../../graphql/date.scalar.js';
import { PeriodInput } from '../../graphql/period.input.js';
import { RegionCodes, Text } from '../../graphql/validation/field-rules.js';
import { EnumField, IdField, InputField, NestedField } from '../../graphql/validation/input-field.js';
import { Region } from '../../reference-data/region.entity.js';

@ObjectType({
  description:
    'Employeurs accompagnés (entreprises distinctes ayant un dossier actif pendant la période) et nouveaux employeurs ' +
    '(premier dossier de la région ouvert pendant la période) d’une région',
})
export class RegionEmployerCount {
  @Field(() => Region)
  region!: Region;

  @Field(() => Int, { description: 'Entreprises distinctes ayant un dossier actif dans la région pendant la période' })
  employersAccompanied!: number;

  @Field(() => Int, { description: 'Entreprises dont le premier dossier dans la région s’est ouvert pendant la période' })
  newEmployers!: number;
}

@ObjectType({ description: 'Nombre d’employeurs accompagnés par région' })
export class EmployerCounts {
  @Field(() => GraphQLDate)
  from!: string;

  @Field(() => GraphQLDate, { description: 'Inclus' })
  to!: string;

  @Field(() => String, { nullable: true, description: 'Exercice financier, quand la période en est un' })
  fiscalYear!: string | null;

  @Field(() => [RegionEmployerCount], { description: 'Une ligne par région (les 17, zéros compris, sauf filtre regionCodes)' })
  byRegion!: RegionEmployerCount[];

  @Field(() => Int, { description: 'Toutes régions : chaque entreprise une seule fois' })
  employersAccompanied!: number;

  @Field(() => Int, { description: 'Toutes régions : entreprises dont le tout premier dossier s’est ouvert pendant la période' })
  newEmployers!: number;
}

@InputType({ description: 'Filtres facultatifs des comptes d’employeurs : ne comptent que les dossiers qui y répondent' })
export class EmployerCountsFilter {
  @InputField(
    () => [String],
    { nullable: true, description: 'Régions des lignes (toutes par défaut). Une conseillère (ADVISOR) doit nommer ses régions.' },
    RegionCodes(),
  )
  regionCodes?: string[];

  @EnumField(ServiceLevel, { nullable: true })
  serviceLevel?: ServiceLevel;

  @EnumField(Theme, { nullable: true })
  theme?: Theme;

  @InputField(() => String, { nullable: true, description: 'Secteur SCIAN : 2 chiffres, ou 31-33, 44-45, 48-49' }, Text(5))
  naicsSector?: string;

  @IdField({ nullable: true, description: 'Dossiers de cette conseillère ou de ce conseiller' })
  advisorId?: string;
}

@ArgsType()
export class EmployerCountsArgs {
  @NestedField(PeriodInput)
  period!: PeriodInput;

  @NestedField(EmployerCountsFilter, { nullable: true })
  filter?: EmployerCountsFilter;
}
