import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AppConfig, ConfigurationError } from '../config/app-config.js';
import { dataSourceOptions, type DatabaseUrls } from '../database/data-source-options.js';
import { openDatabaseServer, type DatabaseServer } from '../database/database-server.js';
import { createLogger } from '../logging/logger.js';
import { seedReferenceData } from '../reference-data/reference-data.seeder.js';

/**
 * The database a command works on: DATABASE_URL, or the project's embedded PostgreSQL (started, then stopped).
 * Refuses a database whose migrations are not all applied (see assertMigrated), unless the command only uses the
 * server (`requireMigrated: false`).
 */
export async function withCliDatabase<T>(
  work: (dataSource: DataSource, server: DatabaseServer) => Promise<T>,
  { requireMigrated = true }: { requireMigrated?: boolean } = {},
): Promise<T> {
  const config = AppConfig.fromEnvironment();
  const server = await openDatabaseServer(config, createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel));
  const dataSource = new DataSource({ ...dataSourceOptions(server.urls), logging: ['error'] });
  try {
    await dataSource.initialize();
    if (requireMigrated) await assertMigrated(dataSource);
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
    await assertMigrated(dataSource).catch((error: unknown) => {
      throw error instanceof MigrationsPendingError ? refusal(error.message) : error;
    });
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

/** A command refused because the database's schema is behind the code. */
export class MigrationsPendingError extends Error {}

/**
 * Commands other than the migration ones never change the schema (an export run from a newer checkout must not
 * migrate a production database before its service is deployed): they stop, saying which command to run, while
 * migrations are pending. Read without writing anything (TypeORM's own check would create its table).
 */
export async function assertMigrated(dataSource: DataSource): Promise<void> {
  const [{ present }] = (await dataSource.query(`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`)) as { present: boolean }[];
  const applied = new Set(
    present ? ((await dataSource.query('SELECT name FROM schema_migrations')) as { name: string }[]).map((row) => row.name) : [],
  );
  const pending = dataSource.migrations.filter((migration) => !applied.has(migration.name ?? migration.constructor.name)).length;
  if (pending === 0) return;
  const state =
    applied.size === 0
      ? `la base de données n'a jamais été migrée (${pending} migrations à appliquer)`
      : `${pending} migration${pending > 1 ? 's' : ''} en attente`;
  throw new MigrationsPendingError(`${state} : lancez npm run migration:run (npm start le fait aussi au démarrage), puis recommencez`);
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
      : error instanceof MigrationsPendingError
        ? `Commande impossible — ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
