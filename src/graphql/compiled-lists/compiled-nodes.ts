/**
 * The nodes of a list page, compiled: what `paginate` joins to the page's rows to answer the whole selection in
 * the page's statement (see ListCompiler.nodesOf).
 */
export interface CompiledNodes {
  /** The node type's table, joined on `id`. */
  table: string;
  /** One node's JSON from its row aliased `t0`, with placeholders `$1…$n`. */
  json: string;
  /** The placeholders' values for this request. */
  values: unknown[];
}

/**
 * The items of a list that is not a connection (`[T]`), compiled: one item's JSON from a row aliased `t0` of the
 * statement that answers the list (see ListCompiler.itemsOf), with placeholders `$1…$n`.
 */
export type CompiledItems = Omit<CompiledNodes, 'table'>;

/** Compiled JSON written into a statement that already has `offset` parameters: its placeholders come after them. */
export const afterParameters = (json: string, offset: number): string =>
  json.replace(/\$(\d+)/g, (_match, n: string) => `$${Number(n) + offset}`);
