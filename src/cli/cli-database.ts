import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigurationError } from '../config/app-config.js';
import { dataSourceOptions } from '../database/data-source-options.js';
import { openDatabaseServer, type DatabaseServer } from '../database/database-server.js';
import { createLogger } from '../logging/logger.js';

/** The database a command works on: DATABASE_URL, or the project's embedded PostgreSQL (started, then stopped). */
export async function withCliDatabase<T>(work: (dataSource: DataSource, server: DatabaseServer) => Promise<T>): Promise<T> {
  const config = AppConfig.fromEnvironment();
  const server = await openDatabaseServer(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  const dataSource = new DataSource({ ...dataSourceOptions(server.urls), logging: ['error'] });
  try {
    await dataSource.initialize();
    return await work(dataSource, server);
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await server.stop();
  }
}

/** Minimal `--name value` / `--flag` parsing for the project's commands. */
export function parseOptions(args: string[]): { options: Map<string, string | true>; positional: string[] } {
  const options = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      const next = args[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        options.set(arg.slice(2), next);
        i++;
      } else options.set(arg.slice(2), true);
    } else positional.push(arg);
  }
  return { options, positional };
}

/** Prints a command's failure in one line (French) and exits with 1; usage errors exit with 2. */
export function fail(error: unknown): never {
  const message =
    error instanceof ConfigurationError
      ? `Configuration invalide — ${error.message}`
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
