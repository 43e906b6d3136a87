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
