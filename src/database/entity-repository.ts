import { In, type EntityManager, type FindOptionsWhere, type QueryDeepPartialEntity } from 'typeorm';
import { assertRegionInScope, regionScope } from '../auth/region-scope.js';
import type { RequestContext } from '../auth/request-context.js';
import { NotFoundError, StaleVersionError } from '../errors/domain.errors.js';
import type { EntityName } from '../i18n/messages.js';
import { isUniqueViolation } from './postgres-errors.js';
import type { UnitOfWork } from './unit-of-work.js';
import type { VersionedEntity } from './versioned.entity.js';

/** Every write moves the version on and stamps the change. */
const bumped = <T>(changes: QueryDeepPartialEntity<T>) =>
  ({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' }) as QueryDeepPartialEntity<T>;

export interface RepositoryOptions<K> {
  /** The primary key's property (`id` by default). */
  key?: K;
  /**
   * Where a regional record's region is: its own `region_code` column, its company's (`company_id`), or what a
   * statement answers for the key $1 (as text). Reads are then scoped (`scoped`), writes refused outside the
   * caller's regions (`assertWritable`), and the audit trail (AuditTrailService) learns how to find the region.
   */
  region?: 'own' | 'company' | { sql: string };
  auditTrail?: { registerRegionLookup(entityType: string, lookup: (id: string) => Promise<string | null>): void };
}

/** What a unique violation on a named constraint means to the caller (`'*'`: any unique constraint). */
export type UniqueConflicts = Record<string, () => Error | Promise<Error>>;

/**
 * Where a record type's SQL lives. Each feature has one repository per record type (`<record>.repository.ts`)
 * extending this class: its reads (scoped query builders, the statements of its loaders and summaries) and its
 * writes, which all go through `insert`, `forUpdate` and `update`. Services hold the rules and never touch the
 * database themselves. Every statement runs on `UnitOfWork.manager`, so inside a mutation it joins the mutation's
 * transaction.
 *
 * Versioned writes have one behaviour everywhere: `forUpdate` locks the row (NOT_FOUND when missing), asks
 * `assertWritable` (FORBIDDEN outside the caller's regions), then compares the version the client read: a number
 * must be the stored one, else CONFLICT; null or absent means "not given" (the `version` argument is `Int!` on
 * edits, so GraphQL refuses a null there; it is an optional `Int` on state changes, whose rules check the state).
 * `update` then writes `… version = version + 1 … WHERE key AND version = <the version read>` with the row count
 * checked, and answers the row as stored.
 */
export abstract class EntityRepository<T extends VersionedEntity, K extends keyof T & string = 'id' & keyof T> {
  /** The record type's name in errors and in the audit trail: the entity's. */
  readonly entityType: EntityName;
  protected readonly key: K;
  private readonly region: RepositoryOptions<K>['region'];

  protected constructor(
    protected readonly unitOfWork: UnitOfWork,
    protected readonly entity: new () => T,
    options: RepositoryOptions<K> = {},
  ) {
    this.entityType = entity.name as EntityName;
    this.key = options.key ?? ('id' as K);
    this.region = options.region;
    options.auditTrail?.registerRegionLookup(this.entityType, (id) => this.regionOf(id));
  }

  protected get db(): EntityManager {
    return this.unitOfWork.manager;
  }

  /** A query builder over the table, aliased `alias`. */
  protected select(alias: string) {
    return this.db.createQueryBuilder(this.entity, alias);
  }

  /**
   * Rows of the caller's regions: the row's own `region_code`, or with `throughCompany` its company's (joined as
   * `company`). The one place where "own regions" scope a record type's reads (regionScope).
   */
  protected scoped(ctx: RequestContext, alias: string, throughCompany = false) {
    const query = this.select(alias);
    if (throughCompany) query.innerJoin('companies', 'company', `company.id = ${alias}.company_id`);
    const scope = regionScope(ctx, throughCompany ? 'company.region_code' : `${alias}.region_code`);
    return query.where(scope.sql, scope.parameters);
  }

  /** The region a regional record belongs to (see RepositoryOptions.region). */
  async regionOf(id: string): Promise<string | null> {
    const { tableName } = this.db.dataSource.getMetadata(this.entity);
    const sql =
      typeof this.region === 'object'
        ? this.region.sql
        : this.region === 'company'
          ? `SELECT c.region_code FROM ${tableName} r JOIN companies c ON c.id = r.company_id WHERE r.${this.key}::text = $1`
          : `SELECT region_code FROM ${tableName} WHERE ${this.key}::text = $1`;
    const rows = (await this.db.query(sql, [id])) as { region_code: string }[];
    return rows[0]?.region_code ?? null;
  }

  private where(value: T[K]): FindOptionsWhere<T> {
    return { [this.key]: value } as FindOptionsWhere<T>;
  }

  /** The row with this key, unscoped (callers decide who may see it). */
  find(value: T[K]): Promise<T | null> {
    return this.db.findOneBy(this.entity, this.where(value));
  }

  /** The rows with these keys, unscoped, in no particular order. */
  findMany(values: readonly T[K][]): Promise<T[]> {
    return this.db.findBy(this.entity, { [this.key]: In([...values]) } as FindOptionsWhere<T>);
  }

  /** Inserts a row and answers it as stored (generated key, defaults, timestamps). */
  async insert(values: QueryDeepPartialEntity<T>, conflicts: UniqueConflicts = {}): Promise<T> {
    const result = await this.guard(() => this.db.insert(this.entity, values), conflicts);
    const generated = (result.identifiers[0] as Partial<T> | undefined)?.[this.key];
    return this.db.findOneByOrFail(this.entity, this.where(generated ?? (values as T)[this.key]));
  }

  /** The row a versioned write starts from, locked until the transaction ends (see the class comment). */
  async forUpdate(ctx: RequestContext, value: T[K], version: number | null | undefined): Promise<T> {
    const row = await this.select('record').where(this.where(value)).setLock('pessimistic_write').getOne();
    if (!row) throw new NotFoundError(this.entityType, String(value));
    await this.assertWritable(ctx, row);
    if (version != null && version !== row.version) throw new StaleVersionError(this.entityType, String(value));
    return row;
  }

  /** May the caller change `row`? Regional records: only in the caller's regions (FORBIDDEN otherwise). */
  protected async assertWritable(ctx: RequestContext, row: T): Promise<void> {
    if (!this.region) return;
    const own = this.region === 'own' ? (row as T & { regionCode: string }).regionCode : null;
    assertRegionInScope(ctx, own ?? (await this.regionOf(String(row[this.key])))!);
  }

  /** The versioned UPDATE of a row read by `forUpdate` (see the class comment); answers the row as stored. */
  async update(before: T, changes: QueryDeepPartialEntity<T>, conflicts: UniqueConflicts = {}): Promise<T> {
    const result = await this.guard(
      () =>
        this.db
          .createQueryBuilder()
          .update(this.entity)
          .set(bumped(changes))
          .where(this.where(before[this.key]))
          .andWhere('version = :readVersion', { readVersion: before.version })
          .execute(),
      conflicts,
    );
    if (result.affected !== 1) throw new StaleVersionError(this.entityType, String(before[this.key]));
    return this.db.findOneByOrFail(this.entity, this.where(before[this.key]));
  }

  /** Changes every row matching `where` (bulk moves, without a version read); each row's version moves on all the same. */
  protected async updateWhere(changes: QueryDeepPartialEntity<T>, where: string, parameters: Record<string, unknown>): Promise<void> {
    await this.db.createQueryBuilder().update(this.entity).set(bumped(changes)).where(where, parameters).execute();
  }

  private async guard<R>(write: () => Promise<R>, conflicts: UniqueConflicts): Promise<R> {
    try {
      return await write();
    } catch (error) {
      const constraint = Object.keys(conflicts).find((name) => isUniqueViolation(error, name === '*' ? undefined : name));
      throw constraint ? await conflicts[constraint]!() : error;
    }
  }
}
