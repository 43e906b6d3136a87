import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJs,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { intlTag } from '../i18n/i18n';
import { currentLocale } from '../i18n/locale';

// Only what the console draws (bars and lines): Chart.js is tree-shaken to these, in the lazily loaded pages only.
ChartJs.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export const PALETTE = ['#095797', '#1e7b4c', '#8c3b0b', '#6b3fa0', '#4e5662'];

export interface Series {
  label: string;
  values: number[];
}

/**
 * A bar or line chart drawn on a canvas. The canvas is an image for assistive technologies (role="img" with
 * its title): every chart of the console has a data table beside it with the same figures.
 */
export function Chart({ type, title, labels, series, horizontal = false, height = 280 }: { type: 'bar' | 'line'; title: string; labels: string[]; series: Series[]; horizontal?: boolean; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const config: ChartConfiguration<'bar' | 'line'> = {
      type,
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.values,
          backgroundColor: PALETTE[i % PALETTE.length],
          borderColor: PALETTE[i % PALETTE.length],
          borderWidth: type === 'line' ? 2 : 0,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: intlTag(currentLocale()),
        indexAxis: horizontal ? 'y' : 'x',
        plugins: { legend: { display: series.length > 1, position: 'bottom' } },
        scales: { [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    };
    const chart = new ChartJs(canvas.current, config);
    return () => chart.destroy();
  }, [type, labels, series, horizontal]);
  return (
    <figure className="chart" data-height={height}>
      <div className={`chart-canvas chart-canvas--${height}`}>
        <canvas ref={canvas} role="img" aria-label={title} />
      </div>
    </figure>
  );
}

/** The figures of a chart as a table: a row per label, a column per series. */
export function ChartTable({ caption, labels, series, rowHeader, format }: { caption: string; labels: string[]; series: Series[]; rowHeader: string; format: (n: number) => string }) {
  return (
    <table className="data-table chart-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {series.map((s) => <th key={s.label} scope="col" className="num">{s.label}</th>)}
        </tr>
      </thead>
      <tbody>
        {labels.map((label, row) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {series.map((s) => <td key={s.label} className="num">{format(s.values[row] ?? 0)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
