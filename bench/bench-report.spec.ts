import {
  chooseReferenceNode,
  judgeTargets,
  percentile,
  renderMarkdown,
  soakRssGrowth,
  type BenchResults,
  type ScenarioRow,
  type SoakFigures,
} from './bench-report.js';

const figures = (throughput: number, p50: number, p95 = p50 * 2, errors = 0) => ({
  requests: Math.round(throughput * 10),
  throughput,
  p50,
  p95,
  p99: p95 * 1.5,
  errors,
});

const row = (scenario: string, target: string, f: ReturnType<typeof figures>): ScenarioRow => ({ scenario, target, figures: f });

function results(rows: ScenarioRow[], overrides: Partial<Omit<BenchResults, 'checks'>> = {}): Omit<BenchResults, 'checks'> {
  return {
    mode: 'full',
    startedAt: '2026-11-21T08:00:00Z',
    machine: ['2 cores'],
    data: ['100000 companies'],
    settings: ['8 connections'],
    rows,
    statements: [
      { pageSize: 10, statements: 6 },
      { pageSize: 50, statements: 6 },
      { pageSize: 200, statements: 6 },
    ],
    peakRssMb: 180,
    ...overrides,
  };
}

const verdict = (checks: ReturnType<typeof judgeTargets>, start: string) => checks.find((c) => c.target.startsWith(start))?.met;

describe('percentile (nearest rank)', () => {
  it('picks the value at the rank, from sorted values', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });
});

describe('judgeTargets', () => {
  const good = [
    row('advisor list', 'service', figures(200, 10)),
    row('advisor list', 'hand-written SQL', figures(220, 9)),
    row('advisor list', 'PostGraphile', figures(150, 14)),
    row('employer counts, fiscal year', 'service', figures(100, 20, 40)),
    row('employer counts, fiscal year', 'raw SQL', figures(105, 19, 38)),
    row('employer counts, since deployment', 'service', figures(100, 20, 40)),
    row('employer counts, since deployment', 'raw SQL', figures(105, 19, 38)),
  ];

  it('meets every target when the figures do', () => {
    const checks = judgeTargets(results(good, { importFigures: { rows: 100_000, seconds: 9 } }));
    expect(checks.filter((c) => !c.met)).toEqual([]);
    expect(checks.length).toBeGreaterThanOrEqual(10);
  });

  it('says plainly which target a slower service misses, and by how much', () => {
    const slow = good.map((r) => (r.target === 'service' ? row(r.scenario, r.target, figures(100, 30, 150)) : r));
    const checks = judgeTargets(results(slow, { peakRssMb: 320, importFigures: { rows: 100_000, seconds: 16 } }));
    expect(verdict(checks, 'advisor list: throughput')).toBe(false);
    expect(checks.find((c) => c.target.startsWith('advisor list: p50'))).toEqual(
      expect.objectContaining({ met: false, measured: '3.33×' }),
    );
    expect(verdict(checks, 'employer counts, fiscal year: p95')).toBe(false);
    expect(verdict(checks, 'employer counts, fiscal year: p50')).toBe(false);
    expect(verdict(checks, 'service peak RSS')).toBe(false);
    expect(verdict(checks, 'CSV import')).toBe(false);
  });

  it('fails the statement target when a page size sends more statements, and never passes what was not measured', () => {
    const checks = judgeTargets(
      results(good.filter((r) => r.target !== 'raw SQL'), {
        statements: [
          { pageSize: 10, statements: 6 },
          { pageSize: 50, statements: 6 },
          { pageSize: 200, statements: 7 },
        ],
        peakRssMb: null,
      }),
    );
    expect(verdict(checks, 'advisor list: SQL statements')).toBe(false);
    expect(verdict(checks, 'employer counts, fiscal year: p50')).toBe(false);
    expect(verdict(checks, 'service peak RSS')).toBe(false);
  });

  it('counts errors of any request against the run', () => {
    const withErrors = [...good, row('regional report, Montréal', 'service', figures(50, 30, 60, 3))];
    expect(verdict(judgeTargets(results(withErrors)), 'no error')).toBe(false);
  });
});

