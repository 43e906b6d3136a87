import { InputType } from '@nestjs/graphql';
import { DateField } from './validation/input-field.js';

@InputType({ description: 'Intervalle de dates, bornes incluses' })
export class DateRangeInput {
  @DateField()
  from!: string;

  @DateField({ description: 'Inclus' })
  to!: string;
}

