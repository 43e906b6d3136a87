import { ForbiddenError } from '../errors/domain.errors.js';
import type { RequestContext } from './request-context.js';
import { Role } from './role.js';

let parameterSequence = 0;

/** A SQL condition and its parameters, ready for a TypeORM query builder's `andWhere`. */
export interface ScopeCondition {
  sql: string;
  parameters: Record<string, unknown>;
}

/**
 * The single translation of "own regions" into SQL: restricts `column` (a region code column, e.g.
 * `company.region_code`) to the caller's regions. ADMIN and the system see everything; ANALYST nothing.
 */
export function regionScope(ctx: RequestContext, column: string): ScopeCondition {
  const scope = ctx.scopeRegionCodes;
  if (scope === null) return { sql: 'TRUE', parameters: {} };
  if (scope.length === 0) return { sql: 'FALSE', parameters: {} };
  parameterSequence = (parameterSequence + 1) % 1_000_000;
  const name = `scopeRegions${parameterSequence}`;
  return { sql: `${column} IN (:...${name})`, parameters: { [name]: [...scope] } };
}

/**
 * For counts and reports (docs/domain.md, Roles and permissions): MANAGER, ANALYST and ADMIN see every region,
 * an ADVISOR only their own. Personal information is never part of an aggregate, hence the wider scope.
 */
export function aggregateRegionScope(ctx: RequestContext, column: string): ScopeCondition {
  if (ctx.actor?.role !== Role.ADVISOR) return { sql: 'TRUE', parameters: {} };
  return regionScope(ctx, column);
}

/** The regions an aggregate may cover for this caller: null for all of them. */
export function aggregateRegionCodes(ctx: RequestContext): readonly string[] | null {
  return ctx.actor?.role === Role.ADVISOR ? ctx.actor.regionCodes : null;
}

/** Refuses a write or a read aimed at a region outside the caller's scope. */
export function assertRegionInScope(ctx: RequestContext, regionCode: string): void {
  if (!ctx.inScope(regionCode)) throw new ForbiddenError('forbidden.region', { regionCode });
}

/**
 * regionScope for a compiled statement (src/graphql/compiled-lists): the same rule, with the caller's regions bound
 * per request so that one statement text serves every caller.
 */
export function boundRegionScope(column: string, bind: (value: (request: { ctx: RequestContext }) => unknown) => string): string {
  const all = bind(({ ctx }) => ctx.scopeRegionCodes === null);
  const codes = bind(({ ctx }) => ctx.scopeRegionCodes ?? []);
  return `(${all}::boolean OR ${column} = ANY(${codes}::varchar[]))`;
}
