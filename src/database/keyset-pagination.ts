import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { statementCounter } from './statement-counter.js';
import { BadUserInputError } from '../errors/domain.errors.js';
import { afterParameters, type CompiledNodes } from '../graphql/compiled-lists/compiled-nodes.js';
import { isDataException } from './postgres-errors.js';

export const DEFAULT_PAGE_SIZE = 20;

export interface Edge<T> {
  node: T;
  cursor: string;
}

/** A page of a list. `totalCount` may be a promise computed only when read (see withLazyTotal). */
export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number | Promise<number>;
}

/**
 * One key of the ordering: a SQL expression whose values are never null and compare exactly once read back
 * from the database (text, integers, uuids, numerics — round floats and timestamps to numeric first).
 */
export interface SortKey {
  expression: string;
  direction: 'ASC' | 'DESC';
}

/** Which page: `first` rows (DEFAULT_PAGE_SIZE when absent) after the cursor `after`. */
export interface PageRequest {
  first?: number;
  after?: string | null;
}

export const asc = (expression: string): SortKey => ({ expression, direction: 'ASC' });
export const desc = (expression: string): SortKey => ({ expression, direction: 'DESC' });

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** A value a cursor may hold: what `encodeCursor` writes (finite numbers, short texts without NUL). */
const cursorValue = (v: unknown) =>
  (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= 1000 && !v.includes('\u0000'));

export function decodeCursor(cursor: string, length: number): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length && values.every(cursorValue)) {
      return values as (string | number)[];
    }
  } catch {
    /* reported below */
  }
  throw BadUserInputError.field('after', 'field.cursor');
}

/**
 * Keyset (seek) pagination over a query builder: `WHERE (k1, k2, …) > (cursor…)` written as an OR-chain so
 * mixed directions work, `LIMIT first + 1` to learn whether a next page exists, and a lazy total count. The sort
 * expressions are selected alongside the entities, so the cursor holds exactly what the database compared.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  request: PageRequest,
  /** The ordering; its last key must be unique (usually the id) so the order is total. */
  sort: SortKey[],
  /** The nodes' selection compiled into this page's statement (ListNodes), or null for entities. */
  nodes: CompiledNodes | null = null,
): Promise<Page<T>> {
  const first = request.first ?? DEFAULT_PAGE_SIZE;
  const countQuery = query.clone();
  const page = query.clone();
  // Compiled: the page's statement reads ids and sort values only; the nodes are built from their table's rows.
  if (nodes) page.select(`${page.alias}.id`, 'node_id');
  if (request.after !== undefined && request.after !== null) {
    const values = decodeCursor(request.after, sort.length);
    const parameters: Record<string, unknown> = {};
    const alternatives = sort.map((key, i) => {
      const equalities = sort.slice(0, i).map((previous, j) => {
        parameters[`cursor${j}`] = values[j];
        return `${previous.expression} = :cursor${j}`;
      });
      parameters[`cursor${i}`] = values[i];
      const comparison = `${key.expression} ${key.direction === 'ASC' ? '>' : '<'} :cursor${i}`;
      return `(${[...equalities, comparison].join(' AND ')})`;
    });
    page.andWhere(`(${alternatives.join(' OR ')})`, parameters);
  }
  sort.forEach((key, i) => {
    // In parentheses: TypeORM would otherwise take `alias.column` for the entity's own column and rename it.
    page.addSelect(`(${key.expression})`, `sort_${i}`);
    if (i === 0) page.orderBy(key.expression, key.direction);
    else page.addOrderBy(key.expression, key.direction);
  });
  page.limit(first + 1);
  const rows = await (nodes ? compiledPage(page, sort, nodes) : entityPage(page)).catch((error: unknown) => {
    // A forged cursor's value that the sort key's type cannot take (a date, a uuid, a number): the client's mistake.
    if (request.after !== undefined && request.after !== null && isDataException(error)) {
      throw BadUserInputError.field('after', 'field.cursor');
    }
    throw error;
  });
  const hasNextPage = rows.length > first;
  const edges = rows.slice(0, first).map(({ node, sortValues }) => ({
    node,
    cursor: encodeCursor(sort.map((_key, i) => sortValues[`sort_${i}`]!)),
  }));
  return withLazyTotal({ edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } }, () =>
    countQuery.orderBy().getCount(),
  );
}

interface PageRow<T> {
  node: T;
  sortValues: Record<string, string | number>;
}

/** The page's entities, each with the values of its sort keys. */
async function entityPage<T extends ObjectLiteral>(page: SelectQueryBuilder<T>): Promise<PageRow<T>[]> {
  const { entities, raw } = await page.getRawAndEntities<Record<string, string | number>>();
  if (entities.length !== raw.length) throw new Error('keyset pagination needs one row per entity (no joins)');
  return entities.map((node, i) => ({ node, sortValues: raw[i]! }));
}

/**
 * The page's nodes built by PostgreSQL in the same statement: the page's query as a subquery, each row joined back
 * to its table by id (`t0`) for the compiled selection's JSON, in the page's order.
 */
async function compiledPage<T extends ObjectLiteral>(page: SelectQueryBuilder<T>, sort: SortKey[], nodes: CompiledNodes): Promise<PageRow<T>[]> {
  const [pageSql, pageValues] = page.getQueryAndParameters();
  const json = afterParameters(nodes.json, pageValues.length);
  const sortColumns = sort.map((_key, i) => `page."sort_${i}"`);
  const sql =
    `SELECT ${sortColumns.join(', ')}, ${json} AS node FROM (${pageSql}) page ` +
    `JOIN ${nodes.table} t0 ON t0.id = page.node_id ` +
    `ORDER BY ${sort.map((key, i) => `${sortColumns[i]} ${key.direction}`).join(', ')}`;
  const rows = await preparedQuery<Record<string, string | number> & { node: T }>(page, sql, [...pageValues, ...nodes.values]);
  return rows.map(({ node, ...sortValues }) => ({ node, sortValues }));
}

/**
 * Runs a statement as a named prepared statement on the builder's own connection (the mutation's transaction when
 * there is one): PostgreSQL parses it once per connection and, once a generic plan proves as good, stops planning
 * it — a compiled list's statement is the same text for every request of one document and filter. Counted like
 * every statement TypeORM sends.
 */
const statementNames = new Map<string, string>();

/** A prepared statement's name: a digest of its text (remembered for the few hundred texts a deployment sends). */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    if (statementNames.size >= 500) statementNames.clear();
    name = `crm_${createHash('sha1').update(text).digest('base64url')}`;
    statementNames.set(text, name);
  }
  return name;
}

async function preparedQuery<R>(page: SelectQueryBuilder<ObjectLiteral>, text: string, values: unknown[]): Promise<R[]> {
  const own: QueryRunner | undefined = page['queryRunner'];
  const runner = own ?? page.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as pg.ClientBase;
    statementCounter.increment();
    const name = statementName(text);
    return (await client.query<R & pg.QueryResultRow>({ name, text, values })).rows;
  } finally {
    if (!own) await runner.release();
  }
}

/**
 * Adds `totalCount` as a getter that runs the COUNT only when GraphQL reads the field (once), so a client that
 * does not ask for the total does not pay for it.
 */
export function withLazyTotal<T>(page: Omit<Page<T>, 'totalCount'>, count: () => Promise<number>): Page<T> {
  let total: Promise<number> | undefined;
  return Object.defineProperty(page, 'totalCount', {
    enumerable: true,
    get: () => (total ??= count()),
  }) as Page<T>;
}
