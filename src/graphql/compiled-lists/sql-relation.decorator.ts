import type { RequestContext } from '../../auth/request-context.js';

/** What a bound parameter is computed from, per request: the caller and the field's arguments (variables applied). */
export interface BindRequest {
  ctx: RequestContext;
  args: Record<string, unknown>;
}

/** Adds a parameter whose value is computed per request; answers its placeholder (`$n`). */
export type Bind = (value: (request: BindRequest) => unknown) => string;

/** The aliases and parameter binder a relation's SQL is written with. */
export interface RelationSql {
  /** Alias of the parent's row (its table's columns by their database names). */
  parent: string;
  /** Alias of the related row. */
  row: string;
  bind: Bind;
}

/**
 * How a field resolved by a resolver method is read in SQL when a list's selection is compiled (see
 * selection-compiler.ts): a relation to the rows of an entity's table, or a value computed from the parent's row.
 * Declared on the resolver method itself, so the field's two ways of being answered sit side by side.
 */
export type SqlFieldSpec =
  | {
      kind: 'one' | 'many';
      /** The related entity: its table is read and its type's selection compiled in turn. */
      to: () => abstract new (...args: never[]) => unknown;
      /** The condition linking the related row to the parent, with the same filters and scope as the resolver's. */
      where: (sql: RelationSql) => string;
      /** `many`: the order of the list (on `row`), as the resolver's. */
      orderBy?: (row: string) => string;
      /** `many`: at most this many rows (a bound parameter, validated as the resolver validates it). */
      limit?: (sql: RelationSql) => string;
      /**
       * The resolver method still runs on compiled objects and takes the compiled rows with `compiledValue()`: for
       * what must happen on every read (the personal-information access log), not only for a lookup.
       */
      resolverReads?: boolean;
      /** What that resolver needs of each row whatever the client selected: a JSON expression on `row` (see carried()). */
      carry?: (row: string) => string;
    }
  | {
      kind: 'value';
      /** A JSON-able SQL expression on the parent's row. */
      value: (sql: Omit<RelationSql, 'row'>) => string;
    };

type TypeThunk = () => abstract new (...args: never[]) => unknown;

const specs: { parent: TypeThunk; field: string; spec: SqlFieldSpec }[] = [];

/**
 * `@SqlField(() => Company, { kind: 'many', to: () => Accompaniment, where: … })` on the `@ResolveField` method of
 * `Company.accompaniments`: the field the method resolves, read in SQL by compiled list selections.
 */
export function SqlField(parent: TypeThunk, spec: SqlFieldSpec): MethodDecorator {
  return (_target, property) => {
    specs.push({ parent, field: String(property), spec });
  };
}

/** The declared SQL of each (GraphQL type name, field name): read once the classes exist. */
export function sqlFieldSpecs(): Map<string, Map<string, SqlFieldSpec>> {
  const byType = new Map<string, Map<string, SqlFieldSpec>>();
  for (const { parent, field, spec } of specs) {
    const name = parent().name;
    if (!byType.has(name)) byType.set(name, new Map());
    byType.get(name)!.set(field, spec);
  }
  return byType;
}
