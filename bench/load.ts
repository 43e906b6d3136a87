import autocannon from 'autocannon';
import { percentile } from './bench-report.js';

/** One HTTP request the load generator repeats (a GraphQL POST or a baseline route). */
export interface Target {
  url: string;
  body: string;
  headers?: Record<string, string>;
}

export interface LoadOptions {
  connections: number;
  durationS: number;
  /** Seconds of the same load before measuring, thrown away (JIT, plan caches, buffers). */
  warmupS: number;
  /** Requests per second for all connections together; none = as fast as answers come. */
  overallRate?: number;
}

export interface LoadResult {
  requests: number;
  durationS: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors, timeouts, non-2xx answers and 200 answers carrying GraphQL errors. */
  errors: number;
  /** CPU time the watched process used during the measured interval (ms); null when none was watched. */
  cpuMs: number | null;
}

/** The body of an answer that carries GraphQL errors (Apollo and PostGraphile put `errors` first). */
const hasGraphQLErrors = (body: string) => body.startsWith('{"errors"');

/**
 * Runs autocannon on one target and measures every response's latency itself (autocannon reports no p95).
 * `cpuMs` reads the answering process's CPU time: read just before and just after the measured interval.
 */
export async function runLoad(target: Target, options: LoadOptions, cpuMs?: () => number | null): Promise<LoadResult> {
  if (options.warmupS > 0) await measure(target, { ...options, durationS: options.warmupS });
  const before = cpuMs?.() ?? null;
  const result = await measure(target, options);
  const after = cpuMs?.() ?? null;
  return { ...result, cpuMs: before === null || after === null ? null : after - before };
}

function measure(target: Target, options: LoadOptions): Promise<Omit<LoadResult, 'cpuMs'>> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections: options.connections,
        duration: options.durationS,
        overallRate: options.overallRate,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...target.headers },
            body: target.body,
            onResponse: (status, body) => {
              if (status === 200 && hasGraphQLErrors(body)) graphqlErrors++;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          requests: latencies.length,
          durationS: result.duration,
          throughput: latencies.length / result.duration,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          errors: result.errors + result.non2xx + graphqlErrors,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}
