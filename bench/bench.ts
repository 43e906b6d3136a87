/**
 * `npm run bench` — the service over HTTP under autocannon, side by side in one run with what gives each figure its
 * meaning (hand-written SQL through pg, PostGraphile v5, the raw SQL of the counts), statements per request, peak
 * RSS, the CSV import and a soak of mixed reads and writes. `--quick` runs it all on a few thousand generated rows
 * in seconds and asserts what does not depend on the machine (statement counts, same answers, no errors).
 * See docs/benchmarks.md.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { issueToken } from '../src/auth/token-issuer.js';
import { todayInQuebec } from '../src/common/calendar.js';
import { DEPLOYMENT_DATE, fiscalYearOf, resolvePeriod } from '../src/common/period.js';
import { AppConfig, ConfigurationError } from '../src/config/app-config.js';
import { withClient } from '../src/database/database-admin.js';
import { freePort } from '../src/database/embedded-postgres.server.js';
import {
  chooseReferenceNode,
  judgeTargets,
  renderMarkdown,
  serviceRow,
  type BenchResults,
  type LatencyFigures,
  type ScenarioRow,
} from './bench-report.js';
import { dataSizes, openDataDatabase, openQuickDatabase, type BenchDatabase } from './bench-database.js';
import { writeCompaniesCsv } from './companies-csv.js';
import { runLoad, type LoadOptions, type Target } from './load.js';
import { serviceNodes, type NodeBinary } from './node-binaries.js';
import {
  BenchmarkAdvisorListDocument,
  BenchmarkEmployerCountsDocument,
  BenchmarkRegionalReportDocument,
  type TypedDocumentString,
} from '../operations/generated.js';
import { answersOk, startServer, type ServerProcess } from './processes.js';
import {
  ADVISOR_LIST_POSTGRAPHILE,
  postgraphileListShape,
  serviceListShape,
  type ListShape,
} from './scenarios.js';
import { removeSoakRows, soak } from './soak.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const POSTGRAPHILE_DIR = join(ROOT, 'bench', 'postgraphile');
const DOC = join(ROOT, 'docs', 'benchmarks.md');
const DOC_START = '<!-- bench:results:start -->';
const DOC_END = '<!-- bench:results:end -->';
const QUICK_SIZES = { companies: 2_000, files: 12_000, interactions: 40_000 };
/** As the Dockerfile runs the service. */
const SERVICE_NODE_OPTIONS = '--max-old-space-size=512 --max-semi-space-size=16';
/** Employer counts and reports are a manager's questions: fewer of them at once than advisors' lists. */
const REPORT_CONNECTIONS = 2;

const USAGE = `Usage: npm run bench [-- options]

  --quick               a few thousand generated rows in a scratch database, a few seconds per scenario; asserts the
                        statement counts, identical answers and zero errors (CI runs this)
  --duration S          seconds measured per scenario and target (full: 20, quick: 2)
  --warmup S            seconds of the same load before each measurement, not counted (full: 5, quick: 1)
  --connections N       concurrent connections of the load generator (default 8)
  --soak S              seconds of mixed reads and writes at the advisor list's throughput (full: 300, quick: 5; 0: none)
  --import-rows N       companies in the CSV import measurement (full: 100000, quick: 2000; 0: none)
  --no-postgraphile     skip the PostGraphile comparison
  --no-write            do not rewrite docs/benchmarks.md (a full run writes its results there)
  --node PATH|MAJOR     a Node.js binary the service runs on, repeatable: the advisor list and the employer counts are
                        measured on each, one after the other, the targets judged on Node.js 24. A major version
                        (--node 24) means npm's node@24 in node_modules/.cache/bench-node24, installed when absent.
                        Default: the Node.js running the bench and npm's node@24 (a full run installs it when absent;
                        --quick uses it only if already installed)

The full run reads DATABASE_URL (or the project's embedded PostgreSQL), filled by
  npm run seed:scale -- --companies 100000 --files 1000000 --interactions 5000000`;

