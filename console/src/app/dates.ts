/** Today in Québec (America/Toronto), as the API's YYYY-MM-DD. */
export function todayInQuebec(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The fiscal year (April 1 to March 31) holding a date: « 2024-2025 ». */
export function fiscalYearOf(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  const start = month >= 4 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** Fiscal years from the deployment's (2019-2020) to the current one, oldest first. */
export function fiscalYearsSinceDeployment(today = todayInQuebec()): string[] {
  const last = Number(fiscalYearOf(today).slice(0, 4));
  const years: string[] = [];
  for (let start = 2019; start <= last; start++) years.push(`${start}-${start + 1}`);
  return years;
}
