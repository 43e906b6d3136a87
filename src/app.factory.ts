import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type pg from 'pg';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { AppModule } from './app.module.js';
import { TokenVerifier } from './auth/token-verifier.js';
import type { AppConfig } from './config/app-config.js';
import type { DatabaseUrls } from './database/data-source-options.js';
import { statementCounter } from './database/statement-counter.js';
import { developmentIde } from './graphql/development-ide.js';
import { graphqlRateLimit } from './graphql/rate-limit.middleware.js';
import { httpLogging } from './logging/http-logging.middleware.js';
import { PinoNestLogger } from './logging/logger.js';
import { graphqlOperationSpans } from './observability/graphql-operation.js';
import { ServiceMetrics } from './observability/service-metrics.js';
import { StartupService } from './startup/startup.service.js';
import { consoleSite } from './web-console/console-site.js';

/**
 * Builds the service (used by `npm start`, the tests and the CLI): Nest application, HTTP logging, and the
 * database made ready (migrations, reference data, bootstrap admin, demo data when enabled).
 */
export async function createApp(config: AppConfig, database: DatabaseUrls, logger: Logger): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  app.disable('x-powered-by');
  app.use((_req: unknown, _res: unknown, next: () => void) => statementCounter.run(next));
  app.use(httpLogging(logger));
  if (config.tracingEndpoint) app.use('/graphql', graphqlOperationSpans());
  const metrics = app.get(ServiceMetrics);
  if (metrics.enabled) app.use('/graphql', metrics.requestTimer());
  const ide = config.isProduction ? undefined : developmentIde();
  if (ide) app.use(ide);
  app.use(consoleSite(config));
  if (config.rateLimitPerMinute > 0) {
    const pool = (app.get(DataSource).driver as PostgresDriver).master as pg.Pool;
    app.use('/graphql', graphqlRateLimit(config.rateLimitPerMinute, app.get(TokenVerifier), pool, config.exposeStatementCount));
  }
  await app.get(StartupService).prepareDatabase();
  return app;
}
