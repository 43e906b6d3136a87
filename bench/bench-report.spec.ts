import { judgeTargets, percentile, renderMarkdown, soakRssGrowth, type BenchResults, type ScenarioRow, type SoakFigures } from './bench-report.js';

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
