import { AppConfig, ConfigurationError } from './config/app-config.js';
import { startTracing } from './observability/tracing.js';
import { fail, reasonOf } from './startup/startup-failure.js';

/**
 * `npm start`: reads the settings, starts tracing when OTEL_EXPORTER_OTLP_ENDPOINT asks for it, and only then loads
 * the service (serve.ts), so that the tracing instrumentations see `http` and `pg` being loaded.
 */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = AppConfig.fromEnvironment();
  } catch (error) {
    if (error instanceof ConfigurationError) fail(`Configuration invalide — ${error.message}`);
    throw error;
  }
  const tracing = await startTracing(config).catch((error: unknown) =>
    fail(`Démarrage impossible — OTEL_EXPORTER_OTLP_ENDPOINT: tracing could not start (${reasonOf(error)})`),
  );
  const { serve } = await import('./serve.js');
  await serve(config, tracing);
}

void main();
