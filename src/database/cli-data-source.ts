import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { projectRoot } from '../common/project-root.js';
import { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';
import { EMBEDDED_DATABASE_NAME } from './database-server.js';

/**
 * Standalone data source for the TypeORM CLI, e.g.
 *   npx typeorm migration:show -d dist/src/database/cli-data-source.js
 * It uses DATABASE_URL, or the embedded PostgreSQL of `npm start` (which must then be running).
 * The npm scripts (`npm run migration:*`) do the same and start the embedded server themselves.
 */
const config = AppConfig.fromEnvironment();
const url =
  config.databaseUrl ?? `postgres://postgres:postgres@127.0.0.1:${config.embeddedPostgresPort}/${EMBEDDED_DATABASE_NAME}`;

export default new DataSource(dataSourceOptions({ url }, [join(projectRoot(), 'dist/src/**/*.entity.js')]));
