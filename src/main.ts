import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { issueToken } from './auth/token-issuer.js';
import { AppConfig, ConfigurationError } from './config/app-config.js';
import { openDatabaseServer } from './database/database-server.js';
import { createLogger } from './logging/logger.js';
import { StartupService } from './startup/startup.service.js';

function readConfig(): AppConfig {
  try {
    return AppConfig.fromEnvironment();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`Configuration invalide — ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabaseServer(config, logger).catch((error: unknown) => {
    process.stderr.write(`Base de données — ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });

  let app;
  try {
    app = await createApp(config, database.urls, logger);
    await app.listen(config.port);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Démarrage impossible — ${config.databaseUrl ? 'DATABASE_URL: ' : ''}${reason}\n`);
    await database.stop();
    process.exit(1);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    await app.close();
    await database.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const url = `http://localhost:${config.port}/graphql`;
  logger.info({ url, embeddedDatabase: database.embedded }, 'GraphQL service ready');
  const adminEmail = app.get(StartupService).bannerAdminEmail;
  if (!config.isProduction && config.auth.mode !== 'jwks' && adminEmail) {
    const token = await issueToken(config, adminEmail);
    process.stdout.write(
      [
        '',
        `  CRM immigration régionale — console : http://localhost:${config.port}/  ·  GraphQL : ${url}`,
        database.embedded ? `  PostgreSQL intégré : ${config.dataDir}/postgres (port ${config.embeddedPostgresPort})` : '',
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
