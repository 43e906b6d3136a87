import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { ActorCache } from './actor-cache.js';

/** The channel the triggers of migration 1764915000000 notify: an advisor's id, or `*` for everyone. */
export const ACTOR_CHANGED_CHANNEL = 'actor_changed';

const RECONNECT_FIRST_MS = 100;
const RECONNECT_MAX_MS = 5_000;
/**
 * A listener that no longer hears is as good as gone: a connection cut without a word looks alive otherwise, and a
 * pooler in transaction mode accepts LISTEN but never delivers. So the heartbeat is an echo: the listener notifies its
 * own channel (`echo:…`, which no instance takes for a change) and must hear it back in time.
 */
const HEARTBEAT_MS = 15_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;
const CLOSE_MS = 1_000;

/**
 * The one connection of this instance that LISTENs on `actor_changed` (a client of its own, never one of the pool's,
 * with the pool's settings: the primary's, even with a read replica). Each notification drops the cached actors it
 * names. The cache is trusted only while this connection is up and listening: until then, and from the moment it
 * errs, ends, or stops answering the heartbeat, the cache is emptied and every request reads its advisor from the
 * database; it reconnects with a growing delay (100 ms doubling to 5 s) and trusts the cache again, from empty, once
 * listening. Stopped when the application closes (after the HTTP server has finished its requests), within 1 s.
 */
@Injectable()
export class ActorChangeListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ActorChangeListener.name);
  private client: pg.Client | null = null;
  private failures = 0;
  private lost = false;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private readonly echoPrefix = `echo:${randomUUID()}:`;
  private echoes = 0;
  private readonly awaitedEchoes = new Map<string, () => void>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: ActorCache,
  ) {}

  /** Listening before the service takes its first request (when the database lets it; otherwise later). */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.dataSource.isInitialized) return; // built without a database (schema generation)
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.heartbeatTimer);
    this.cache.distrust();
    const client = this.client;
    this.client = null;
    if (client) await closeWithin(client, CLOSE_MS);
  }

  /** Whether the cache may be used now (for tests and health reporting). */
  get listening(): boolean {
    return this.client !== null;
  }

  private settings(): pg.ClientConfig {
    const pool = (this.dataSource.driver as PostgresDriver).master as pg.Pool;
    const { application_name: name, ...settings } = pool.options;
    return { ...settings, application_name: `${name ?? 'crm'} (actor listener)`, keepAlive: true };
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(this.settings());
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client));
    client.on('notification', (message) => this.notified(message));
    try {
      await client.connect();
      await client.query(`LISTEN ${ACTOR_CHANGED_CHANNEL}`);
      // Trusted only once a notification is seen to come back on this connection.
      await this.echo(client);
    } catch (error) {
      void closeWithin(client, CLOSE_MS);
      if (this.stopped) return;
      if (this.failures % 10 === 0) {
        this.logger.warn({ err: error, attempts: this.failures + 1 }, 'actor listener cannot connect: every request reads its advisor from the database meanwhile');
      }
      this.failures += 1;
      return this.retry();
    }
    if (this.stopped) return closeWithin(client, CLOSE_MS);
    if (this.lost || this.failures > 0) this.logger.log('actor listener back: authenticated advisors are cached again');
    this.failures = 0;
    this.lost = false;
    this.client = client;
    this.cache.trust();
    this.heartbeatTimer = setInterval(() => void this.heartbeat(client), HEARTBEAT_MS).unref();
  }

  private notified(message: pg.Notification): void {
    if (message.channel !== ACTOR_CHANGED_CHANNEL) return;
    if (message.payload?.startsWith('echo:')) {
      this.awaitedEchoes.get(message.payload)?.();
      return;
    }
    if (!message.payload || message.payload === '*') this.cache.clear();
    else this.cache.invalidate(message.payload);
  }

  private async heartbeat(client: pg.Client): Promise<void> {
    try {
      await this.echo(client);
    } catch (error) {
      this.dropped(client, error);
    }
  }

  /** Notifies this connection's own channel and waits to hear it back (HEARTBEAT_TIMEOUT_MS at most). */
  private async echo(client: pg.Client): Promise<void> {
    const payload = `${this.echoPrefix}${++this.echoes}`;
    let timer: NodeJS.Timeout | undefined;
    const heard = new Promise<void>((resolve, reject) => {
      this.awaitedEchoes.set(payload, resolve);
      timer = setTimeout(() => reject(new Error(`no notification heard back within ${HEARTBEAT_TIMEOUT_MS} ms`)), HEARTBEAT_TIMEOUT_MS);
    });
    try {
      await Promise.all([client.query('SELECT pg_notify($1, $2)', [ACTOR_CHANGED_CHANNEL, payload]), heard]);
    } finally {
      clearTimeout(timer);
      this.awaitedEchoes.delete(payload);
    }
  }

  /** The listening connection failed or ended: distrust the cache at once, then reconnect. */
  private dropped(client: pg.Client, error?: unknown): void {
    if (client !== this.client) return;
    this.client = null;
    this.cache.distrust();
    clearInterval(this.heartbeatTimer);
    void closeWithin(client, CLOSE_MS);
    if (this.stopped) return;
    this.lost = true;
    this.logger.warn({ err: error }, 'actor listener lost: every request reads its advisor from the database until it is back');
    this.retry();
  }

  /** The next attempt: 100 ms after a loss, then doubling with each failure up to 5 s. */
  private retry(): void {
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** this.failures);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), delay).unref();
  }
}

/** Ends a client, waiting `ms` at most (a server that no longer answers must not hold the shutdown). */
async function closeWithin(client: pg.Client, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([client.end().catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
