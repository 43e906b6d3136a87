import { registerEnumType } from '@nestjs/graphql';

/** The values of an enum made by `graphqlEnum`, as a type: `export type Theme = EnumValue<typeof Theme>`. */
export type EnumValue<E> = E[keyof E];

/**
 * An enum of the schema, each value written once: `graphqlEnum('Theme', 'Volet', { ATTRACTION: 'Attraction', … })`
 * with the values' descriptions, or a list of values without any. Answers `{ ATTRACTION: 'ATTRACTION', … }`, what a
 * TypeScript string enum compiles to, registered under `name`.
 */
export function graphqlEnum<const V extends string>(
  name: string,
  description: string | undefined,
  values: readonly V[] | Record<V, string>,
): { readonly [K in V]: K } {
  const described = !Array.isArray(values);
  const keys: readonly V[] = described ? (Object.keys(values) as V[]) : values;
  const object = Object.fromEntries(keys.map((key) => [key, key])) as { readonly [K in V]: K };
  const valuesMap = described ? Object.fromEntries(keys.map((key) => [key, { description: (values as Record<V, string>)[key] }])) : undefined;
  registerEnumType(object, { name, description, valuesMap: valuesMap as Partial<Record<V, { description: string }>> | undefined });
  return object;
}
