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
  figures: LatencyFigures;
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
  startedAt: string;
  machine: string[];
  data: string[];
  settings: string[];
  rows: ScenarioRow[];
  statements: { pageSize: number; statements: number }[];
  importFigures?: { rows: number; seconds: number };
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

/** The issue's targets, judged on the figures of this run. Missing figures make a target unmet, never met. */
export function judgeTargets(results: Omit<BenchResults, 'checks'>): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const counts = results.statements.map((s) => s.statements);
  checks.push({
    target: 'advisor list: SQL statements per request identical for page sizes 10, 50, 200',
    measured: results.statements.map((s) => `${s.pageSize}: ${s.statements}`).join(', ') || 'not measured',
    met: counts.length === 3 && counts.every((n) => n === counts[0]),
  });
  const service = findRow(results.rows, 'advisor list', 'service');
  const sql = findRow(results.rows, 'advisor list', 'hand-written SQL');
  const postgraphile = findRow(results.rows, 'advisor list', 'PostGraphile');
  if (postgraphile) {
    const r = service ? ratio(service.figures.throughput, postgraphile.figures.throughput) : Number.NaN;
    checks.push({ target: 'advisor list: throughput ≥ 1.0× PostGraphile', measured: `${fixed(r, 2)}×`, met: r >= 1 });
  }
  const p50Ratio = service && sql ? ratio(service.figures.p50, sql.figures.p50) : Number.NaN;
  checks.push({ target: 'advisor list: p50 ≤ 1.3× hand-written SQL', measured: `${fixed(p50Ratio, 2)}×`, met: p50Ratio <= 1.3 });
  for (const scenario of ['employer counts, fiscal year', 'employer counts, since deployment']) {
    const own = findRow(results.rows, scenario, 'service');
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

/** The comparisons of each scenario, relative to its first row (the service). */
function scenarioTable(rows: ScenarioRow[]): string {
  const body = rows.map((row) => {
    const service = findRow(rows, row.scenario, 'service');
    const relative =
      service && row !== service
        ? `${fixed(ratio(service.figures.throughput, row.figures.throughput), 2)}× / ${fixed(ratio(service.figures.p50, row.figures.p50), 2)}×`
        : '';
    return [
      row.scenario,
      row.target,
      fixed(row.figures.throughput, 1),
      ms(row.figures.p50),
      ms(row.figures.p95),
      ms(row.figures.p99),
      String(row.figures.requests),
      String(row.figures.errors),
      relative,
    ];
  });
  return table(
    ['scenario', 'answered by', 'req/s', 'p50', 'p95', 'p99', 'requests', 'errors', 'service ÷ this (req/s / p50)'],
    body,
  );
}

export function renderMarkdown(results: BenchResults): string {
  const parts: string[] = [];
  parts.push(`Run of ${results.startedAt} (${results.mode === 'quick' ? '`--quick`' : 'full'}).`);
  parts.push(`**Machine**\n\n${results.machine.map((line) => `- ${line}`).join('\n')}`);
  parts.push(`**Data**\n\n${results.data.map((line) => `- ${line}`).join('\n')}`);
  parts.push(`**Load**\n\n${results.settings.map((line) => `- ${line}`).join('\n')}`);
  parts.push(`**Targets**\n\n${table(
    ['target', 'measured', 'verdict'],
    results.checks.map((check) => [check.target, check.measured, check.met ? 'met' : '**NOT MET**']),
  )}`);
  parts.push(`**Scenarios**\n\n${scenarioTable(results.rows)}`);
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
  parts.push(`**Service peak RSS**: ${results.peakRssMb === null ? 'not measured' : `${fixed(results.peakRssMb, 0)} MB`} (VmHWM).`);
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
