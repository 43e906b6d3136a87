import { ArgsType, Int } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { DEFAULT_PAGE_SIZE } from '../../database/keyset-pagination.js';
import { IntRange, messageOf } from '../validation/field-rules.js';
import { InputField } from '../validation/input-field.js';

export const MAX_PAGE_SIZE = 200;

@ArgsType()
export class PaginationArgs {
  @InputField(
    () => Int,
    { nullable: true, description: `Taille de la page (1 à ${MAX_PAGE_SIZE}, ${DEFAULT_PAGE_SIZE} par défaut)` },
    IntRange(1, MAX_PAGE_SIZE),
  )
  first?: number;

  @InputField(
    () => String,
    { nullable: true, description: 'Curseur `endCursor` de la page précédente' },
    IsString(messageOf('field.cursor')),
    MaxLength(2000, messageOf('field.cursor')),
  )
  after?: string | null;
}
