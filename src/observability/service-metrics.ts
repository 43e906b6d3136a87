import { createServer, type Server } from 'node:http';
import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type pg from 'pg';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { AppConfig } from '../config/app-config.js';
import { portError } from '../startup/listen-port.js';
import { operationOutcome } from './graphql-operation.js';

/** Distinct operation names kept as label values; later ones are counted as `other` (clients choose the names). */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$|^\((anonymous|none)\)$/;

/**
 * Prometheus metrics, served on their own port (METRICS_PORT) and never on the API's: GraphQL request durations by
 * operation, type and result code; the database pools (connections in use and idle, requests waiting); and
 * prom-client's process and Node.js metrics (CPU, memory, file descriptors, event-loop lag, GC). Without
 * METRICS_PORT nothing is measured or served.
 */
@Injectable()
export class ServiceMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly enabled: boolean;
  private readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private server?: Server;
  private readonly requestDuration = new Histogram({
    name: 'crm_graphql_request_duration_seconds',
    help: 'GraphQL requests to /graphql, from arrival to the last byte of the answer',
    labelNames: ['operation', 'type', 'code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [],
  });

  constructor(
    private readonly config: AppConfig,
    dataSource: DataSource,
  ) {
    this.enabled = config.metricsPort !== undefined;
    if (!this.enabled) return;
    this.registry.registerMetric(this.requestDuration);
    collectDefaultMetrics({ register: this.registry });
    const pools = () => {
      const driver = dataSource.driver as PostgresDriver;
      return [
        ['primary', driver.master as pg.Pool | undefined],
        ...(driver.slaves ?? []).map((pool, i) => [`replica${i > 0 ? i + 1 : ''}`, pool as pg.Pool] as const),
      ].filter((entry): entry is [string, pg.Pool] => entry[1] !== undefined);
    };
    this.registry.registerMetric(
      new Gauge({
        name: 'crm_db_pool_connections',
        help: 'Connections of the database pools, by pool (primary, replica) and state (in_use, idle)',
        labelNames: ['pool', 'state'] as const,
        registers: [],
        collect() {
          for (const [name, pool] of pools()) {
            this.set({ pool: name, state: 'in_use' }, pool.totalCount - pool.idleCount);
            this.set({ pool: name, state: 'idle' }, pool.idleCount);
          }
        },
      }),
    );
    this.registry.registerMetric(
      new Gauge({
        name: 'crm_db_pool_waiting_requests',
        help: 'Queries waiting for a free connection, by pool',
        labelNames: ['pool'] as const,
        registers: [],
        collect() {
          for (const [name, pool] of pools()) this.set({ pool: name }, pool.waitingCount);
        },
      }),
    );
  }

  /** Express middleware for /graphql: times each request and labels it with its operation and result. */
  requestTimer() {
    return (_req: Request, res: Response, next: NextFunction): void => {
      const start = process.hrtime.bigint();
      res.once('finish', () => {
        const outcome = operationOutcome(res);
        const seconds = Number(process.hrtime.bigint() - start) / 1e9;
        this.requestDuration.observe(
          {
            operation: this.operationLabel(outcome?.operation ?? '(none)'),
            type: outcome?.type ?? 'none',
            code: outcome?.code ?? (res.statusCode === 429 ? 'RATE_LIMITED' : res.statusCode < 400 ? 'OK' : `HTTP_${res.statusCode}`),
          },
          seconds,
        );
      });
      next();
    };
  }

  /** The port the metrics are served on (METRICS_PORT=0 picks a free one). */
  get port(): number | undefined {
    const address = this.server?.address();
    return typeof address === 'object' && address ? address.port : undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      this.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error) => reject(portError(error, this.config.metricsPort!, 'METRICS_PORT')));
      server.listen(this.config.metricsPort, () => resolve());
    });
    this.server = server;
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  private operationLabel(name: string): string {
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_NAMES) return 'other';
    this.operations.add(name);
    return name;
  }
}
