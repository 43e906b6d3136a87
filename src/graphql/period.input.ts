import { InputType } from '@nestjs/graphql';
import { Text } from './validation/field-rules.js';
import { BooleanField, DateField, InputField } from './validation/input-field.js';

/** docs/domain.md, Counting employers (periods): exactly one form — fiscalYear, or from+to, or sinceDeployment. */
@InputType({ description: 'Période : exactement une forme — fiscalYear, ou from + to, ou sinceDeployment' })
export class PeriodInput {
  @InputField(() => String, { nullable: true, description: 'Exercice financier « 2020-2021 » = 2020-04-01 .. 2021-03-31' }, Text(9))
  fiscalYear?: string | null;

  @DateField({ nullable: true })
  from?: string | null;

  @DateField({ nullable: true, description: 'Inclus' })
  to?: string | null;

  @BooleanField({ nullable: true, description: 'Depuis le déploiement : 2019-08-01 .. aujourd’hui' })
  sinceDeployment?: boolean | null;
}
