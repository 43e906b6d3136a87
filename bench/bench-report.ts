/** The benchmark's figures and how they are judged and printed (pure: no I/O). */

export interface LatencyFigures {
  requests: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

export interface ScenarioRow {
  scenario: string;
  /** Who answered: the service, the hand-written SQL, PostGraphile… */
  target: string;
  /** The service's rows: the Node.js version of the process that answered (`process.version`, e.g. v24.11.1). */
  node?: string;
  figures: LatencyFigures;
  /** CPU time (user + system) of the answering process per request of the measured interval, in ms. */
  cpuMsPerRequest?: number | null;
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

export interface SoakSample {
  elapsedS: number;
  rssMb: number;
  requests: number;
  errors: number;
}

export interface SoakFigures {
  durationS: number;
  rate: number;
  mix: string;
  requests: number;
  errors: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  samples: SoakSample[];
}

export interface BenchResults {
  mode: 'full' | 'quick';
  /** The Node.js version whose service rows the targets are judged on (rows without `node`: all of them). */
  referenceNode?: string;
  startedAt: string;
  machine: string[];
  data: string[];
  settings: string[];
  rows: ScenarioRow[];
  statements: { pageSize: number; statements: number }[];
  importFigures?: { rows: number; seconds: number };
  /** Peak RSS of the service judged (the one on the reference Node.js). */
  peakRssMb: number | null;
  soak?: SoakFigures;
  checks: TargetCheck[];
}

/** Nearest-rank percentile of sorted values (0 when empty). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.POSITIVE_INFINITY);

const fixed = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : '—';

export const ms = (value: number) => `${fixed(value, value < 10 ? 2 : 1)} ms`;

export function findRow(rows: ScenarioRow[], scenario: string, target: string): ScenarioRow | undefined {
  return rows.find((row) => row.scenario === scenario && row.target === target);
}

/** The service's row of a scenario on one Node.js version (undefined: the first service row, whatever its Node). */
export function serviceRow(rows: ScenarioRow[], scenario: string, node: string | undefined): ScenarioRow | undefined {
  return rows.find((row) => row.scenario === scenario && row.target === 'service' && (node === undefined || row.node === node));
}

/** The Node.js major the project is judged on (the Dockerfile's and CI's reference runtime). */
export const REFERENCE_NODE_MAJOR = 24;

export const majorOf = (version: string) => Number(/^v?(\d+)/.exec(version)?.[1] ?? Number.NaN);

/** Orders versions like `v20.20.2` numerically, part by part. */
function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.replace(/^v/, '').split('.').map(Number);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const difference = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The Node.js version the targets are judged on: the reference runtime (Node.js 24) when it ran, otherwise the
 * newest that ran (the report then says the reference was not measured).
 */
export function chooseReferenceNode(versions: string[]): string | undefined {
  return (
    versions.find((version) => majorOf(version) === REFERENCE_NODE_MAJOR) ??
    [...versions].sort(compareVersions).at(-1)
  );
}

/** One sentence: on which Node.js the targets are judged, and what is shown beside. */
export function judgedOn(results: Pick<BenchResults, 'referenceNode' | 'rows'>): string | null {
  const reference = results.referenceNode;
  if (!reference) return null;
  const others = [...new Set(results.rows.filter((r) => r.node && r.node !== reference).map((r) => r.node!))];
  const beside = others.length > 0 ? `; the service on Node.js ${others.join(', ')} is measured beside it, not judged` : '';
  return majorOf(reference) === REFERENCE_NODE_MAJOR
    ? `Targets judged on the service on Node.js ${reference}, the project's reference runtime${beside}.`
    : `**Node.js ${REFERENCE_NODE_MAJOR}, the project's reference runtime, was not measured**: targets judged on the service on Node.js ${reference}${beside}.`;
}

/** The issue's targets, judged on the figures of this run. Missing figures make a target unmet, never met. */
export function judgeTargets(results: Omit<BenchResults, 'checks'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const counts = results.statements.map((s) => s.statements);
  checks.push({
    target: 'advisor list: SQL statements per request identical for page sizes 10, 50, 200',
    measured: results.statements.map((s) => `${s.pageSize}: ${s.statements}`).join(', ') || 'not measured',
    met: counts.length === 3 && counts.every((n) => n === counts[0]),
  });
  const service = serviceRow(results.rows, 'advisor list', results.referenceNode);
  const sql = findRow(results.rows, 'advisor list', 'hand-written SQL');
  const postgraphile = findRow(results.rows, 'advisor list', 'PostGraphile');
  if (postgraphile) {
    const r = service ? ratio(service.figures.throughput, postgraphile.figures.throughput) : Number.NaN;
    checks.push({ target: 'advisor list: throughput ≥ 1.0× PostGraphile', measured: `${fixed(r, 2)}×`, met: r >= 1 });
  }
  const p50Ratio = service && sql ? ratio(service.figures.p50, sql.figures.p50) : Number.NaN;
  checks.push({ target: 'advisor list: p50 ≤ 1.3× hand-written SQL', measured: `${fixed(p50Ratio, 2)}×`, met: p50Ratio <= 1.3 });
  for (const scenario of ['employer counts, fiscal year', 'employer counts, since deployment']) {
    const own = serviceRow(results.rows, scenario, results.referenceNode);
    const raw = findRow(results.rows, scenario, 'raw SQL');
    checks.push({
      target: `${scenario}: p95 < 100 ms`,
      measured: own ? ms(own.figures.p95) : 'not measured',
      met: own !== undefined && own.figures.p95 < 100,
    });
    const r = own && raw ? ratio(own.figures.p50, raw.figures.p50) : Number.NaN;
    checks.push({ target: `${scenario}: p50 ≤ 1.1× raw SQL`, measured: `${fixed(r, 2)}×`, met: r <= 1.1 });
  }
  checks.push({
    target: 'service peak RSS under load < 300 MB',
    measured: results.peakRssMb === null ? 'not measured' : `${fixed(results.peakRssMb, 0)} MB`,
    met: results.peakRssMb !== null && results.peakRssMb < 300,
  });
  if (results.importFigures) {
    const { rows, seconds } = results.importFigures;
    const full = rows >= 100_000;
    checks.push({
      target: full ? 'CSV import of 100,000 companies < 15 s' : `CSV import of ${rows} companies (100,000 in a full run) < 15 s`,
      measured: `${fixed(seconds, 1)} s`,
      met: seconds < 15,
    });
  }
  const errors = results.rows.reduce((n, row) => n + row.figures.errors, 0);
  checks.push({ target: 'no error in any measured request', measured: String(errors), met: errors === 0 });
  if (results.soak) {
    checks.push({ target: 'soak: no error', measured: String(results.soak.errors), met: results.soak.errors === 0 });
    const flat = soakRssGrowth(results.soak);
    checks.push({
      target: 'soak: RSS flat (last fifth within 10 % of the first fifth after warm-up)',
      measured: flat === null ? 'not measured' : `${flat >= 0 ? '+' : ''}${fixed(flat * 100, 1)} %`,
      met: flat !== null && flat <= 0.1,
    });
  }
  return checks;
}

/** Relative growth of the soak's RSS: mean of its last fifth of samples against its first fifth. */
export function soakRssGrowth(soak: SoakFigures): number | null {
  const samples = soak.samples.filter((s) => s.rssMb > 0);
  if (samples.length < 5) return null;
  const fifth = Math.max(1, Math.floor(samples.length / 5));
  const mean = (part: SoakSample[]) => part.reduce((n, s) => n + s.rssMb, 0) / part.length;
  return mean(samples.slice(-fifth)) / mean(samples.slice(0, fifth)) - 1;
}

function table(header: string[], rows: string[][]): string {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

const cpu = (row: ScenarioRow) =>
  row.cpuMsPerRequest === undefined || row.cpuMsPerRequest === null ? '' : ms(row.cpuMsPerRequest);

const answeredBy = (row: ScenarioRow) => (row.node ? `${row.target}, Node.js ${row.node}` : row.target);

/** The comparisons of each scenario, relative to the judged service's row (the service on the reference Node.js). */
function scenarioTable(rows: ScenarioRow[], referenceNode: string | undefined): string {
  const body = rows.map((row) => {
    const service = serviceRow(rows, row.scenario, referenceNode);
    const relative =
      service && row !== service
        ? `${fixed(ratio(service.figures.throughput, row.figures.throughput), 2)}× / ${fixed(ratio(service.figures.p50, row.figures.p50), 2)}×`
        : '';
    return [
      row.scenario,
      answeredBy(row),
      fixed(row.figures.throughput, 1),
      ms(row.figures.p50),
      ms(row.figures.p95),
      ms(row.figures.p99),
      cpu(row),
      String(row.figures.requests),
      String(row.figures.errors),
      relative,
    ];
  });
  return table(
    ['scenario', 'answered by', 'req/s', 'p50', 'p95', 'p99', 'CPU per request', 'requests', 'errors', 'service ÷ this (req/s / p50)'],
    body,
  );
}

/** The service's rows side by side per Node.js version, relative to the reference (null: one version only). */
function nodeTable(rows: ScenarioRow[], referenceNode: string | undefined): string | null {
  const versionsOf = (scenario: string) => new Set(rows.filter((r) => r.scenario === scenario && r.target === 'service' && r.node).map((r) => r.node));
  // The scenarios measured on more than one version (the regional report runs on the judged service only).
  const services = rows.filter((row) => row.target === 'service' && row.node && versionsOf(row.scenario).size > 1);
  if (services.length === 0) return null;
  const body = services.map((row) => {
    const reference = serviceRow(rows, row.scenario, referenceNode);
    const cpuRatio =
      reference && row !== reference && row.cpuMsPerRequest && reference.cpuMsPerRequest
        ? `${fixed(ratio(row.cpuMsPerRequest, reference.cpuMsPerRequest), 2)}×`
        : '';
    const relative =
      reference && row !== reference
        ? `${fixed(ratio(row.figures.throughput, reference.figures.throughput), 2)}× / ${fixed(ratio(row.figures.p50, reference.figures.p50), 2)}× / ${cpuRatio || '—'}`
        : 'reference';
    return [row.scenario, row.node!, fixed(row.figures.throughput, 1), ms(row.figures.p50), ms(row.figures.p95), ms(row.figures.p99), cpu(row) || '—', relative];
  });
  return table(
    ['scenario', 'Node.js', 'req/s', 'p50', 'p95', 'p99', 'CPU per request', `this ÷ Node.js ${referenceNode ?? '?'} (req/s / p50 / CPU per request)`],
    body,
  );
}

export function renderMarkdown(results: BenchResults): string {
  const parts: string[] = [];
  parts.push(`Run of ${results.startedAt} (${results.mode === 'quick' ? '`--quick`' : 'full'}).`);
  parts.push(`**Machine**\n\n${results.machine.map((line) => `- ${line}`).join('\n')}`);
  parts.push(`**Data**\n\n${results.data.map((line) => `- ${line}`).join('\n')}`);
  parts.push(`**Load**\n\n${results.settings.map((line) => `- ${line}`).join('\n')}`);
  const judged = judgedOn(results);
  parts.push(`**Targets**${judged ? `\n\n${judged}` : ''}\n\n${table(
    ['target', 'measured', 'verdict'],
    results.checks.map((check) => [check.target, check.measured, check.met ? 'met' : '**NOT MET**']),
  )}`);
  parts.push(`**Scenarios**\n\n${scenarioTable(results.rows, results.referenceNode)}`);
  const nodes = nodeTable(results.rows, results.referenceNode);
  if (nodes) {
    parts.push(
      `**The service on each Node.js version** (same load, one after the other; CPU per request: user + system time of ` +
        `the service's process over the measured interval, /proc/<pid>/stat, divided by its requests)\n\n${nodes}`,
    );
  }
  parts.push(
    `**SQL statements per advisor-list request** (X-SQL-Statements, authentication included)\n\n${table(
      ['page size', 'statements'],
      results.statements.map((s) => [String(s.pageSize), String(s.statements)]),
    )}`,
  );
  if (results.importFigures) {
    parts.push(
      `**CSV import**: ${results.importFigures.rows} companies in ${fixed(results.importFigures.seconds, 1)} s ` +
        `(${fixed(results.importFigures.rows / results.importFigures.seconds, 0)} rows/s, whole command, fresh database).`,
    );
  }
  parts.push(
    `**Service peak RSS**${results.referenceNode ? ` (Node.js ${results.referenceNode})` : ''}: ` +
      `${results.peakRssMb === null ? 'not measured' : `${fixed(results.peakRssMb, 0)} MB`} (VmHWM).`,
  );
  if (results.soak) {
    const soak = results.soak;
    parts.push(
      `**Soak**: ${fixed(soak.durationS, 0)} s at ${fixed(soak.rate, 0)} req/s offered (${soak.mix}); ` +
        `${soak.requests} requests, ${fixed(soak.throughput, 1)} req/s answered, p50 ${ms(soak.p50)}, p95 ${ms(soak.p95)}, ` +
        `p99 ${ms(soak.p99)}, **${soak.errors} errors**.\n\n${table(
          ['elapsed', 'RSS', 'requests in the interval', 'errors in the interval'],
          soak.samples.map((s) => [`${fixed(s.elapsedS, 0)} s`, `${fixed(s.rssMb, 0)} MB`, String(s.requests), String(s.errors)]),
        )}`,
    );
  }
  return parts.join('\n\n');
}

/** The terminal's version: the same tables, which read well enough as text. */
export const renderText = renderMarkdown;
