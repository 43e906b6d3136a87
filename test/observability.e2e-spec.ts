import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { freePort } from '../src/database/embedded-postgres.server.js';
import { ServiceMetrics } from '../src/observability/service-metrics.js';
import { GraphQLClient, TEST_ADMIN_EMAIL } from './support/graphql-client.js';
import { createCompany } from './support/factories.js';
import { scratchDatabase, startServiceProcess, type ScratchDatabase, type ServiceProcess } from './support/service-process.js';
import { TestApp } from './support/test-app.js';

describe('metrics (METRICS_PORT)', () => {
  let app: TestApp;
  let metricsUrl: string;
  beforeAll(async () => {
    app = await TestApp.start({ METRICS_PORT: '0' });
    metricsUrl = `http://127.0.0.1:${app.app.get(ServiceMetrics).port}/metrics`;
  });
  afterAll(() => app.close());

  const scrape = async () => {
    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return response.text();
  };

  /** The value of one series in Prometheus' text format (0 when absent). */
  const value = (text: string, name: string, labels: Record<string, string> = {}) => {
    const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
    const line = text
      .split('\n')
      .find((l) => (l.startsWith(`${name}{`) || l.startsWith(`${name} `)) && wanted.every((w) => l.includes(w)));
    return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
  };

  it('counts and times GraphQL requests by operation and result code, and exposes pools, event-loop lag and process figures', async () => {
    const before = await scrape();
    const count = 'crm_graphql_request_duration_seconds_count';
    const ok = { operation: 'RegionList', type: 'query', code: 'OK' };
    for (let i = 0; i < 3; i++) expect((await app.graphql(`query RegionList { regions { code } }`)).status).toBe(200);
    const refused = await app.graphql(`mutation BadCompany { createCompany(input: { legalName: "", regionCode: "13" }) { id } }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await app.graphql(`query RegionList { regions { code } }`, { as: null })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await app.graphql(`{ regions { code } }`)).status).toBe(200);

    const after = await scrape();
    expect(value(after, count, ok) - value(before, count, ok)).toBe(3);
    expect(value(after, 'crm_graphql_request_duration_seconds_sum', ok)).toBeGreaterThan(value(before, 'crm_graphql_request_duration_seconds_sum', ok));
    expect(value(after, 'crm_graphql_request_duration_seconds_bucket', { ...ok, le: '+Inf' }) - value(before, 'crm_graphql_request_duration_seconds_bucket', { ...ok, le: '+Inf' })).toBe(3);
    const bad = { operation: 'BadCompany', type: 'mutation', code: 'BAD_USER_INPUT' };
    expect(value(after, count, bad) - value(before, count, bad)).toBe(1);
    const anonymous = { operation: 'RegionList', type: 'query', code: 'UNAUTHENTICATED' };
    expect(value(after, count, anonymous) - value(before, count, anonymous)).toBe(1);
    expect(value(after, count, { operation: '(anonymous)', type: 'query', code: 'OK' })).toBeGreaterThanOrEqual(1);

    expect(after).toMatch(/^crm_db_pool_connections\{pool="primary",state="in_use"\} \d+$/m);
    expect(value(after, 'crm_db_pool_connections', { pool: 'primary', state: 'idle' })).toBeGreaterThan(0);
    expect(after).toMatch(/^crm_db_pool_waiting_requests\{pool="primary"\} 0$/m);
    expect(after).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(value(after, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    expect(value(after, 'process_cpu_seconds_total')).toBeGreaterThan(0);
  });

  it('counts requests refused before any operation is read (a document that does not parse)', async () => {
    const before = await scrape();
    const response = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ regions { code "}' });
    expect(response.status).toBe(400);
    const after = await scrape();
    const parse = { operation: '(none)', type: 'none', code: 'GRAPHQL_PARSE_FAILED' };
    expect(value(after, 'crm_graphql_request_duration_seconds_count', parse) - value(before, 'crm_graphql_request_duration_seconds_count', parse)).toBe(1);
  });

  it('is served on its own port only: the API has no /metrics', async () => {
    expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
  });
});

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
}

/** The smallest OTLP/HTTP (JSON) trace receiver: keeps every span it is sent. */
async function otlpReceiver(): Promise<{ server: Server; url: string; spans: ExportedSpan[] }> {
  const spans: ExportedSpan[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces' && req.headers['content-type']?.startsWith('application/json')) {
        const payload = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: ExportedSpan[] }[] }[] };
        for (const resource of payload.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else res.writeHead(404).end();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${port}`, spans };
}

describe('traces (OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  let database: ScratchDatabase;
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  let service: ServiceProcess;

  beforeAll(async () => {
    database = await scratchDatabase();
    receiver = await otlpReceiver();
    service = await startServiceProcess({
      env: {
        DATABASE_URL: database.url,
        BOOTSTRAP_ADMIN_EMAIL: TEST_ADMIN_EMAIL,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_BSP_SCHEDULE_DELAY: '100',
        LOG_LEVEL: 'info',
      },
    });
  });

  afterAll(async () => {
    service?.kill();
    await service?.exited;
    await new Promise((resolve) => receiver?.server.close(resolve));
    await database?.drop();
  });

  const attribute = (span: ExportedSpan, key: string) => {
    const found = span.attributes.find((a) => a.key === key)?.value;
    return found ? Object.values(found)[0] : undefined;
  };

  it("exports a request's spans: HTTP, then the GraphQL operation, then each SQL statement; its log lines carry the trace id", async () => {
    await createCompany(service.client, { legalName: 'Érablière Trace' });
    const traceId = randomBytes(16).toString('hex');
    const callerSpan = randomBytes(8).toString('hex');
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await GraphQLClient.token(TEST_ADMIN_EMAIL)}`,
        traceparent: `00-${traceId}-${callerSpan}-01`,
        'x-request-id': 'trace-essai-1',
      },
      body: JSON.stringify({ query: 'query CompanyDirectory { companies(first: 5) { totalCount edges { node { legalName region { name } } } } }' }),
    });
    const body = (await response.json()) as { data: { companies: { totalCount: number } } };
    expect(body.data.companies.totalCount).toBe(1);
    const statements = Number(response.headers.get('x-sql-statements'));
    // the page with its selection compiled into it (a prepared statement sent by pg itself) and the total; the admin is
    // already known (src/auth/actor-cache.ts)
    expect(statements).toBe(2);

    const ofTrace = () => receiver.spans.filter((span) => span.traceId === traceId);
    for (let i = 0; i < 100 && ofTrace().length < statements + 2; i++) await new Promise((r) => setTimeout(r, 100));
    const spans = ofTrace();
    const http = spans.find((span) => span.parentSpanId === callerSpan);
    expect(http).toMatchObject({ kind: 2, name: 'POST /graphql' }); // SERVER, child of the caller's span (W3C traceparent honoured)
    const operation = spans.find((span) => span.parentSpanId === http!.spanId);
    expect(operation).toMatchObject({ name: 'query CompanyDirectory' });
    expect(attribute(operation!, 'graphql.operation.name')).toBe('CompanyDirectory');
    expect(attribute(operation!, 'graphql.response.code')).toBe('OK');
    const sql = spans.filter((span) => span.parentSpanId === operation!.spanId);
    expect(sql).toHaveLength(statements);
    for (const span of sql) {
      expect(attribute(span, 'db.system') ?? attribute(span, 'db.system.name')).toBe('postgresql');
      expect(String(attribute(span, 'db.statement') ?? attribute(span, 'db.query.text'))).toMatch(/^\s*SELECT/i);
      expect(span.attributes.some((a) => /values|parameters/.test(a.key))).toBe(false);
    }
    expect(spans).toHaveLength(statements + 2);

    const line = service
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { req?: { id?: string }; trace_id?: string; span_id?: string })
      .find((l) => l.req?.id === 'trace-essai-1');
    expect(line?.trace_id).toBe(traceId);
  });
});
