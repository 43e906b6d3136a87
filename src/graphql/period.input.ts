import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { messageOf, Text } from './validation/field-rules.js';
import { GraphQLDate } from './date.scalar.js';

/** docs/domain.md, Counting employers (periods): exactly one form — fiscalYear, or from+to, or sinceDeployment. */
@InputType({ description: 'Période : exactement une forme — fiscalYear, ou from + to, ou sinceDeployment' })
export class PeriodInput {
  @Field(() => String, { nullable: true, description: 'Exercice financier « 2020-2021 » = 2020-04-01 .. 2021-03-31' })
  @IsOptional()
  @Text(9)
  fiscalYear?: string | null;

  @Field(() => GraphQLDate, { nullable: true })
  @IsOptional()
  from?: string | null;

  @Field(() => GraphQLDate, { nullable: true, description: 'Inclus' })
  @IsOptional()
  to?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Depuis le déploiement : 2019-08-01 .. aujourd’hui' })
  @IsOptional()
  @IsBoolean(messageOf('field.invalid'))
  sinceDeployment?: boolean | null;
}
