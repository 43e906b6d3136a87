import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../graphql-context.js';
import type { CompiledItems, CompiledNodes } from './compiled-nodes.js';

/**
 * Injects the compiled selection of a list query's nodes (`CompiledNodes`), or null when its resolvers answer it:
 * `companies(@Ctx() ctx, @Args() args, @ListNodes() nodes)`, handed down to `paginate`.
 */
export const ListNodes = createParamDecorator((_data: unknown, execution: ExecutionContext): CompiledNodes | null => {
  const gql = GqlExecutionContext.create(execution);
  const context = gql.getContext<GraphQLContext>();
  if (!('context' in context.auth)) throw context.auth.error;
  return context.lists.nodesOf(gql.getInfo<GraphQLResolveInfo>(), context.auth.context);
});

/**
 * Injects the compiled items of a list query that is not a connection (`CompiledItems`), or null when its resolvers
 * answer it: `myWorklist(@Ctx() ctx, @ListItems(WORKLIST_COLUMNS) items)`, `columns` naming each field's column in
 * the rows of the statement that answers the list.
 */
export const ListItems = createParamDecorator((columns: Readonly<Record<string, string>>, execution: ExecutionContext): CompiledItems | null => {
  const gql = GqlExecutionContext.create(execution);
  const context = gql.getContext<GraphQLContext>();
  if (!('context' in context.auth)) throw context.auth.error;
  return context.lists.itemsOf(gql.getInfo<GraphQLResolveInfo>(), context.auth.context, columns);
});
