import { applyDecorators } from '@nestjs/common';
import { Field, type FieldOptions, type ReturnTypeFunc } from '@nestjs/graphql';
import { Column, type ColumnOptions } from 'typeorm';

/**
 * A stored column the API shows, declared once: its TypeORM column, and its GraphQL field of `type`, nullable
 * exactly when the column is (so the two cannot disagree), with its description if any.
 */
export function ExposedColumn(column: ColumnOptions, type: ReturnTypeFunc, description?: string): PropertyDecorator {
  const field: FieldOptions = column.nullable ? { nullable: true } : {};
  if (description !== undefined) field.description = description;
  return applyDecorators(Column(column), Field(type, field));
}
