import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as PinoLogger } from 'pino';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Counts the SQL statements each HTTP request sends (DataLoader batches included), so tests and the benchmark
 * can prove there is no N+1: the count must not grow with the page size.
 */
export class StatementCounter {
  private readonly current = new AsyncLocalStorage<{ count: number }>();

  /** Runs `work` (an HTTP request) with its own count. */
  run<T>(work: () => T): T {
    return this.current.run({ count: 0 }, work);
  }

  increment(): void {
    const store = this.current.getStore();
    if (store) store.count += 1;
  }

  /** Statements so far in the current request, or undefined outside one. */
  get count(): number | undefined {
    return this.current.getStore()?.count;
  }
}

export const statementCounter = new StatementCounter();

/** TypeORM's logger: counts every statement; logs statements at trace level and failures at debug level. */
export class CountingTypeOrmLogger implements TypeOrmLogger {
  constructor(
    private readonly counter: StatementCounter,
    private readonly logger?: PinoLogger,
  ) {}

  logQuery(query: string): void {
    this.counter.increment();
    this.logger?.trace({ sql: query }, 'sql');
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger?.debug({ err: error, sql: query }, 'sql failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger?.warn({ ms: time, sql: query }, 'slow sql');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger?.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger?.warn({ typeorm: message }, 'typeorm');
  }
}
