import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DEFAULT_PAGE_SIZE } from '../../database/keyset-pagination.js';
import { IntRange, messageOf } from '../validation/field-rules.js';

export const MAX_PAGE_SIZE = 200;

@ArgsType()
export class PaginationArgs {
  @Field(() => Int, { nullable: true, description: `Taille de la page (1 à ${MAX_PAGE_SIZE}, ${DEFAULT_PAGE_SIZE} par défaut)` })
  @IsOptional()
  @IntRange(1, MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'Curseur `endCursor` de la page précédente' })
  @IsOptional()
  @IsString(messageOf('field.cursor'))
  @MaxLength(2000, messageOf('field.cursor'))
  after?: string | null;
}