describe('soak', () => {
  const soak = (rss: number[], errors = 0): SoakFigures => ({
    durationS: 300,
    rate: 100,
    mix: 'mix',
    requests: 30_000,
    errors,
    throughput: 100,
    p50: 10,
    p95: 20,
    p99: 30,
    samples: rss.map((rssMb, i) => ({ elapsedS: (i + 1) * 10, rssMb, requests: 1000, errors: 0 })),
  });

  it('measures RSS growth from the first fifth of the samples to the last', () => {
    expect(soakRssGrowth(soak([200, 200, 210, 205, 200, 210, 200, 200, 210, 200]))).toBeCloseTo(0.025, 5);
    expect(soakRssGrowth(soak([100, 100, 150, 200, 250, 300, 350, 400, 450, 500]))).toBeCloseTo(3.75, 5);
    expect(soakRssGrowth(soak([100, 100]))).toBeNull();
  });

  it('judges errors and a growing RSS, and renders the samples', () => {
    const checks = judgeTargets(results([], { soak: soak([100, 100, 150, 200, 250, 300, 350, 400, 450, 500], 2) }));
    expect(verdict(checks, 'soak: no error')).toBe(false);
    expect(verdict(checks, 'soak: RSS flat')).toBe(false);
    const markdown = renderMarkdown({ ...results([]), checks, soak: soak([100, 100, 100, 100, 100]) });
    expect(markdown).toContain('| 50 s | 100 MB | 1000 | 0 |');
    expect(markdown).toContain('**NOT MET**');
  });
});

