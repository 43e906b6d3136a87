import { applyDecorators, type Type } from '@nestjs/common';
import { Field, ID, type FieldOptions, type ReturnTypeFunc } from '@nestjs/graphql';
import { Type as Nested } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { GraphQLDate } from '../date.scalar.js';
import { messageOf, Uuid } from './field-rules.js';

/** What the schema says of an input field beyond its type. */
export type InputFieldOptions = Pick<FieldOptions, 'nullable' | 'description' | 'defaultValue'>;

/** The options (when given, first), then the checks. */
type Rest = [InputFieldOptions, ...PropertyDecorator[]] | PropertyDecorator[];

const split = (rest: Rest): [InputFieldOptions, PropertyDecorator[]] =>
  typeof rest[0] === 'object' ? [rest[0], rest.slice(1) as PropertyDecorator[]] : [{}, rest as PropertyDecorator[]];

/**
 * An input field declared once: its GraphQL type, its options if any, then its checks (field-rules.ts) in the
 * order they would be written below `@Field`, so the first problem a field reports stays the same. A nullable
 * field is optional: null or absent skips its checks (IsOptional).
 */
export function InputField(type: ReturnTypeFunc, ...rest: Rest): PropertyDecorator {
  const [options, checks] = split(rest);
  const decorators = [Field(type, options), ...(options.nullable ? [IsOptional()] : []), ...checks];
  // Stacked decorators apply from the bottom up; applyDecorators applies its list from the first.
  return applyDecorators(...decorators.reverse());
}

/** A record's id (UUID). */
export const IdField = (options?: InputFieldOptions) => InputField(() => ID, options ?? {}, Uuid());

/** A date (`YYYY-MM-DD`, checked by the Date scalar). */
export const DateField = (options?: InputFieldOptions) => InputField(() => GraphQLDate, options ?? {});

/** true or false. */
export const BooleanField = (options?: InputFieldOptions) => InputField(() => Boolean, options ?? {}, IsBoolean(messageOf('field.invalid')));

/** One value of an enum, or with `[Enum]` a list of them; the checks given (on the list) come before the values'. */
export function EnumField(values: object | [object], ...rest: Rest): PropertyDecorator {
  const [options, checks] = split(rest);
  const list = Array.isArray(values);
  return InputField(() => values, options, ...checks, IsEnum(list ? values[0] : values, messageOf('field.invalid', {}, list)));
}

/** An input object, checked with its own rules. */
export const NestedField = (type: Type, options?: InputFieldOptions) =>
  InputField(() => type, options ?? {}, ValidateNested(), Nested(() => type));
