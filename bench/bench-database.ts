import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../src/config/app-config.js';
import { databaseUrl, dropDatabase, withClient } from '../src/database/database-admin.js';
import { dataSourceOptions } from '../src/database/data-source-options.js';
import { openDatabaseServer } from '../src/database/database-server.js';
import { freePort, quoteIdentifier, startEmbeddedPostgres } from '../src/database/embedded-postgres.server.js';
import { createLogger } from '../src/logging/logger.js';
import { seedReferenceData } from '../src/reference-data/reference-data.seeder.js';
import { seedAtScale } from '../src/scale/scale-seeder.js';

/** Where the benchmark reads: the data's URL, the server's maintenance URL (to create scratch databases). */
export interface BenchDatabase {
  url: string;
  adminUrl: string;
  /** Creates an empty, migrated database on the same server (the import's), dropped by `close`. */
  scratch(name: string): Promise<string>;
  close(): Promise<void>;
}

/** The sizes of what the benchmark runs on, counted. */
export async function dataSizes(url: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM companies) AS companies, (SELECT count(*) FROM accompaniments) AS files,
              (SELECT count(*) FROM accompaniments WHERE status = 'OPEN') AS open_files,
              (SELECT count(*) FROM interactions) AS interactions, (SELECT count(*) FROM recruitment_needs) AS needs,
              (SELECT count(*) FROM event_participations) AS participations,
              (SELECT count(*) FROM portail_referrals) AS referrals, (SELECT count(*) FROM advisors) AS advisors,
              pg_database_size(current_database()) AS bytes`,
    );
    return Object.fromEntries(Object.entries(rows[0]!).map(([key, value]) => [key, Number(value)]));
  });
}

export async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource({ ...dataSourceOptions({ url }), logging: ['error'] });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await seedReferenceData(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

function withScratch(url: string, adminUrl: string, stop: () => Promise<void>, dropOnClose: string[] = []): BenchDatabase {
  const created = [...dropOnClose];
  return {
    url,
    adminUrl,
    async scratch(name) {
      await dropDatabase(adminUrl, name);
      await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
      created.push(name);
      const scratchUrl = databaseUrl(adminUrl, name);
      await migrate(scratchUrl);
      return scratchUrl;
    },
    async close() {
      for (const name of created) await dropDatabase(adminUrl, name).catch(() => undefined);
      await stop();
    },
  };
}

/**
 * The full run's database: DATABASE_URL, or the project's embedded PostgreSQL (where `npm run seed:scale` put
 * the data when DATABASE_URL was not set). Pending migrations are applied first.
 */
export async function openDataDatabase(config: AppConfig): Promise<BenchDatabase> {
  const server = await openDatabaseServer(config, createLogger('warn'));
  await migrate(server.urls.url);
  return withScratch(server.urls.url, databaseUrl(server.urls.url, 'postgres'), () => server.stop());
}

/**
 * The quick run's database: a new one, migrated and filled with a few thousand generated rows, on DATABASE_URL's
 * server or on an embedded PostgreSQL of its own (under .data/bench-postgres). Dropped at the end.
 */
export async function openQuickDatabase(config: AppConfig, sizes: { companies: number; files: number; interactions: number }) {
  let adminUrl: string;
  let stop = async () => undefined as void;
  if (config.databaseUrl) {
    adminUrl = databaseUrl(config.databaseUrl, 'postgres');
  } else {
    const server = await startEmbeddedPostgres({
      directory: join(config.dataDir, 'bench-postgres'),
      port: await freePort(),
      database: 'postgres',
    });
    adminUrl = server.adminUrl;
    stop = () => server.stop();
  }
  const name = `crm_bench_quick_${process.pid}`;
  await dropDatabase(adminUrl, name);
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  const url = databaseUrl(adminUrl, name);
  await migrate(url);
  await seedAtScale(url, { ...sizes, today: undefined });
  return withScratch(url, adminUrl, stop, [name]);
}