interface Options {
  quick: boolean;
  durationS: number;
  warmupS: number;
  connections: number;
  soakS: number;
  importRows: number;
  postgraphile: boolean;
  write: boolean;
  /** The Node.js binaries of the service (--node, repeatable; none: the default). */
  nodes: string[];
}

function readOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      duration: { type: 'string' },
      warmup: { type: 'string' },
      connections: { type: 'string' },
      soak: { type: 'string' },
      'import-rows': { type: 'string' },
      'no-postgraphile': { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      node: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const quick = values.quick;
  const number = (name: string, text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    if (!/^\d+(\.\d+)?$/.test(text)) throw new Error(`--${name} ${text}: a number is expected`);
    return Number(text);
  };
  return {
    quick,
    durationS: number('duration', values.duration, quick ? 2 : 20),
    warmupS: number('warmup', values.warmup, quick ? 1 : 5),
    connections: number('connections', values.connections, 8),
    soakS: number('soak', values.soak, quick ? 5 : 300),
    importRows: number('import-rows', values['import-rows'], quick ? 2_000 : 100_000),
    postgraphile: !values['no-postgraphile'],
    write: !quick && !values['no-write'],
    nodes: values.node ?? [],
  };
}

const say = (line: string) => process.stderr.write(`${line}\n`);
const n = (value: number | undefined) => (value ?? 0).toLocaleString('en-US');
/** A GraphQL request's body: one of the typed operations, or PostGraphile's query (another schema). */
const graphqlBody = (document: TypedDocumentString<unknown, never> | string, variables: object) =>
  JSON.stringify({ query: String(document), variables });

interface People {
  advisorEmail: string;
  advisorRegions: string[];
  listRegion: string;
  managerEmail: string;
  fileIds: string[];
}

/** Who the benchmark acts as: an advisor of the region with the most companies (alone in it), and an analyst or manager. */
async function choosePeople(url: string): Promise<People> {
  return withClient(url, async (client) => {
    const region = (
      await client.query<{ region_code: string }>(
        `SELECT region_code FROM companies GROUP BY region_code ORDER BY count(*) DESC, region_code LIMIT 1`,
      )
    ).rows[0]?.region_code;
    if (!region) throw new Error('the database has no companies: fill it first (npm run seed:scale)');
    const advisor = (
      await client.query<{ email: string; regions: string[] }>(
        `SELECT a.email, array_agg(ar.region_code ORDER BY ar.region_code) AS regions
           FROM advisors a JOIN advisor_regions ar ON ar.advisor_id = a.id
          WHERE a.role = 'ADVISOR' AND a.active
          GROUP BY a.id, a.email
         HAVING bool_or(ar.region_code = $1)
          ORDER BY count(*), a.email LIMIT 1`,
        [region],
      )
    ).rows[0];
    const manager = (
      await client.query<{ email: string }>(
        `SELECT email FROM advisors WHERE active AND role IN ('ANALYST', 'MANAGER', 'ADMIN')
          ORDER BY CASE role WHEN 'ANALYST' THEN 0 WHEN 'MANAGER' THEN 1 ELSE 2 END, email LIMIT 1`,
      )
    ).rows[0];
    if (!advisor || !manager) throw new Error(`no active ADVISOR of region ${region}, or no ANALYST/MANAGER/ADMIN`);
    const files = await client.query<{ id: string }>(
      `SELECT id FROM accompaniments WHERE region_code = ANY($1::varchar[]) AND status = 'OPEN' ORDER BY id LIMIT 2000`,
      [advisor.regions],
    );
    return {
      advisorEmail: advisor.email,
      advisorRegions: advisor.regions,
      listRegion: region,
      managerEmail: manager.email,
      fileIds: files.rows.map((row) => row.id),
    };
  });
}

async function postJson(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 500)}`);
  return { json: JSON.parse(text) as unknown, headers: response.headers };
}

/** The service on one Node.js version. */
interface Service extends NodeBinary {
  server: ServerProcess;
}

async function startService(node: NodeBinary, databaseUrl: string, secret: string): Promise<Service> {
  const port = await freePort();
  const server = await startServer({
    name: `service (Node.js ${node.version})`,
    command: node.binary,
    args: [join(ROOT, 'dist', 'src', 'main.js')],
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      AUTH_JWT_SECRET: secret,
      EXPOSE_STATEMENT_COUNT: 'true',
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      NODE_OPTIONS: SERVICE_NODE_OPTIONS,
    },
    baseUrl: `http://127.0.0.1:${port}`,
    ready: answersOk('/health/ready'),
  });
  return { ...node, server };
}

