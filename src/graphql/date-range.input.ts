import { Field, InputType } from '@nestjs/graphql';
import { GraphQLDate } from './date.scalar.js';

@InputType({ description: 'Intervalle de dates, bornes incluses' })
export class DateRangeInput {
  @Field(() => GraphQLDate)
  from!: string;

  @Field(() => GraphQLDate, { description: 'Inclus' })
  to!: string;
}