describe('the service on several Node.js versions', () => {
  const on = (node: string, r: ScenarioRow, cpuMsPerRequest: number | null = null): ScenarioRow => ({ ...r, node, cpuMsPerRequest });
  const fast = figures(200, 10);
  const slow = figures(120, 16, 40);
  const measured = (v24: ReturnType<typeof figures>, v20: ReturnType<typeof figures>) => [
    on('v24.11.1', row('advisor list', 'service', v24), 6.2),
    on('v20.20.2', row('advisor list', 'service', v20), 9.3),
    row('advisor list', 'hand-written SQL', figures(220, 9)),
    row('advisor list', 'PostGraphile', figures(150, 14)),
    on('v24.11.1', row('employer counts, fiscal year', 'service', figures(100, 20, 40)), 2),
    on('v20.20.2', row('employer counts, fiscal year', 'service', figures(90, 30, 150)), 2.5),
    row('employer counts, fiscal year', 'raw SQL', figures(105, 19, 38)),
    on('v24.11.1', row('regional report, Montréal', 'service', figures(15, 120)), 3),
  ];

  it('judges the reference runtime, Node.js 24, when it ran; otherwise the newest version that ran', () => {
    expect(chooseReferenceNode(['v20.20.2', 'v24.11.1'])).toBe('v24.11.1');
    expect(chooseReferenceNode(['v24.11.1', 'v20.20.2'])).toBe('v24.11.1');
    expect(chooseReferenceNode(['v20.20.2', 'v22.9.0', 'v22.10.0'])).toBe('v22.10.0');
    expect(chooseReferenceNode(['v20.20.2'])).toBe('v20.20.2');
    expect(chooseReferenceNode([])).toBeUndefined();
  });

  it("judges the targets on the reference Node.js's rows only, the other version's shown beside", () => {
    const onFast = judgeTargets(results(measured(fast, slow), { referenceNode: 'v24.11.1' }));
    expect(onFast.find((c) => c.target.startsWith('advisor list: throughput'))).toEqual(expect.objectContaining({ met: true, measured: '1.33×' }));
    expect(verdict(onFast, 'advisor list: p50')).toBe(true);
    expect(verdict(onFast, 'employer counts, fiscal year: p95')).toBe(true);
    // The same figures with the versions swapped: Node.js 24 is now the slow one, and the verdicts follow it.
    const onSlow = judgeTargets(results(measured(slow, fast), { referenceNode: 'v24.11.1' }));
    expect(onSlow.find((c) => c.target.startsWith('advisor list: throughput'))).toEqual(expect.objectContaining({ met: false, measured: '0.80×' }));
    expect(verdict(onSlow, 'advisor list: p50')).toBe(false);
    // Errors count on every version, judged or not.
    const errorsOnNode20 = measured(fast, figures(120, 16, 40, 4));
    expect(judgeTargets(results(errorsOnNode20, { referenceNode: 'v24.11.1' })).find((c) => c.target.startsWith('no error'))).toEqual(
      expect.objectContaining({ met: false, measured: '4' }),
    );
  });

  it('renders a row per Node.js version with its CPU per request, and the comparison to the reference', () => {
    const base = results(measured(fast, slow), { referenceNode: 'v24.11.1' });
    const markdown = renderMarkdown({ ...base, checks: judgeTargets(base) });
    expect(markdown).toContain(
      "Targets judged on the service on Node.js v24.11.1, the project's reference runtime; the service on Node.js v20.20.2 is measured beside it, not judged.",
    );
    // Scenarios: each service row names its Node.js; the ratios are relative to the judged service.
    expect(markdown).toContain('| advisor list | service, Node.js v24.11.1 | 200.0 | 10.0 ms | 20.0 ms | 30.0 ms | 6.20 ms | 2000 | 0 |  |');
    expect(markdown).toContain('| advisor list | service, Node.js v20.20.2 | 120.0 | 16.0 ms | 40.0 ms | 60.0 ms | 9.30 ms | 1200 | 0 | 1.67× / 0.63× |');
    expect(markdown).toContain('| advisor list | hand-written SQL | 220.0 | 9.00 ms | 18.0 ms | 27.0 ms |  | 2200 | 0 | 0.91× / 1.11× |');
    // The versions side by side: Node.js 20 ÷ Node.js 24 for throughput, p50 and CPU per request.
    expect(markdown).toContain('**The service on each Node.js version**');
    expect(markdown).toContain('| advisor list | v24.11.1 | 200.0 | 10.0 ms | 20.0 ms | 30.0 ms | 6.20 ms | reference |');
    expect(markdown).toContain('| advisor list | v20.20.2 | 120.0 | 16.0 ms | 40.0 ms | 60.0 ms | 9.30 ms | 0.60× / 1.60× / 1.50× |');
    expect(markdown).toContain('| employer counts, fiscal year | v20.20.2 | 90.0 | 30.0 ms | 150.0 ms | 225.0 ms | 2.50 ms | 0.90× / 1.50× / 1.25× |');
    // The regional report ran on the judged service only: a scenario row, not a comparison.
    expect(markdown).toContain('| regional report, Montréal | service, Node.js v24.11.1 | 15.0 | 120.0 ms |');
    expect(markdown).not.toContain('| regional report, Montréal | v24.11.1 |');
    expect(markdown).toContain('**Service peak RSS** (Node.js v24.11.1): 180 MB');
  });

  it('says plainly when Node.js 24 was not measured, and shows no comparison table for a single version', () => {
    const rows = measured(fast, slow).filter((r) => r.node !== 'v24.11.1');
    const base = results(rows, { referenceNode: 'v20.20.2' });
    const markdown = renderMarkdown({ ...base, checks: judgeTargets(base) });
    expect(markdown).toContain("**Node.js 24, the project's reference runtime, was not measured**: targets judged on the service on Node.js v20.20.2.");
    expect(markdown).not.toContain('**The service on each Node.js version**');
    expect(judgeTargets(base).find((c) => c.target.startsWith('advisor list: throughput'))?.measured).toBe('0.80×');
  });
});