function ensurePostgraphile(): void {
  if (existsSync(join(POSTGRAPHILE_DIR, 'node_modules', 'postgraphile', 'dist', 'cli-run.js'))) return;
  say('installing PostGraphile and Node.js 22 for the comparison (bench/postgraphile, once)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: POSTGRAPHILE_DIR, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm ci in bench/postgraphile failed');
}

async function startPostgraphile(url: string): Promise<ServerProcess> {
  ensurePostgraphile();
  const port = await freePort();
  return startServer({
    name: 'PostGraphile',
    command: join(POSTGRAPHILE_DIR, 'node_modules', '.bin', 'node'),
    args: [
      join(POSTGRAPHILE_DIR, 'node_modules', 'postgraphile', 'dist', 'cli-run.js'),
      '--preset', 'postgraphile/presets/amber',
      '--connection', url,
      '--schema', 'public',
      '--host', '127.0.0.1',
      '--port', String(port),
    ],
    cwd: POSTGRAPHILE_DIR,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, GRAPHILE_ENV: 'production', NODE_ENV: 'production' },
    baseUrl: `http://127.0.0.1:${port}`,
    ready: answersOk('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    }),
  });
}

function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) {
    return `${path}: ${JSON.stringify(a)?.slice(0, 120)} ≠ ${JSON.stringify(b)?.slice(0, 120)}`;
  }
  if (a && typeof a === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b as object)]);
    for (const key of keys) {
      const difference = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      if (difference) return difference;
    }
    return null;
  }
  return a === b ? null : `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
}

const sameShape = (a: ListShape, b: ListShape) =>
  a.companyIds.join() === b.companyIds.join() && a.files === b.files && a.interactions === b.interactions;

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  const config = AppConfig.fromEnvironment();
  const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const problems: string[] = [];
  const servers: ServerProcess[] = [];
  // The Node.js binaries first (npm's node@24 installed if need be): a wrong --node fails before any data is made.
  const nodes = serviceNodes(options.nodes, { root: ROOT, quick: options.quick, say });
  const referenceNode = chooseReferenceNode(nodes.map((node) => node.version))!;
  say(options.quick ? `quick run: generating ${QUICK_SIZES.companies} companies in a scratch database…` : 'full run…');
  const db: BenchDatabase = options.quick ? await openQuickDatabase(config, QUICK_SIZES) : await openDataDatabase(config);
  try {
    const sizes = await dataSizes(db.url);
    if (!options.quick && sizes.companies! < 100_000) {
      say(`note: ${sizes.companies} companies only; the targets are set for 100,000 (npm run seed:scale)`);
    }
    const people = await choosePeople(db.url);
    const today = todayInQuebec();
    // The last complete fiscal year: the one that held the same day a year ago.
    const fiscalYear = fiscalYearOf(`${Number(today.slice(0, 4)) - 1}${today.slice(4, 7)}-01`);
    const fy = resolvePeriod({ fiscalYear }, today);
    const sinceDeployment = { from: DEPLOYMENT_DATE, to: today };

    const secret = randomBytes(32).toString('hex');
    const signing = config.with({ auth: { mode: 'secret', secret } });
    const advisorToken = await issueToken(signing, people.advisorEmail);
    const managerToken = await issueToken(signing, people.managerEmail);

    // The judged service first: each scenario measures the services in this order, one after the other.
    const ordered = [...nodes.filter((node) => node.version === referenceNode), ...nodes.filter((node) => node.version !== referenceNode)];
    const services: Service[] = [];
    for (const node of ordered) {
      say(`starting the service on Node.js ${node.version} (${node.binary}; NODE_ENV=production)…`);
      const started = await startService(node, db.url, secret);
      services.push(started);
      servers.push(started.server);
    }
    const judged = services[0]!;
    const service = judged.server;
    say(`the service runs on Node.js ${services.map((s) => s.version).join(' and ')}; the targets are judged on ${referenceNode}`);
    const sqlPort = await freePort();
    const sqlServer = await startServer({
      name: 'hand-written SQL server',
      command: process.execPath,
      args: [join(ROOT, 'dist', 'bench', 'sql-server.js'), String(sqlPort)],
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: db.url },
      baseUrl: `http://127.0.0.1:${sqlPort}`,
      ready: answersOk('/health'),
    });
    servers.push(sqlServer);
    let postgraphile: ServerProcess | null = null;
    if (options.postgraphile) {
      say('starting PostGraphile (Node.js 22 from bench/postgraphile)…');
      postgraphile = await startPostgraphile(db.url);
      servers.push(postgraphile);
    }

    const advisorHeaders = { authorization: `Bearer ${advisorToken}` };
    const managerHeaders = { authorization: `Bearer ${managerToken}` };
    const listVariables = (first: number) => ({ first, regionCodes: [people.listRegion] });
    const targets = {
      list: {
        service: (on: ServerProcess): Target => ({
          url: `${on.baseUrl}/graphql`,
          body: graphqlBody(BenchmarkAdvisorListDocument, listVariables(50)),
          headers: advisorHeaders,
        }),
        sql: {
          url: `${sqlServer.baseUrl}/advisor-list`,
          body: JSON.stringify({ first: 50, regionCodes: [people.listRegion], scope: people.advisorRegions }),
        },
        postgraphile: postgraphile && {
          url: `${postgraphile.baseUrl}/graphql`,
          body: graphqlBody(ADVISOR_LIST_POSTGRAPHILE, { first: 50, regionCode: people.listRegion }),
        },
      },
      counts: (period: { from: string; to: string }, form: Record<string, unknown>) => ({
        service: (on: ServerProcess): Target => ({
          url: `${on.baseUrl}/graphql`,
          body: graphqlBody(BenchmarkEmployerCountsDocument, { period: form }),
          headers: managerHeaders,
        }),
        sql: { url: `${sqlServer.baseUrl}/employer-counts`, body: JSON.stringify(period) },
        files: { url: `${sqlServer.baseUrl}/employer-counts-from-files`, body: JSON.stringify(period) },
      }),
      report: {
        service: {
          url: `${service.baseUrl}/graphql`,
          body: graphqlBody(BenchmarkRegionalReportDocument, { regionCode: '06', period: { fiscalYear } }),
          headers: managerHeaders,
        },
        sql: { url: `${sqlServer.baseUrl}/regional-report`, body: JSON.stringify({ ...fy, regionCode: '06' }) },
      },
    };
    const post = (target: Target) => postJson(target.url, target.body, target.headers);

    // Same answers before any timing, from every service process (each Node.js version): the SQL baseline must
    // produce each service's JSON, PostGraphile the same rows, the counts must agree everywhere.
    const sqlList = await post(targets.list.sql);
    let serviceList: unknown = null;
    for (const { version, server } of services) {
      const answer = (await post(targets.list.service(server))).json;
      serviceList ??= answer;
      const difference = firstDifference(answer, sqlList.json);
      if (difference) problems.push(`the hand-written SQL does not answer the JSON of the service on Node.js ${version} (${difference})`);
    }
    const shape = serviceListShape(serviceList);
    say(
      `advisor list (region ${people.listRegion}, ${people.advisorEmail}): ${shape.companyIds.length} companies, ` +
        `${shape.files} open files, ${shape.interactions} interactions`,
    );
    if (shape.companyIds.length !== 50 || shape.files === 0 || shape.interactions === 0) {
      problems.push(`the advisor list is too thin to mean anything (${JSON.stringify(shape)})`);
    }
    if (targets.list.postgraphile) {
      // PostGraphile pages by name_key: its answer must match the same SQL paged that way (same companies in the
      // same order, same numbers of open files and interactions).
      const pg = postgraphileListShape((await post(targets.list.postgraphile)).json);
      const expected = serviceListShape(
        (await postJson(targets.list.sql.url, JSON.stringify({ ...JSON.parse(targets.list.sql.body), order: 'nameKey' }))).json,
      );
      if (!sameShape(pg, expected)) {
        problems.push(`PostGraphile's list differs from the SQL paged by name_key: ${JSON.stringify(pg)} vs ${JSON.stringify(expected)}`);
      }
    }
    type CountsAnswer = { data?: { employerCountsByRegion: { byRegion: { region: { code: string }; employersAccompanied: number; newEmployers: number }[] } } };
    type CountsRows = { code: string; employers_accompanied: number; new_employers: number }[];
    for (const [form, period] of [[{ fiscalYear }, fy], [{ sinceDeployment: true }, sinceDeployment]] as const) {
      const counts = targets.counts(period, form);
      const asRows = (rows: CountsRows) => JSON.stringify(rows.map((r) => [r.code, r.employers_accompanied, r.new_employers]));
      const raw = asRows((await post(counts.sql)).json as CountsRows);
      if (asRows((await post(counts.files)).json as CountsRows) !== raw) {
        problems.push(`employer counts ${JSON.stringify(form)}: the raw SQL and the files disagree`);
      }
      for (const { version, server } of services) {
        const answer = (await post(counts.service(server))).json as CountsAnswer;
        const fromService = answer.data?.employerCountsByRegion.byRegion.map((r) => [r.region.code, r.employersAccompanied, r.newEmployers]);
        if (JSON.stringify(fromService) !== raw) {
          problems.push(`employer counts ${JSON.stringify(form)}: the service on Node.js ${version} and the raw SQL disagree`);
        }
      }
    }

    const statements: { pageSize: number; statements: number }[] = [];
    for (const pageSize of [10, 50, 200]) {
      const answer = await postJson(`${service.baseUrl}/graphql`, graphqlBody(BenchmarkAdvisorListDocument, listVariables(pageSize)), advisorHeaders);
      statements.push({ pageSize, statements: Number(answer.headers.get('x-sql-statements') ?? Number.NaN) });
    }
    say(`statements per advisor-list request: ${statements.map((s) => `${s.pageSize} → ${s.statements}`).join(', ')}`);
    if (!statements.every((s) => Number.isFinite(s.statements) && s.statements === statements[0]!.statements)) {
      problems.push(`statements per request differ with the page size: ${JSON.stringify(statements)}`);
    }

    const rows: ScenarioRow[] = [];
    const loadOptions: LoadOptions = { connections: options.connections, durationS: options.durationS, warmupS: options.warmupS };
    /** Loads one target; a service's row also gets its Node.js version and its CPU time per request. */
    const measure = async (scenario: string, target: string, what: Target, overrides: Partial<LoadOptions> = {}, on?: Service) => {
      const load = await runLoad(what, { ...loadOptions, ...overrides }, on && (() => on.server.cpuMs()));
      const figures: LatencyFigures = { requests: load.requests, throughput: load.throughput, p50: load.p50, p95: load.p95, p99: load.p99, errors: load.errors };
      const cpuMsPerRequest = load.cpuMs === null ? undefined : load.requests > 0 ? load.cpuMs / load.requests : null;
      rows.push({ scenario, target, node: on?.version, figures, cpuMsPerRequest });
      say(
        `${scenario.padEnd(34)} ${(on ? `${target}, Node.js ${on.version}` : target).padEnd(28)} ${figures.throughput.toFixed(1).padStart(8)} req/s  ` +
          `p50 ${figures.p50.toFixed(1)} ms  p95 ${figures.p95.toFixed(1)} ms  p99 ${figures.p99.toFixed(1)} ms  errors ${figures.errors}` +
          (cpuMsPerRequest ? `  CPU ${cpuMsPerRequest.toFixed(2)} ms/request` : ''),
      );
    };
    for (const on of services) await measure('advisor list', 'service', targets.list.service(on.server), {}, on);
    await measure('advisor list', 'hand-written SQL', targets.list.sql);
    if (targets.list.postgraphile) await measure('advisor list', 'PostGraphile', targets.list.postgraphile);
    for (const [scenario, form, period] of [
      ['employer counts, fiscal year', { fiscalYear }, fy],
      ['employer counts, since deployment', { sinceDeployment: true }, sinceDeployment],
    ] as const) {
      const counts = targets.counts(period, form);
      for (const on of services) await measure(scenario, 'service', counts.service(on.server), { connections: REPORT_CONNECTIONS }, on);
      await measure(scenario, 'raw SQL', counts.sql, { connections: REPORT_CONNECTIONS });
      // The same rule straight on the files (no rollup): slow, so a few requests on two connections suffice.
      await measure(scenario, 'SQL on the files, no rollup', counts.files, { connections: 2, warmupS: 0 });
    }
    // The report is not about the runtime: measured on the judged service only.
    await measure('regional report, Montréal', 'service', targets.report.service, { connections: REPORT_CONNECTIONS }, judged);
    await measure('regional report, Montréal', 'raw SQL', targets.report.sql, { connections: REPORT_CONNECTIONS });
    const peakRssKb = service.peakRssKb();
    for (const { version, server } of services) {
      const peak = server.peakRssKb();
      say(`peak RSS of the service on Node.js ${version}${server === service ? ' (judged)' : ''}: ${peak === null ? 'not measured' : `${(peak / 1024).toFixed(0)} MB`}`);
    }

    let importFigures: BenchResults['importFigures'];
    if (options.importRows > 0) {
      const file = join(tmpdir(), `crm-bench-companies-${process.pid}.csv`);
      writeCompaniesCsv(file, options.importRows);
      const url = await db.scratch(`crm_bench_import_${process.pid}`);
      say(`CSV import of ${options.importRows} companies into a fresh database…`);
      const started = performance.now();
      const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'src', 'cli', 'import-companies.cli.js'), file], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: url, LOG_LEVEL: 'warn' },
        encoding: 'utf8',
      });
      const seconds = (performance.now() - started) / 1000;
      const inserted = await withClient(url, async (client) => Number((await client.query('SELECT count(*) AS n FROM companies')).rows[0].n));
      if (result.status !== 0 || inserted !== options.importRows) {
        problems.push(`the CSV import failed or inserted ${inserted} of ${options.importRows} rows: ${result.stderr.slice(-500)}`);
      }
      importFigures = { rows: options.importRows, seconds };
      for (const leftover of [file, `${file}.errors.csv`]) rmSync(leftover, { force: true });
      say(`  ${inserted} companies in ${seconds.toFixed(1)} s`);
    }

    let soakFigures: BenchResults['soak'];
    if (options.soakS > 0) {
      const rate = Math.max(1, Math.round(serviceRow(rows, 'advisor list', referenceNode)!.figures.throughput));
      say(`soak: ${options.soakS} s of mixed reads and writes at ${rate} req/s…`);
      soakFigures = await soak(
        service,
        {
          durationS: options.soakS,
          rate,
          connections: options.connections,
          sampleEveryS: options.quick ? 1 : 10,
          advisorToken,
          managerToken,
          advisorRegion: people.listRegion,
          fiscalYear,
          fileIds: people.fileIds,
          today,
        },
        (s) => say(`  ${s.elapsedS.toFixed(0).padStart(4)} s  RSS ${s.rssMb.toFixed(0)} MB  ${s.requests} requests  ${s.errors} errors`),
      );
      const removed = await removeSoakRows(db.url);
      say(`  soak rows removed: ${removed.interactions} interactions, ${removed.companies} companies`);
    }

    const postgraphileVersion = options.postgraphile
      ? (JSON.parse(readFileSync(join(POSTGRAPHILE_DIR, 'node_modules', 'postgraphile', 'package.json'), 'utf8')) as { version: string }).version
      : null;
    const serverInfo = await withClient(db.url, async (client) => {
      const settings = await client.query<{ name: string; setting: string; unit: string | null }>(
        `SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'max_parallel_workers_per_gather')`,
      );
      return settings.rows.map((s) => `${s.name} ${s.setting}${s.unit ? ` × ${s.unit}` : ''}`).join(', ');
    });
    const cpu = cpus();
    const results: Omit<BenchResults, 'checks'> = {
      mode: options.quick ? 'quick' : 'full',
      referenceNode,
      startedAt,
      machine: [
        `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory (${(freemem() / 2 ** 30).toFixed(0)} GiB free at the end), Linux ${release()}`,
        `Node.js ${services.map((s) => s.version).join(' and ')} for the service (its targets judged on ${referenceNode}), ${process.version} for the SQL baseline and the load generator; PostGraphile ${postgraphileVersion ?? '(skipped)'} on Node.js 22 (bench/postgraphile)`,
        `PostgreSQL: ${serverInfo}`,
        'everything on the same machine: the load generator, the three servers and PostgreSQL share its cores',
      ],
      data: [
        `${n(sizes.companies)} companies, ${n(sizes.files)} accompaniment files (${n(sizes.open_files)} open), ${n(sizes.interactions)} interactions, ` +
          `${n(sizes.needs)} recruitment needs, ${n(sizes.participations)} event participations, ${n(sizes.referrals)} Portail referrals, ` +
          `${n(sizes.advisors)} advisors`,
        `database size ${(sizes.bytes! / 2 ** 20).toFixed(0)} MB`,
        `advisor list: region ${people.listRegion} (the largest), as an ADVISOR of ${people.advisorRegions.join(', ')}; counts and report as ${people.managerEmail.split('@')[0]}`,
        `fiscal year ${fiscalYear} (${fy.from} → ${fy.to}); since deployment ${sinceDeployment.from} → ${sinceDeployment.to}`,
      ],
      settings: [
        `autocannon, ${options.warmupS} s warm-up then ${options.durationS} s measured per scenario and target; ` +
          `${options.connections} connections for the advisor list, ${REPORT_CONNECTIONS} for the counts and the report ` +
          '(the files-only SQL: 2 connections, no warm-up)',
        `the service: NODE_ENV=production, NODE_OPTIONS=${SERVICE_NODE_OPTIONS} (as in the Dockerfile), EXPOSE_STATEMENT_COUNT=true, ` +
          'RATE_LIMIT_PER_MINUTE=0 (the load is one advisor), LOG_LEVEL=warn',
        `the service on each Node.js version (${services.map((s) => s.version).join(', ')}), one process each, started together: ` +
          'the advisor list and the employer counts measured on each in turn with the same load; the regional report, ' +
          `the peak RSS and the soak on Node.js ${referenceNode} only; CPU per request: user + system time of the ` +
          "service's process over the measured interval (/proc/<pid>/stat) divided by its requests",
        'latency percentiles: nearest rank over every response of the measured interval',
      ],
      rows,
      statements,
      importFigures,
      peakRssMb: peakRssKb === null ? null : peakRssKb / 1024,
      soak: soakFigures,
    };
    const report: BenchResults = { ...results, checks: judgeTargets(results) };
    const markdown = renderMarkdown(report);
    process.stdout.write(`\n${markdown}\n`);
    if (problems.length > 0) say(`\nPROBLEMS:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    if (options.write) {
      writeResults(markdown);
      say(`\nresults written to docs/benchmarks.md`);
    }
    const errors = rows.reduce((n, r) => n + r.figures.errors, 0) + (soakFigures?.errors ?? 0);
    if (options.quick && errors > 0) problems.push(`${errors} requests failed`);
    return problems.length > 0 ? 1 : 0;
  } finally {
    for (const server of servers.reverse()) await server.stop().catch(() => undefined);
    await db.close();
  }
}

function writeResults(markdown: string): void {
  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : `# Benchmarks\n\n${DOC_START}\n${DOC_END}\n`;
  const start = current.indexOf(DOC_START);
  const end = current.indexOf(DOC_END);
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start + DOC_START.length)}\n${markdown}\n${current.slice(end)}`
      : `${current.trimEnd()}\n\n${DOC_START}\n${markdown}\n${DOC_END}\n`;
  writeFileSync(DOC, next);
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    say(error instanceof ConfigurationError ? `invalid configuration — ${error.message}` : error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
