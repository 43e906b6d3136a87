import { Injectable } from '@nestjs/common';
import {
  DataSource,
  type EntitySubscriberInterface,
  type InsertEvent,
  type QueryRunner,
  type RemoveEvent,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
  type UpdateEvent,
} from 'typeorm';
import { ActorCache } from './actor-cache.js';

/** The tables an actor is read from (actor-directory.ts); their triggers notify `actor_changed`. */
const ACTOR_TABLES = new Set(['advisors', 'advisor_regions', 'regions']);

/**
 * This instance's own writes to advisors and regions (an administrator's `updateAdvisor`: deactivation, role,
 * regions, email) empty its actor cache as soon as their transaction commits, before the mutation answers: the
 * `actor_changed` notification of the same commit reaches the listener a moment later, and the next request, which
 * may come first, must already see the change. Other instances (and writes made in SQL outside the service) rely on
 * the notification. A write outside a transaction empties it at once (it is committed when the event fires).
 */
@Injectable()
export class ActorChangeSubscriber implements EntitySubscriberInterface {
  /** Transactions in progress that wrote to an actor table. */
  private readonly dirty = new WeakSet<QueryRunner>();

  constructor(
    dataSource: DataSource,
    private readonly cache: ActorCache,
  ) {
    dataSource.subscribers.push(this);
  }

  afterInsert(event: InsertEvent<unknown>): void {
    this.written(event.metadata.tableName, event.queryRunner);
  }

  afterUpdate(event: UpdateEvent<unknown>): void {
    this.written(event.metadata.tableName, event.queryRunner);
  }

  afterRemove(event: RemoveEvent<unknown>): void {
    this.written(event.metadata.tableName, event.queryRunner);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A savepoint released is not a commit: the transaction is still active.
    if (event.queryRunner.isTransactionActive || !this.dirty.has(event.queryRunner)) return;
    this.dirty.delete(event.queryRunner);
    this.cache.clear();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.dirty.delete(event.queryRunner);
  }

  private written(table: string, queryRunner: QueryRunner): void {
    if (!ACTOR_TABLES.has(table)) return;
    if (queryRunner.isTransactionActive) this.dirty.add(queryRunner);
    else this.cache.clear();
  }
}
