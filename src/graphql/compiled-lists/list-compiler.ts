import { Injectable } from '@nestjs/common';
import { getNamedType, isObjectType, Kind, type FieldNode, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { DataSource, type EntityMetadata } from 'typeorm';
import type { RequestContext } from '../../auth/request-context.js';
import { AppConfig } from '../../config/app-config.js';
import type { CompiledItems, CompiledNodes } from './compiled-nodes.js';
import { hasResolver } from './compiled-values.js';
import { SelectionCompiler, type SchemaCatalogue, type SelectionPlan } from './selection-compiler.js';
import { sqlFieldSpecs, type SqlFieldSpec } from './sql-relation.decorator.js';

/**
 * Compiles the selection of a list's nodes into the SQL of the page's statement (PostGraphile and join-monster
 * do the same): columns of the node's table, relations declared with `@SqlField` beside their resolvers, each as
 * a correlated subquery building JSON in PostgreSQL. A selection it cannot translate (a field without declared
 * SQL, a directive) is answered by the resolvers and their DataLoaders, as before. Plans are cached per document.
 */
@Injectable()
export class ListCompiler {
  private readonly plans = new WeakMap<FieldNode, SelectionPlan | null>();
  private readonly entities: Map<string, EntityMetadata>;
  private readonly specs: Map<string, Map<string, SqlFieldSpec>>;
  private readonly enabled: boolean;

  constructor(dataSource: DataSource, config: AppConfig) {
    this.entities = new Map(dataSource.entityMetadatas.map((entity) => [entity.name, entity]));
    this.specs = sqlFieldSpecs();
    this.enabled = config.compiledLists;
  }

  /** The compiled nodes of the list `info` resolves (a connection), or null when they are answered by resolvers. */
  nodesOf(info: GraphQLResolveInfo, ctx: RequestContext): CompiledNodes | null {
    if (!this.enabled) return null;
    const root = info.fieldNodes[0]!;
    let plan = this.plans.get(root);
    if (plan === undefined) {
      plan = this.compile(info);
      this.plans.set(root, plan);
    }
    if (!plan) return null;
    const request = { ctx, variables: info.variableValues };
    return { table: plan.table, json: plan.json, values: plan.parameters.map((parameter) => parameter(request)) };
  }

  /**
   * The compiled items of the list `info` resolves when it is not a connection (`[T]`) and its rows come from a
   * statement: `columns` names the row's column of each field of T without declared SQL (relations are declared
   * with `@SqlField(() => T, …)` on the row's columns). Null when its resolvers answer it.
   */
  itemsOf(info: GraphQLResolveInfo, ctx: RequestContext, columns: Readonly<Record<string, string>>): CompiledItems | null {
    if (!this.enabled) return null;
    const root = info.fieldNodes[0]!;
    let plan = this.plans.get(root);
    if (plan === undefined) {
      const item = getNamedType(info.returnType);
      plan =
        isObjectType(item) && info.fieldNodes.length === 1
          ? SelectionCompiler.compile(this.catalogue(info.schema), item, info.fieldNodes, info.fragments, columns)
          : null;
      this.plans.set(root, plan);
    }
    if (!plan) return null;
    const request = { ctx, variables: info.variableValues };
    return { json: plan.json, values: plan.parameters.map((parameter) => parameter(request)) };
  }

  private compile(info: GraphQLResolveInfo): SelectionPlan | null {
    const connection = getNamedType(info.returnType);
    if (!isObjectType(connection) || info.fieldNodes.length !== 1) return null;
    const edgeField = connection.getFields().edges;
    const edge = edgeField && getNamedType(edgeField.type);
    const nodeField = edge && isObjectType(edge) ? edge.getFields().node : undefined;
    const nodeType = nodeField && getNamedType(nodeField.type);
    if (!nodeType || !isObjectType(nodeType)) return null;
    const nodes = fieldsNamed(fieldsNamed([info.fieldNodes[0]!], 'edges', info), 'node', info);
    if (nodes === null || nodes.length === 0) return null;
    return SelectionCompiler.compile(this.catalogue(info.schema), nodeType, nodes, info.fragments);
  }

  private catalogue(schema: GraphQLSchema): SchemaCatalogue {
    return {
      entity: (typeName) => this.entities.get(typeName),
      sqlOf: (typeName, fieldName) => this.specs.get(typeName)?.get(fieldName),
      hasResolver: (typeName, fieldName) => hasResolver(schema, typeName, fieldName),
    };
  }
}

/**
 * The fields called `name` directly under `parents` (through fragments); null when a directive or an alias makes
 * the shape one this compiler does not follow.
 */
function fieldsNamed(parents: FieldNode[] | null, name: string, info: GraphQLResolveInfo): FieldNode[] | null {
  if (parents === null) return null;
  const found: FieldNode[] = [];
  const visit = (selections: readonly import('graphql').SelectionNode[]): boolean => {
    for (const selection of selections) {
      if (selection.directives?.length) return false;
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) found.push(selection);
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : info.fragments[selection.name.value];
        if (!fragment || !visit(fragment.selectionSet.selections)) return false;
      }
    }
    return true;
  };
  for (const parent of parents) if (parent.selectionSet && !visit(parent.selectionSet.selections)) return null;
  return found;
}
