import { Field, InputType } from '@nestjs/graphql';
import { BadUserInputError } from '../errors/domain.errors.js';
import { GraphQLDate } from './date.scalar.js';

@InputType({ description: 'Intervalle de dates, bornes incluses' })
export class DateRangeInput {
  @Field(() => GraphQLDate)
  from!: string;

  @Field(() => GraphQLDate, { description: 'Inclus' })
  to!: string;
}

/** Refuses a range whose end precedes its start. */
export function assertDateRange(range: DateRangeInput | undefined, field: string): void {
  if (range && range.to < range.from) throw BadUserInputError.field(`${field}.to`, 'field.rangeOrder');
}
