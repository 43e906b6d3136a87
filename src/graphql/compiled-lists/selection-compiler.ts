import {
  getArgumentValues,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type SelectionSetNode,
} from 'graphql';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { EntityMetadata } from 'typeorm';
import type { RequestContext } from '../../auth/request-context.js';
import { CARRIED, COMPILED } from './compiled-values.js';
import type { BindRequest, SqlFieldSpec } from './sql-relation.decorator.js';

/** `json_build_object` takes at most 100 arguments: 49 fields and the mark. */
const MAX_FIELDS = 49;

/** What a plan's parameters are computed from, per request. */
export interface PlanRequest {
  ctx: RequestContext;
  variables: Record<string, unknown>;
}

/**
 * A node type's selection compiled once per document: one SQL expression building each node's JSON from its row
 * (aliased `t0`, its table's columns), relations as correlated subqueries, parameters `$1…$n` computed per request.
 */
export interface SelectionPlan {
  /** The node type's table, joined on `id` to the rows of the page. */
  table: string;
  json: string;
  parameters: ((request: PlanRequest) => unknown)[];
}

/** What the compiler knows of the schema: tables of object types, declared SQL of resolved fields. */
export interface SchemaCatalogue {
  /** The entity whose table answers an object type (by GraphQL type name), if any. */
  entity(typeName: string): EntityMetadata | undefined;
  /** The declared SQL of a field that a resolver method answers, if any. */
  sqlOf(typeName: string, fieldName: string): SqlFieldSpec | undefined;
  /** Whether a resolver method answers the field (then only declared SQL may answer it in a compiled list). */
  hasResolver(typeName: string, fieldName: string): boolean;
}

