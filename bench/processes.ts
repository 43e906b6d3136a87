import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** A server the benchmark started (the service, the SQL baseline, PostGraphile), with its memory watched. */
export interface ServerProcess {
  name: string;
  pid: number;
  baseUrl: string;
  /** Highest resident set size seen (kB), from the kernel's own high-water mark when it has one. */
  peakRssKb(): number | null;
  /** Resident set size now (kB). */
  rssKb(): number | null;
  /** CPU time the process has used so far, user and system, all threads (ms, from /proc/<pid>/stat). */
  cpuMs(): number | null;
  /** The last lines the process wrote, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  baseUrl: string;
  /** Resolves true once the server answers. */
  ready: (baseUrl: string) => Promise<boolean>;
  timeoutMs?: number;
}

function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Clock ticks per second of /proc/<pid>/stat's times (getconf CLK_TCK; 100 on Linux). */
let clockTicks: number | undefined;
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    const answer = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim());
    clockTicks = Number.isFinite(answer) && answer > 0 ? answer : 100;
  }
  return clockTicks;
}

/** utime + stime of a process (ms): fields 14 and 15 of /proc/<pid>/stat, counted after the command's parenthesis. */
function procCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / ticksPerSecond() : null;
  } catch {
    return null;
  }
}

export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const child: ChildProcess = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = code ?? -1;
      resolve();
    }),
  );
  const pid = child.pid!;
  let sampledPeak = 0;
  const sampler = setInterval(() => {
    const rss = procStatus(pid, 'VmRSS');
    if (rss !== null) sampledPeak = Math.max(sampledPeak, rss);
  }, 200);
  sampler.unref();

  const server: ServerProcess = {
    name: options.name,
    pid,
    baseUrl: options.baseUrl,
    peakRssKb: () => {
      const hwm = procStatus(pid, 'VmHWM');
      return hwm ?? (sampledPeak || null);
    },
    rssKb: () => procStatus(pid, 'VmRSS'),
    cpuMs: () => procCpuMs(pid),
    output: () => lines.join('\n'),
    stop: async () => {
      clearInterval(sampler);
      if (exited !== null) return;
      child.kill('SIGTERM');
      const killed = await Promise.race([exit.then(() => true), sleep(10_000).then(() => false)]);
      if (!killed) {
        child.kill('SIGKILL');
        await exit;
      }
    },
  };

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (exited !== null) {
      throw new Error(`${options.name} exited (code ${exited}) before answering:\n${server.output()}`);
    }
    if (await options.ready(options.baseUrl).catch(() => false)) return server;
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`${options.name} did not answer within ${(options.timeoutMs ?? 120_000) / 1000} s:\n${server.output()}`);
    }
    await sleep(250);
  }
}

export const answersOk = (path: string, init?: RequestInit) => async (baseUrl: string) =>
  (await fetch(`${baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(2000) })).ok;
