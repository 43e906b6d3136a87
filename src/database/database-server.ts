import { join } from 'node:path';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import type { DatabaseUrls } from './data-source-options.js';
import { startEmbeddedPostgres } from './embedded-postgres.server.js';

export const EMBEDDED_DATABASE_NAME = 'crm';

export interface DatabaseServer {
  urls: DatabaseUrls;
  /** True when this process started PostgreSQL itself (and must stop it). */
  embedded: boolean;
  /** The embedded cluster's folder. */
  directory?: string;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the project's own PostgreSQL under the data folder, started now. */
export async function openDatabaseServer(config: AppConfig, logger: Logger): Promise<DatabaseServer> {
  if (config.databaseUrl) {
    return {
      urls: { url: config.databaseUrl, readUrl: config.databaseReadUrl },
      embedded: false,
      stop: async () => undefined,
    };
  }
  const directory = join(config.dataDir, 'postgres');
  logger.info({ directory, port: config.embeddedPostgresPort }, 'starting the embedded PostgreSQL');
  const server = await startEmbeddedPostgres({
    directory,
    port: config.embeddedPostgresPort,
    database: EMBEDDED_DATABASE_NAME,
    onLog: (line) => logger.debug({ postgres: line }, 'embedded PostgreSQL'),
  });
  if (server.directory !== directory) {
    logger.info(
      { directory: server.directory },
      `the postgres system user cannot enter ${config.dataDir}: the embedded PostgreSQL keeps its cluster elsewhere`,
    );
  }
  return { urls: { url: server.url }, embedded: true, directory: server.directory, stop: () => server.stop() };
}
