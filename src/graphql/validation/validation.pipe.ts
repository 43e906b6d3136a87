import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { BadUserInputError, type FieldProblem } from '../../errors/domain.errors.js';
import { decodeProblem } from './field-rules.js';

const PRIMITIVES = new Set<unknown>([String, Boolean, Number, Array, Object]);

/**
 * Which parameters hold client input: GraphQL `@Args()` (Nest GraphQL's GqlParamtype.ARGS, a number that
 * @nestjs/graphql does not export) and a REST body. `@Parent()`, `@Context()` and `@Info()` hold objects the
 * service built; validating them would copy every parent entity of every field resolver for nothing.
 */
const GRAPHQL_ARGS = 3;
const CLIENT_INPUT = new Set<unknown>([GRAPHQL_ARGS, 'body', 'query', 'param']);

/** Trims every string of an input (nested ones included) so "  " counts as empty. */
function trimStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(trimStrings);
  if (value && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimStrings(v)]));
  }
  return value;
}

/**
 * Where the input holds U+0000 (NUL), which PostgreSQL can neither store nor compare in text: such a value would
 * fail in SQL as an internal error. Field paths as the validation pipe names them (`input.legalName`, `id`).
 */
function nulCharacterFields(value: unknown, path: string, found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path);
  } else if (Array.isArray(value)) {
    for (const item of value) nulCharacterFields(item, path, found);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nulCharacterFields(item, path ? `${path}.${key}` : key, found);
  }
  return found;
}

function problems(errors: ValidationError[], path: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = path ? `${path}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {})
      .slice(0, 1)
      .map((text): FieldProblem => {
        const decoded = decodeProblem(text);
        return decoded ? { field, message: decoded.key, params: decoded.params } : { field, message: 'field.invalid' };
      });
    return [...own, ...problems(error.children ?? [], field)];
  });
}

/**
 * Refuses a NUL character in any argument (ids and plain strings included), then validates every GraphQL argument
 * whose type is a class with class-validator rules. A failure throws BAD_USER_INPUT naming each offending field
 * (`input.email`), before the resolver touches the database.
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  /** Synchronous when there is nothing to validate: field resolvers call this for each parameter of each parent. */
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const type = metadata.metatype;
    if (!CLIENT_INPUT.has(metadata.type) || value === null || value === undefined) return value;
    const nul = nulCharacterFields(value, metadata.data ?? '');
    if (nul.length > 0) {
      throw new BadUserInputError([...new Set(nul)].map((field) => ({ field: field || 'input', message: 'field.controlCharacters' })));
    }
    if (!type || PRIMITIVES.has(type) || typeof value !== 'object') return value;
    return this.validated(value, type, metadata);
  }

  private async validated(value: object, type: NonNullable<ArgumentMetadata['metatype']>, metadata: ArgumentMetadata): Promise<object> {
    const instance = plainToInstance(type, trimStrings({ ...value }), { enableImplicitConversion: false }) as object;
    const errors = await validate(instance, { forbidUnknownValues: false, validationError: { target: false } });
    if (errors.length > 0) {
      const root = metadata.type === 'body' || metadata.data ? (metadata.data ?? '') : '';
      throw new BadUserInputError(problems(errors, root));
    }
    return instance;
  }
}
