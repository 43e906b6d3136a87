import autocannon from 'autocannon';
import { withClient } from '../src/database/database-admin.js';
import { percentile, type SoakFigures, type SoakSample } from './bench-report.js';
import type { ServerProcess } from './processes.js';
import {
  BenchmarkAdvisorListDocument,
  BenchmarkCreateCompanyDocument,
  BenchmarkEmployerCountsDocument,
  BenchmarkLogInteractionDocument,
  BenchmarkWorklistDocument,
  type TypedDocumentString,
} from '../operations/generated.js';

/** Marks what the soak writes, so it can be removed afterwards and the data stays at its stated size. */
export const SOAK_MARKER = 'Banc d’essai — charge continue';
const COMPANY_PREFIX = 'Banc d’essai';

export interface SoakOptions {
  durationS: number;
  rate: number;
  connections: number;
  sampleEveryS: number;
  advisorToken: string;
  managerToken: string;
  advisorRegion: string;
  fiscalYear: string;
  /** Open files the advisor may log interactions on. */
  fileIds: string[];
  today: string;
}

interface Operation {
  name: string;
  weight: number;
  token: 'advisor' | 'manager';
  body: (n: number) => string;
}

/** The mix: mostly reading the list, some counts and the worklist, a fifth of writes (interactions, companies). */
function operations(options: SoakOptions): Operation[] {
  const json = <V>(document: TypedDocumentString<unknown, V>, variables: V) => JSON.stringify({ query: String(document), variables });
  return [
    {
      name: 'advisor list',
      weight: 55,
      token: 'advisor',
      body: () => json(BenchmarkAdvisorListDocument, { first: 50, regionCodes: [options.advisorRegion] }),
    },
    {
      name: 'employer counts',
      weight: 10,
      token: 'manager',
      body: () => json(BenchmarkEmployerCountsDocument, { period: { fiscalYear: options.fiscalYear } }),
    },
    {
      name: 'worklist',
      weight: 10,
      token: 'advisor',
      body: () => json(BenchmarkWorklistDocument, {}),
    },
    {
      name: 'logInteraction',
      weight: 20,
      token: 'advisor',
      body: (n) =>
        json(
          BenchmarkLogInteractionDocument,
          {
            input: {
              accompanimentId: options.fileIds[n % options.fileIds.length],
              occurredOn: options.today,
              kind: 'CALL',
              mode: 'PHONE',
              durationMinutes: 15,
              summary: SOAK_MARKER,
            },
          },
        ),
    },
    {
      name: 'createCompany',
      weight: 5,
      token: 'advisor',
      body: (n) =>
        json(BenchmarkCreateCompanyDocument, {
          input: {
            legalName: `${COMPANY_PREFIX} ${process.pid}-${n}`,
            regionCode: options.advisorRegion,
            confirmNotDuplicate: true,
          },
        }),
    },
  ];
}

/**
 * Mixed reads and writes at a fixed offered rate for a while, watching the service's memory: errors (connection,
 * non-2xx, GraphQL errors) and RSS per interval.
 */
export async function soak(service: ServerProcess, options: SoakOptions, onSample?: (s: SoakSample) => void): Promise<SoakFigures> {
  const ops = operations(options);
  const totalWeight = ops.reduce((n, op) => n + op.weight, 0);
  const tokens = { advisor: `Bearer ${options.advisorToken}`, manager: `Bearer ${options.managerToken}` };
  let counter = 0;
  const pick = (n: number): Operation => {
    let point = ((n * 7919) % totalWeight + totalWeight) % totalWeight;
    for (const op of ops) {
      if (point < op.weight) return op;
      point -= op.weight;
    }
    return ops[0]!;
  };

  const latencies: number[] = [];
  let errors = 0;
  let intervalRequests = 0;
  let intervalErrors = 0;
  const samples: SoakSample[] = [];
  const started = performance.now();
  const sampler = setInterval(() => {
    const sample = {
      elapsedS: (performance.now() - started) / 1000,
      rssMb: (service.rssKb() ?? 0) / 1024,
      requests: intervalRequests,
      errors: intervalErrors,
    };
    intervalRequests = 0;
    intervalErrors = 0;
    samples.push(sample);
    onSample?.(sample);
  }, options.sampleEveryS * 1000);

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${service.baseUrl}/graphql`,
        connections: options.connections,
        duration: options.durationS,
        overallRate: options.rate,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const n = counter++;
              const op = pick(n);
              return {
                ...request,
                headers: { 'content-type': 'application/json', authorization: tokens[op.token] },
                body: op.body(n),
              };
            },
            onResponse: (status, body) => {
              if (status !== 200 || body.startsWith('{"errors"')) {
                errors++;
                intervalErrors++;
              }
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
      intervalRequests++;
    });
  });
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  const connectionErrors = result.errors;
  return {
    durationS: result.duration,
    rate: options.rate,
    mix: ops.map((op) => `${op.weight} % ${op.name}`).join(', '),
    requests: latencies.length,
    errors: errors + connectionErrors,
    throughput: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    samples,
  };
}

/** Removes what the soak wrote (interactions, companies and their audit rows). */
export async function removeSoakRows(url: string): Promise<{ interactions: number; companies: number }> {
  return withClient(url, async (client) => {
    await client.query('BEGIN');
    await client.query(
      `DELETE FROM audit_log WHERE entity_type = 'Interaction'
          AND entity_id IN (SELECT id::text FROM interactions WHERE summary = $1)`,
      [SOAK_MARKER],
    );
    const interactions = await client.query(`DELETE FROM interactions WHERE summary = $1`, [SOAK_MARKER]);
    await client.query(
      `DELETE FROM audit_log WHERE entity_type = 'Company'
          AND entity_id IN (SELECT id::text FROM companies WHERE legal_name LIKE $1)`,
      [`${COMPANY_PREFIX} %`],
    );
    const companies = await client.query(`DELETE FROM companies WHERE legal_name LIKE $1`, [`${COMPANY_PREFIX} %`]);
    await client.query('COMMIT');
    return { interactions: interactions.rowCount ?? 0, companies: companies.rowCount ?? 0 };
  });
}
