import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { CountingTypeOrmLogger, statementCounter } from './statement-counter.js';
import { MIGRATIONS } from '../../migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

// Calendar dates stay 'YYYY-MM-DD' strings end to end (node-postgres would make them local-midnight Dates,
// which a time zone can shift by a day).
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export interface DatabaseUrls {
  /** Primary: every write, and every read unless a query asks for the replica. */
  url: string;
  /** Optional read replica, used only by queries that ask for it (reports, counts). */
  readUrl?: string;
}

/** TypeORM options shared by the service, the migration CLI and the tests. Never `synchronize`. */
export function dataSourceOptions(urls: DatabaseUrls, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  const pool = { max: 20, application_name: 'crm-immigration-regionale', connectionTimeoutMillis: 5000 };
  const common = {
    type: 'postgres' as const,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    logging: ['query', 'error', 'warn'] as ('query' | 'error' | 'warn')[],
    logger: new CountingTypeOrmLogger(statementCounter),
    maxQueryExecutionTime: 1000,
    extra: pool,
  };
  if (urls.readUrl) {
    return {
      ...common,
      replication: { master: { url: urls.url }, slaves: [{ url: urls.readUrl }], defaultMode: 'master' },
    };
  }
  return { ...common, url: urls.url };
}
