import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Stream } from 'node:stream';
import { cloneDatabase, databaseUrl, dropDatabase } from '../../src/database/database-admin.js';
import { freePort } from '../../src/database/embedded-postgres.server.js';
import { TEST_ENV } from './test-database.js';
import { GraphQLClient, TEST_JWT_SECRET } from './graphql-client.js';

/** A database of its own for a test that starts service processes: a copy of the migrated template. */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function scratchDatabase(template = process.env[TEST_ENV.template]!): Promise<ScratchDatabase> {
  const adminUrl = process.env[TEST_ENV.adminUrl]!;
  const name = `${process.env[TEST_ENV.runPrefix]}${randomBytes(4).toString('hex')}`;
  await cloneDatabase(adminUrl, template, name);
  return { url: databaseUrl(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}

/** An empty database (never migrated) on the test server. */
export async function emptyDatabase(): Promise<ScratchDatabase> {
  return scratchDatabase('template0');
}

export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly url: string;
  /** GraphQL requests to it, as the test administrator or any advisor (tokens signed with the test secret). */
  readonly client: GraphQLClient;
  /** What the process wrote so far on standard output and standard error (when they are pipes read here). */
  stdout(): string;
  stderr(): string;
  /** Resolves once the process has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL if still running (for `finally` blocks). */
  kill(): void;
}

export interface ServiceProcessOptions {
  /** Environment of the process on top of PATH, NODE_ENV=test, the test secret and a free PORT. */
  env: Record<string, string>;
  /** Standard output: read here ('pipe', the default) or handed to something else (a stream, 'ignore'). */
  stdout?: 'pipe' | 'ignore' | Stream;
  /** Wait until /health/ready answers 200 (default true). */
  waitReady?: boolean;
  /** The command run (default: the compiled service). */
  script?: string;
  args?: string[];
}

/** The compiled service (`node dist/src/main.js`, so `npm run build` first) as its own process. */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const port = Number(options.env.PORT ?? (await freePort()));
  const child = spawn(process.execPath, [options.script ?? join(process.cwd(), 'dist/src/main.js'), ...(options.args ?? [])], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'warn',
      PORT: String(port),
      ...options.env,
    },
    stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const service: ServiceProcess = {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    client: new GraphQLClient(`http://127.0.0.1:${port}`),
    stdout: () => out,
    stderr: () => err,
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
  if (options.waitReady ?? true) await waitReady(service);
  return service;
}

async function waitReady(service: ServiceProcess): Promise<void> {
  let ended = false;
  void service.exited.then(() => (ended = true));
  for (let i = 0; i < 300 && !ended; i++) {
    const status = await fetch(`${service.url}/health/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  service.kill();
  throw new Error(`the service did not become ready: ${service.stderr() || service.stdout()}`);
}

/** Resolves with the exit, or with 'still running' after `ms`. */
export async function exitWithin(service: ServiceProcess, ms: number) {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), ms)));
  try {
    return await Promise.race([service.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}
