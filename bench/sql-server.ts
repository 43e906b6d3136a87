/**
 * The benchmark's baseline: the same answers as the service, from hand-written SQL through `pg`, behind the
 * thinnest HTTP server Node.js has (no framework, no GraphQL, no authentication). It runs in its own process, like
 * the service, so the load generator measures both the same way.
 *
 *   node dist/bench/sql-server.js <port>     (DATABASE_URL: the database to read)
 *
 * Routes (POST, JSON body with the parameters): /advisor-list, /employer-counts, /employer-counts-from-files,
 * /regional-report; GET /health.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import { REGIONAL_REPORT_SQL } from '../src/reporting/regional-report.sql.js';
import { todayInQuebec } from '../src/common/calendar.js';
import { employerCountsStatement, isFiscalYear } from '../src/reporting/employer-counts.sql.js';
import { advisorListSql, type PageOrder } from './scenarios.js';

const ALL_REGIONS = Array.from({ length: 17 }, (_, i) => String(i + 1).padStart(2, '0'));

interface Parameters {
  first?: number;
  regionCodes?: string[];
  scope?: string[];
  from?: string;
  to?: string;
  regionCode?: string;
  order?: PageOrder;
}

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, application_name: 'crm-bench-sql' });

type Route = (p: Parameters) => Promise<string>;

const routes: Record<string, Route> = {
  '/advisor-list': async (p) => {
    const { rows } = await pool.query<{ body: unknown }>(advisorListSql(p.order), [p.regionCodes, p.first, p.scope]);
    return JSON.stringify(rows[0]!.body);
  },
  '/employer-counts': async (p) => {
    // The statement the service sends for the same period, with the same parameters.
    const statement = employerCountsStatement({
      filtered: false,
      regionCodes: ALL_REGIONS,
      fiscalYear: isFiscalYear(p.from!, p.to!),
      toToday: p.to! >= todayInQuebec(),
    });
    const { rows } = await pool.query(statement, [p.from, p.to, ALL_REGIONS, null, null, null, null]);
    return JSON.stringify(rows);
  },
  '/employer-counts-from-files': async (p) => {
    const statement = employerCountsStatement({ filtered: true, regionCodes: ALL_REGIONS });
    const { rows } = await pool.query(statement, [p.from, p.to, ALL_REGIONS, null, null, null, null]);
    return JSON.stringify(rows);
  },
  '/regional-report': async (p) => {
    const regions = [p.regionCode!];
    const counts = await pool.query(employerCountsStatement({ filtered: false, regionCodes: regions, fiscalYear: isFiscalYear(p.from!, p.to!) }), [
      p.from,
      p.to,
      regions,
      null,
      null,
      null,
      null,
    ]);
    const figures = await pool.query(REGIONAL_REPORT_SQL, [p.from, p.to, p.regionCode]);
    return JSON.stringify({ counts: counts.rows, figures: figures.rows[0] });
  },
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method === 'GET' && request.url === '/health') {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  const route = request.method === 'POST' ? routes[request.url ?? ''] : undefined;
  if (!route) {
    response.writeHead(404).end();
    return;
  }
  try {
    const body = await route(JSON.parse(await readBody(request)) as Parameters);
    response.writeHead(200, { 'content-type': 'application/json' }).end(body);
  } catch (error) {
    response.writeHead(500, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.message : String(error));
  }
}

const port = Number(process.argv[2] ?? 0);
const server = createServer((request, response) => void handle(request, response));
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : port}\n`);
});
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
