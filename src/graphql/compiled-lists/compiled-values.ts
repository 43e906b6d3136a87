import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { sqlFieldSpecs } from './sql-relation.decorator.js';

/**
 * The key that marks an object built by a compiled list statement (see selection-compiler.ts). It holds its fields
 * under their response keys (aliases included), already answered: `$` cannot be a GraphQL name, so no field collides.
 */
export const COMPILED = '$';

/** The key of what a relation's `carry` kept on each compiled row. */
export const CARRIED = '$row';

/** The value compiled for the field `info` resolves on `source`, or undefined when `source` was not compiled. */
export function compiledValue<T>(source: unknown, info: GraphQLResolveInfo): T | undefined {
  const object = source as Record<string, unknown> | null;
  return object?.[COMPILED] === true ? (object[info.path.key as string] as T) : undefined;
}

/** What a relation's `carry` kept on a compiled row (see SqlFieldSpec.carry). */
export function carried<T>(row: object): T {
  return (row as Record<string, unknown>)[CARRIED] as T;
}

const asDate = (value: unknown) => (typeof value === 'string' ? new Date(value) : value);

const fieldsWithResolvers = new WeakMap<GraphQLSchema, Set<string>>();

/** Whether a resolver method answers `type.field` in this schema (recorded before answerCompiledValues wraps it). */
export function hasResolver(schema: GraphQLSchema, typeName: string, fieldName: string): boolean {
  return fieldsWithResolvers.get(schema)?.has(`${typeName}.${fieldName}`) ?? false;
}

/**
 * Lets every field of every object type answer from a compiled object as it stands (`source[responseKey]`), and run
 * its resolver (or GraphQL's default one) otherwise: one property check per field.
 */
export function answerCompiledValues(schema: GraphQLSchema): GraphQLSchema {
  const resolved = new Set<string>();
  const resolverReads = new Set<string>();
  for (const [typeName, fields] of sqlFieldSpecs()) {
    for (const [fieldName, spec] of fields) if (spec.kind !== 'value' && spec.resolverReads) resolverReads.add(`${typeName}.${fieldName}`);
  }
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || roots.has(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve) resolved.add(`${type.name}.${field.name}`);
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      if (resolverReads.has(`${type.name}.${field.name}`)) continue;
      // DateTime's scalar writes Date objects only (compiled statements carry the ISO text it would write).
      const read = getNamedType(field.type).name === 'DateTime' ? asDate : (value: unknown) => value;
      field.resolve = (source, args, context, info) =>
        (source as Record<string, unknown> | null)?.[COMPILED] === true
          ? read((source as Record<string, unknown>)[info.path.key as string])
          : resolve(source, args, context, info);
    }
  }
  fieldsWithResolvers.set(schema, resolved);
  return schema;
}
