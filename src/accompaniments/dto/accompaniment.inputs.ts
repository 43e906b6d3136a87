import { ArgsType, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique } from 'class-validator';
import { DateRangeInput } from '../../graphql/date-range.input.js';
import { PaginationArgs } from '../../graphql/pagination/pagination.args.js';
import { messageOf, ReadVersion, RegionCode, RegionCodes } from '../../graphql/validation/field-rules.js';
import { DateField, EnumField, IdField, InputField, NestedField } from '../../graphql/validation/input-field.js';
import { AccompanimentStatus, ClosingOutcome, ServiceLevel, Theme } from '../accompaniment.enums.js';

@InputType({ description: 'Ouvrir un dossier d’accompagnement' })
export class OpenAccompanimentInput {
  @IdField()
  companyId!: string;

  @InputField(() => String, { nullable: true, description: 'Région de service ; par défaut celle de l’entreprise' }, RegionCode())
  regionCode?: string;

  @IdField({ nullable: true, description: 'Conseillère ou conseiller responsable ; par défaut vous' })
  advisorId?: string;

  @EnumField(ServiceLevel)
  serviceLevel!: ServiceLevel;

  @EnumField(
    [Theme],
    { description: 'Un ou plusieurs volets' },
    ArrayMinSize(1, messageOf('field.themes')),
    ArrayMaxSize(6, messageOf('field.themes')),
    ArrayUnique(undefined, messageOf('field.themes')),
  )
  themes!: Theme[];

  @DateField({ nullable: true, description: 'Date d’ouverture ; par défaut aujourd’hui' })
  openedOn?: string;
}

/** Common to the file's state changes: the version read is optional (checked when given). */
@InputType({ isAbstract: true })
abstract class FileChangeInput {
  @IdField()
  id!: string;

  @ReadVersion({ optional: true })
  version?: number | null;
}

@InputType({ description: 'Mettre un dossier ouvert en suspens' })
export class PutAccompanimentOnHoldInput extends FileChangeInput {
  @DateField({ nullable: true, description: 'Par défaut aujourd’hui' })
  on?: string;
}

@InputType({ description: 'Reprendre un dossier en suspens' })
export class ResumeAccompanimentInput extends FileChangeInput {
  @DateField({ nullable: true, description: 'Par défaut aujourd’hui' })
  on?: string;
}

@InputType({ description: 'Fermer un dossier' })
export class CloseAccompanimentInput extends FileChangeInput {
  @DateField()
  closedOn!: string;

  @EnumField(ClosingOutcome, { nullable: true })
  outcome?: ClosingOutcome;
}

@InputType({ description: 'Réassigner un dossier à une autre conseillère ou un autre conseiller' })
export class ReassignAccompanimentInput extends FileChangeInput {
  @IdField()
  advisorId!: string;
}

@InputType({ description: 'Filtre des dossiers (toujours limité à vos régions)' })
export class AccompanimentFilter {
  @InputField(() => [String], { nullable: true }, RegionCodes())
  regionCodes?: string[];

  @IdField({ nullable: true })
  advisorId?: string;

  @IdField({ nullable: true })
  companyId?: string;

  @EnumField([AccompanimentStatus], { nullable: true })
  status?: AccompanimentStatus[];

  @EnumField(ServiceLevel, { nullable: true })
  serviceLevel?: ServiceLevel;

  @EnumField(Theme, { nullable: true })
  theme?: Theme;

  @NestedField(DateRangeInput, { nullable: true, description: 'Ouverts dans cet intervalle' })
  openedBetween?: DateRangeInput;

  @NestedField(DateRangeInput, {
    nullable: true,
    description: 'Actifs pendant cet intervalle : [ouverture, fermeture] le recoupe (un dossier non fermé n’a pas de fin)',
  })
  activeDuring?: DateRangeInput;
}

@ArgsType()
export class AccompanimentsArgs extends PaginationArgs {
  @NestedField(AccompanimentFilter, { nullable: true })
  filter?: AccompanimentFilter;
}
