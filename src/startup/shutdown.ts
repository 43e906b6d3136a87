import type { Logger } from 'pino';
import type { LogOutput } from '../logging/standard-output.js';

const DEADLINE_CLEANUP_MS = 3000;
const LOG_FLUSH_MS = 1000;

/**
 * How the service stops on SIGTERM or SIGINT: what was started is stopped in reverse order (the HTTP server lets
 * the requests in flight finish, then the database is closed) and the process exits with 0. The stop is bounded:
 * past `timeoutSeconds` (a request that never ends, a database that does not answer) the process exits with 1 and
 * says so in one line on standard error, after giving the embedded PostgreSQL a few seconds to stop; a second
 * signal exits the same way at once. Nothing here waits on logging (see standard-output.ts), so a log reader that
 * stopped reading cannot hold the process. Installed before anything starts, so a signal during start-up also stops
 * what is already running.
 */
export class Shutdown {
  private readonly steps: { name: string; run: () => Promise<void> }[] = [];
  private stopping = false;

  constructor(
    private readonly timeoutSeconds: number,
    private readonly logger: Logger,
    private readonly output: LogOutput,
  ) {
    process.on('SIGINT', (signal) => void this.stop(signal));
    process.on('SIGTERM', (signal) => void this.stop(signal));
  }

  /** Something to stop; steps run in the reverse order of their registration. */
  add(name: string, run: () => Promise<void>): void {
    this.steps.unshift({ name, run });
  }

  private async stop(signal: NodeJS.Signals): Promise<void> {
    if (this.stopping) return this.forced(`${signal} reçu pendant l'arrêt : arrêt immédiat`);
    this.stopping = true;
    setTimeout(
      () =>
        void this.forced(
          `l'arrêt n'était pas terminé après ${this.timeoutSeconds} s (requêtes en cours ou base de données sans réponse) ; ` +
            'délai réglable par SHUTDOWN_TIMEOUT_SECONDS',
        ),
      this.timeoutSeconds * 1000,
    );
    this.logger.info({ signal }, 'shutting down: finishing requests in flight');
    let code = 0;
    for (let step = this.steps.shift(); step; step = this.steps.shift()) {
      try {
        await step.run();
      } catch (error) {
        this.logger.error({ err: error, step: step.name }, 'stop failed');
        code = 1;
      }
    }
    this.logger.info({ droppedLogLines: this.output.dropped }, 'stopped');
    await this.output.flush(LOG_FLUSH_MS);
    process.exit(code);
  }

  private async forced(reason: string): Promise<void> {
    process.stderr.write(`Arrêt forcé — ${reason}\n`);
    // The steps not yet run (the database, when the HTTP server never closed), briefly.
    const remaining = this.steps.splice(0).map((step) => step.run().catch(() => undefined));
    await Promise.race([Promise.all(remaining), new Promise((resolve) => setTimeout(resolve, DEADLINE_CLEANUP_MS))]);
    process.exit(1);
  }
}
