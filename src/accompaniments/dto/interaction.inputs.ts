import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { GraphQLDate } from '../../graphql/date.scalar.js';
import { PaginationArgs } from '../../graphql/pagination/pagination.args.js';
import { IntRange, messageOf, ReadVersion, RequiredMultilineText, Uuid } from '../../graphql/validation/field-rules.js';
import { InteractionKind, InteractionMode } from '../accompaniment.enums.js';

@InputType({ description: 'Consigner une intervention dans un dossier' })
export class LogInteractionInput {
  @Field(() => ID)
  @Uuid()
  accompanimentId!: string;

  @Field(() => GraphQLDate, { description: 'Entre l’ouverture et la fermeture du dossier, pas dans le futur' })
  occurredOn!: string;

  @Field(() => InteractionKind)
  @IsEnum(InteractionKind, messageOf('field.invalid'))
  kind!: InteractionKind;

  @Field(() => InteractionMode)
  @IsEnum(InteractionMode, messageOf('field.invalid'))
  mode!: InteractionMode;

  @Field(() => Int, { description: 'Durée en minutes, 1 à 1440' })
  @IntRange(1, 1440)
  durationMinutes!: number;

  @Field({ description: 'Résumé (4 000 caractères au plus)' })
  @RequiredMultilineText(4000)
  summary!: string;
}

@InputType({ description: 'Modifier une intervention (avec la version lue)' })
export class UpdateInteractionInput {
  @Field(() => ID)
  @Uuid()
  id!: string;

  @ReadVersion()
  version!: number;

  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  occurredOn?: string;

  @Field(() => InteractionKind, { nullable: true })
  @IsOptional()
  @IsEnum(InteractionKind, messageOf('field.invalid'))
  kind?: InteractionKind;

  @Field(() => InteractionMode, { nullable: true })
  @IsOptional()
  @IsEnum(InteractionMode, messageOf('field.invalid'))
  mode?: InteractionMode;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IntRange(1, 1440)
  durationMinutes?: number;

  @Field({ nullable: true })
  @IsOptional()
  @RequiredMultilineText(4000)
  summary?: string;
}

@ArgsType()
export class InteractionsArgs extends PaginationArgs {
  @Field(() => ID)
  @Uuid()
  accompanimentId!: string;
}
