import { ArgsType, InputType, Int } from '@nestjs/graphql';
import { PaginationArgs } from '../../graphql/pagination/pagination.args.js';
import { IntRange, ReadVersion, RequiredMultilineText } from '../../graphql/validation/field-rules.js';
import { DateField, EnumField, IdField, InputField } from '../../graphql/validation/input-field.js';
import { InteractionKind, InteractionMode } from '../accompaniment.enums.js';

@InputType({ description: 'Consigner une intervention dans un dossier' })
export class LogInteractionInput {
  @IdField()
  accompanimentId!: string;

  @DateField({ description: 'Entre l’ouverture et la fermeture du dossier, pas dans le futur' })
  occurredOn!: string;

  @EnumField(InteractionKind)
  kind!: InteractionKind;

  @EnumField(InteractionMode)
  mode!: InteractionMode;

  @InputField(() => Int, { description: 'Durée en minutes, 1 à 1440' }, IntRange(1, 1440))
  durationMinutes!: number;

  @InputField(() => String, { description: 'Résumé (4 000 caractères au plus)' }, RequiredMultilineText(4000))
  summary!: string;
}

@InputType({ description: 'Modifier une intervention (avec la version lue)' })
export class UpdateInteractionInput {
  @IdField()
  id!: string;

  @ReadVersion()
  version!: number;

  @DateField({ nullable: true })
  occurredOn?: string;

  @EnumField(InteractionKind, { nullable: true })
  kind?: InteractionKind;

  @EnumField(InteractionMode, { nullable: true })
  mode?: InteractionMode;

  @InputField(() => Int, { nullable: true }, IntRange(1, 1440))
  durationMinutes?: number;

  @InputField(() => String, { nullable: true }, RequiredMultilineText(4000))
  summary?: string;
}

@ArgsType()
export class InteractionsArgs extends PaginationArgs {
  @IdField()
  accompanimentId!: string;
}
