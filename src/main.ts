import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { issueToken } from './auth/token-issuer.js';
import { AppConfig, ConfigurationError } from './config/app-config.js';
import { openDatabaseServer } from './database/database-server.js';
import { createLogger } from './logging/logger.js';
import { standardOutput } from './logging/standard-output.js';
import { assertPortAvailable, portError } from './startup/listen-port.js';
import { Shutdown } from './startup/shutdown.js';
import { StartupService } from './startup/startup.service.js';

/** A start-up that cannot proceed: one line on standard error (what and why), exit code 1. */
function fail(line: string): never {
  process.stderr.write(`${line.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(1);
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function readConfig(): AppConfig {
  try {
    return AppConfig.fromEnvironment();
  } catch (error) {
    if (error instanceof ConfigurationError) fail(`Configuration invalide — ${error.message}`);
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const output = standardOutput();
  const logger = createLogger(config.logLevel, output);
  const shutdown = new Shutdown(config.shutdownTimeoutSeconds, logger, output);
  // Before anything starts: a port taken is said at once, not after PostgreSQL and the migrations.
  await assertPortAvailable(config.port).catch((error: unknown) => fail(`Démarrage impossible — ${reasonOf(error)}`));
  const database = await openDatabaseServer(config, logger).catch((error: unknown) => fail(`Base de données — ${reasonOf(error)}`));
  shutdown.add('database', () => database.stop());

  let app;
  try {
    app = await createApp(config, database.urls, logger);
  } catch (error) {
    await database.stop();
    fail(`Démarrage impossible — ${config.databaseUrl ? 'DATABASE_URL: ' : ''}${reasonOf(error)}`);
  }
  shutdown.add('http', () => app.close());
  try {
    await app.listen(config.port);
  } catch (error) {
    await app.close().catch(() => undefined);
    await database.stop();
    fail(`Démarrage impossible — ${portError(error, config.port).message}`);
  }

  const url = `http://localhost:${config.port}/graphql`;
  logger.info({ url, embeddedDatabase: database.embedded }, 'GraphQL service ready');
  const adminEmail = app.get(StartupService).bannerAdminEmail;
  if (!config.isProduction && config.auth.mode !== 'jwks' && adminEmail) {
    const token = await issueToken(config, adminEmail);
    process.stdout.write(
      [
        '',
        `  CRM immigration régionale — GraphQL : ${url}`,
        database.embedded ? `  PostgreSQL intégré : ${database.directory} (port ${config.embeddedPostgresPort})` : '',
        `  Jeton de développement (${adminEmail}, valide 12 h) :`,
        `  ${token}`,
        '',
        '  Essai :',
        `  curl -s ${url} -H 'Content-Type: application/json' \\`,
        `    -H 'Authorization: Bearer ${token}' \\`,
        `    -d '{"query":"{ regions { code name } }"}'`,
        '',
        '  Ctrl-C arrête le service et PostgreSQL.',
        '',
      ]
        .filter((line, i, all) => line !== '' || all[i - 1] !== '')
        .join('\n') + '\n',
    );
  }
}

void main();
