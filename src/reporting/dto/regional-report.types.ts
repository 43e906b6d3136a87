import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLDate } from '../../graphql/date.scalar.js';
import { PeriodInput } from '../../graphql/period.input.js';
import { RegionCode } from '../../graphql/validation/field-rules.js';
import { InputField, NestedField } from '../../graphql/validation/input-field.js';
import { Region } from '../../reference-data/region.entity.js';
import { ServicePoint } from '../../reference-data/service-point.entity.js';

@ObjectType({ description: 'Besoins de main-d’œuvre actifs pendant la période, par grande catégorie professionnelle (CNP)' })
export class NeedsByCategory {
  @Field(() => Int)
  nocBroadCategory!: number;

  @Field({ description: 'Nom de la grande catégorie (CNP 2021)' })
  label!: string;

  @Field(() => Int)
  needs!: number;

  @Field(() => Int)
  positions!: number;

  @Field(() => Int, { description: 'Postes encore à pourvoir' })
  openPositions!: number;

  @Field(() => Int)
  filledPositions!: number;
}

@ObjectType({ description: 'Journées Québec tenues pendant la période, entreprises de la région' })
export class JourneesQuebecFigures {
  @Field(() => Int, { description: 'Participations (inscriptions non retirées)' })
  participations!: number;

  @Field(() => Int, { description: 'Participations présentes' })
  attended!: number;

  @Field(() => Int)
  candidatesMet!: number;

  @Field(() => Int, { description: 'Promesses d’embauche' })
  offersMade!: number;

  @Field(() => Int)
  hires!: number;
}

@ObjectType({ description: 'Référencements au Portail employeurs faits pendant la période : nombre ayant atteint chaque étape' })
export class PortailFigures {
  @Field(() => Int)
  referred!: number;

  @Field(() => Int)
  accountCreated!: number;

  @Field(() => Int)
  offerPosted!: number;

  @Field(() => Int)
  candidatesReceived!: number;

  @Field(() => Int)
  hired!: number;

  @Field(() => Int)
  declined!: number;

  @Field(() => Int)
  abandoned!: number;
}

@ObjectType({ description: 'Bilan des réalisations d’une région pour une période' })
export class RegionalReport {
  @Field(() => Region)
  region!: Region;

  @Field(() => GraphQLDate)
  from!: string;

  @Field(() => GraphQLDate)
  to!: string;

  @Field(() => String, { nullable: true })
  fiscalYear!: string | null;

  @Field(() => Int)
  employersAccompanied!: number;

  @Field(() => Int)
  newEmployers!: number;

  @Field(() => Int, { description: 'Dossiers ouverts pendant la période' })
  filesOpened!: number;

  @Field(() => Int, { description: 'Dossiers fermés pendant la période' })
  filesClosed!: number;

  @Field(() => Int, { description: 'Interventions consignées pendant la période' })
  interactions!: number;

  @Field(() => Int, { description: 'Durée totale des interventions, en minutes' })
  interactionMinutes!: number;

  @Field(() => [NeedsByCategory])
  needsByCategory!: NeedsByCategory[];

  @Field(() => JourneesQuebecFigures)
  journeesQuebec!: JourneesQuebecFigures;

  @Field(() => PortailFigures)
  portailReferrals!: PortailFigures;

  @Field(() => Int, { description: 'Conseillères et conseillers actifs ayant la région parmi les leurs' })
  advisors!: number;

  @Field(() => [ServicePoint])
  servicePoints!: ServicePoint[];

  @Field({ description: 'Le bilan rédigé en français (Markdown), à la manière des bilans publiés' })
  markdown!: string;
}

@ArgsType()
export class RegionalReportArgs {
  @InputField(() => String, { description: 'Code de la région (01 à 17)' }, RegionCode())
  regionCode!: string;

  @NestedField(PeriodInput)
  period!: PeriodInput;
}