/** A selection this compiler does not translate: the list is answered by its resolvers instead. */
class NotCompilable extends Error {}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** A column's value in the JSON, written as the GraphQL answer reads when TypeORM loads it. */
function columnJson(column: ColumnMetadata, alias: string): string {
  if (column.transformer) throw new NotCompilable();
  const ref = `${alias}."${column.databaseName}"`;
  const type = String(column.type);
  // TypeORM loads timestamps as Date, which GraphQL writes with toISOString(): milliseconds, UTC, `Z`.
  if (type.includes('timestamp')) return `to_char(${ref} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  // TypeORM loads them as text (no precision lost); GraphQL's scalars read text or numbers alike.
  if (['numeric', 'decimal', 'bigint', 'int8'].includes(type)) return `${ref}::text`;
  return ref;
}

/** A plain field's value in the JSON, read from the row aliased `alias`; undefined when it is no column. */
type Columns = (fieldName: string, alias: string) => string | undefined;

/** The columns of an entity's table, by property name. */
function entityColumns(entity: EntityMetadata): Columns {
  return (name, alias) => {
    const column = entity.findColumnWithPropertyName(name);
    return column && columnJson(column, alias);
  };
}

/** The fields a selection asks for, by response key, fragments followed; directives are not compiled. */
function collectFields(
  selectionSets: readonly SelectionSetNode[],
  fragments: Record<string, FragmentDefinitionNode>,
  typeName: string,
  into = new Map<string, FieldNode[]>(),
): Map<string, FieldNode[]> {
  for (const set of selectionSets) {
    for (const selection of set.selections) {
      if (selection.directives?.length) throw new NotCompilable();
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = into.get(key);
        if (list) list.push(selection);
        else into.set(key, [selection]);
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
        if (!fragment) throw new NotCompilable();
        if (fragment.typeCondition && fragment.typeCondition.name.value !== typeName) throw new NotCompilable();
        collectFields([fragment.selectionSet], fragments, typeName, into);
      }
    }
  }
  return into;
}

const selectionSetsOf = (nodes: readonly FieldNode[]) =>
  nodes.map((node) => node.selectionSet).filter((set): set is SelectionSetNode => set !== undefined);

/** Compiles one node type's selection (see SelectionPlan). */
export class SelectionCompiler {
  private readonly parameters: ((request: PlanRequest) => unknown)[] = [];
  private aliases = 0;

  private constructor(
    private readonly catalogue: SchemaCatalogue,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
    private readonly variablesOf: (request: PlanRequest) => Record<string, unknown>,
  ) {}

  /**
   * The plan for `fieldNodes` (the `node` fields of a connection's edges) of `type`, or null when not compilable.
   * With `rowColumns`, `type` is read from rows of a statement instead of its entity's table: its fields without
   * declared SQL are the row's columns named there (`{ companyId: 'company_id' }`), and the plan has no table.
   */
  static compile(
    catalogue: SchemaCatalogue,
    type: GraphQLObjectType,
    fieldNodes: readonly FieldNode[],
    fragments: Record<string, FragmentDefinitionNode>,
    rowColumns?: Readonly<Record<string, string>>,
  ): SelectionPlan | null {
    const compiler = new SelectionCompiler(catalogue, fragments, (request) => request.variables);
    try {
      if (rowColumns) {
        const columns: Columns = (name, alias) => (Object.hasOwn(rowColumns, name) ? `${alias}."${rowColumns[name]}"` : undefined);
        return { table: '', json: compiler.object(type, columns, fieldNodes, 't0'), parameters: compiler.parameters };
      }
      const entity = catalogue.entity(type.name);
      if (!entity) return null;
      const json = compiler.object(type, entityColumns(entity), fieldNodes, 't0');
      return { table: `"${entity.tableName}"`, json, parameters: compiler.parameters };
    } catch (error) {
      if (error instanceof NotCompilable) return null;
      throw error;
    }
  }

  private object(type: GraphQLObjectType, columns: Columns, fieldNodes: readonly FieldNode[], alias: string, carry?: string): string {
    const fields = collectFields(selectionSetsOf(fieldNodes), this.fragments, type.name);
    const pairs: string[] = [`'${COMPILED}', true`];
    if (carry) pairs.push(`'${CARRIED}', ${carry}`);
    for (const [key, nodes] of fields) {
      const name = nodes[0]!.name.value;
      if (nodes.some((node) => node.name.value !== name)) throw new NotCompilable();
      if (name === '__typename') continue; // answered by GraphQL itself
      const field = type.getFields()[name];
      if (!field) throw new NotCompilable();
      pairs.push(`${quote(key)}, ${this.field(type, columns, field, nodes, alias)}`);
    }
    if (pairs.length > MAX_FIELDS + 1) throw new NotCompilable();
    return `json_build_object(${pairs.join(', ')})`;
  }

  private field(
    type: GraphQLObjectType,
    columns: Columns,
    field: GraphQLField<unknown, unknown>,
    nodes: FieldNode[],
    alias: string,
  ): string {
    const spec = this.catalogue.sqlOf(type.name, field.name);
    if (!spec) {
      if (this.catalogue.hasResolver(type.name, field.name) || nodes.some((node) => node.arguments?.length)) {
        throw new NotCompilable();
      }
      const column = isLeaf(field) ? columns(field.name, alias) : undefined;
      if (!column) throw new NotCompilable();
      return column;
    }
    const bind = this.binder(field, nodes[0]!);
    if (spec.kind === 'value') return spec.value({ parent: alias, bind });
    const target = getNamedType(field.type);
    const targetEntity = isObjectType(target) ? this.catalogue.entity(target.name) : undefined;
    if (!isObjectType(target) || !targetEntity) throw new NotCompilable();
    const row = `t${++this.aliases}`;
    const sql = { parent: alias, row, bind };
    const table = `"${targetEntity.tableName}"`;
    const json = this.object(target, entityColumns(targetEntity), nodes, row, spec.carry?.(row));
    const where = spec.where(sql);
    if (spec.kind === 'one') return `(SELECT ${json} FROM ${table} ${row} WHERE ${where} LIMIT 1)`;
    if (!isListType(isNonNullType(field.type) ? field.type.ofType : field.type)) throw new NotCompilable();
    const order = spec.orderBy ? ` ORDER BY ${spec.orderBy(row)}` : '';
    const source = spec.limit
      ? `(SELECT * FROM ${table} ${row} WHERE ${where}${order} LIMIT ${spec.limit(sql)}) ${row}`
      : `${table} ${row} WHERE ${where}`;
    return `(SELECT coalesce(json_agg(${json}${order}), '[]'::json) FROM ${source})`;
  }

  /** Parameters of a field's SQL: computed per request from the caller and the field's arguments. */
  private binder(field: GraphQLField<unknown, unknown>, node: FieldNode) {
    // A field's arguments are read once per request, however many of its parameters use them.
    const argsOf = new WeakMap<PlanRequest, Record<string, unknown>>();
    const args = (request: PlanRequest) => {
      let values = argsOf.get(request);
      if (!values) argsOf.set(request, (values = getArgumentValues(field, node, this.variablesOf(request))));
      return values;
    };
    return (value: (request: BindRequest) => unknown): string => {
      this.parameters.push((request) => value({ ctx: request.ctx, args: args(request) }));
      return `$${this.parameters.length}`;
    };
  }
}

function isLeaf(field: GraphQLField<unknown, unknown>): boolean {
  return !isObjectType(getNamedType(field.type));
}
