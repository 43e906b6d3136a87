import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigurationError } from '../config/app-config.js';
import { dataSourceOptions, type DatabaseUrls } from '../database/data-source-options.js';
import { openDatabaseServer, type DatabaseServer } from '../database/database-server.js';
import { createLogger } from '../logging/logger.js';
import { seedReferenceData } from '../reference-data/reference-data.seeder.js';

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

/**
 * Before a data command writes: refuses pending migrations (the command's `refusal`), then, with `seed`, loads the
 * reference data when missing — the same idempotent step as the service's start-up (directions, regions, service
 * points: the rows refer to them).
 */
export async function prepareForData(urls: DatabaseUrls, refusal: (message: string) => Error, seed: boolean): Promise<void> {
  const dataSource = new DataSource({ ...dataSourceOptions(urls), logging: ['error'], extra: { max: 1 } });
  await dataSource.initialize();
  try {
    if (await dataSource.showMigrations()) throw refusal('des migrations sont en attente : lancez d’abord npm run migration:run');
    const seeded = seed ? await seedReferenceData(dataSource) : { regions: 0 };
    if (seeded.regions > 0) process.stderr.write(`données de référence chargées : ${seeded.regions} régions\n`);
  } finally {
    await dataSource.destroy();
  }
}

/** A command line a command cannot read (empty message: --help). */
export class UsageError extends Error {}

/**
 * Ends a command that failed: a usage error prints its message and the usage (exit 2; 0 for --help), a
 * configuration error or anything else one line, `describe` saying what the command makes of it (exit 1).
 */
export function failCommand(error: unknown, usage: string, describe: (error: unknown) => string): never {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message ? `${error.message}\n\n` : ''}${usage}\n`);
    process.exit(error.message ? 2 : 0);
  }
  process.stderr.write(`${error instanceof ConfigurationError ? `Configuration invalide — ${error.message}` : describe(error)}\n`);
  process.exit(1);
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
