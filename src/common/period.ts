import { BadUserInputError } from '../errors/domain.errors.js';

/** The regional deployment's start ("since the deployment", docs/domain.md, Counting employers). */
export const DEPLOYMENT_DATE = '2019-08-01';

/** The period forms of `PeriodInput` (docs/domain.md, Counting employers). */
export interface PeriodForms {
  fiscalYear?: string | null;
  from?: string | null;
  to?: string | null;
  sinceDeployment?: boolean | null;
}

export interface Period {
  from: string;
  /** Inclusive. */
  to: string;
  /** The fiscal year when the period is exactly one ("2020-2021"). */
  fiscalYear: string | null;
}

const FISCAL_YEAR = /^(\d{4})-(\d{4})$/;

/** "2020-2021" → 2020-04-01 .. 2021-03-31; null when the label is not Y-(Y+1) with Y from 1000 to 9998. */
export function fiscalYearBounds(label: string): { from: string; to: string } | null {
  const match = FISCAL_YEAR.exec(label);
  if (!match || Number(match[1]) < 1000 || Number(match[2]) !== Number(match[1]) + 1) return null;
  return { from: `${match[1]}-04-01`, to: `${match[2]}-03-31` };
}

/** The fiscal year a date falls in: 2021-03-31 → "2020-2021", 2021-04-01 → "2021-2022". */
export function fiscalYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '04-01' ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** Every fiscal year from the deployment's (2019-2020) to the one `today` falls in. */
export function fiscalYearsSinceDeployment(today: string): string[] {
  const first = Number(fiscalYearOf(DEPLOYMENT_DATE).slice(0, 4));
  const last = Number(fiscalYearOf(today).slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => `${first + i}-${first + i + 1}`);
}

/**
 * Resolves a PeriodInput: exactly one of `fiscalYear`, `from`+`to` (from ≤ to, inclusive) or
 * `sinceDeployment: true` (2019-08-01 → today). Anything else is BAD_USER_INPUT on `field` or its sub-field.
 */
export function resolvePeriod(period: PeriodForms, today: string, field = 'period'): Period {
  const hasFiscalYear = period.fiscalYear !== undefined && period.fiscalYear !== null;
  const hasRange = Boolean(period.from || period.to);
  const forms = [hasFiscalYear, hasRange, period.sinceDeployment === true].filter(Boolean).length;
  if (forms !== 1) throw BadUserInputError.field(field, 'field.period');
  if (hasFiscalYear) {
    const bounds = fiscalYearBounds(period.fiscalYear!);
    if (!bounds) throw BadUserInputError.field(`${field}.fiscalYear`, 'field.fiscalYear');
    return { ...bounds, fiscalYear: period.fiscalYear! };
  }
  if (hasRange) {
    if (!period.from) throw BadUserInputError.field(`${field}.from`, 'field.required');
    if (!period.to) throw BadUserInputError.field(`${field}.to`, 'field.required');
    if (period.to < period.from) throw BadUserInputError.field(`${field}.to`, 'field.rangeOrder');
    return { from: period.from, to: period.to, fiscalYear: null };
  }
  return { from: DEPLOYMENT_DATE, to: today, fiscalYear: null };
}
