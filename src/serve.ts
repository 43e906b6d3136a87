import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { issueToken } from './auth/token-issuer.js';
import type { AppConfig } from './config/app-config.js';
import { openDatabaseServer } from './database/database-server.js';
import { createLogger } from './logging/logger.js';
import { standardOutput } from './logging/standard-output.js';
import type { Tracing } from './observability/tracing.js';
import { assertPortAvailable, portError } from './startup/listen-port.js';
import { Shutdown } from './startup/shutdown.js';
import { fail, reasonOf } from './startup/startup-failure.js';
import { StartupService } from './startup/startup.service.js';

/**
 * `npm start` after the settings were read and tracing started (main.ts): PostgreSQL, the Nest application,
 * migrations and data, then the HTTP server; SIGTERM and SIGINT stop it all in reverse order (shutdown.ts).
 */
export async function serve(config: AppConfig, tracing: Tracing | null): Promise<void> {
  const output = standardOutput();
  const logger = createLogger(config.logLevel, output, { traceIds: tracing !== null });
  const shutdown = new Shutdown(config.shutdownTimeoutSeconds, logger, output);
  if (tracing) shutdown.add('tracing', () => tracing.shutdown());
  // Before anything starts: a port taken is said at once, not after PostgreSQL and the migrations.
  await assertPortAvailable(config.port).catch((error: unknown) => fail(`Démarrage impossible — ${reasonOf(error)}`));
  if (config.metricsPort !== undefined) {
    await assertPortAvailable(config.metricsPort, 'METRICS_PORT').catch((error: unknown) => fail(`Démarrage impossible — ${reasonOf(error)}`));
  }
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
        `  CRM immigration régionale — console : http://localhost:${config.port}/  ·  GraphQL : ${url}`,
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

