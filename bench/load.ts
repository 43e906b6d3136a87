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
}

/** The body of an answer that carries GraphQL errors (Apollo and PostGraphile put `errors` first). */
const hasGraphQLErrors = (body: string) => body.startsWith('{"errors"');

/** Runs autocannon on one target and measures every response's latency itself (autocannon reports no p95). */
export async function runLoad(target: Target, options: LoadOptions): Promise<LoadResult> {
  if (options.warmupS > 0) await measure(target, { ...options, durationS: options.warmupS });
  return measure(target, options);
}

function measure(target: Target, options: LoadOptions): Promise<LoadResult> {
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
