/** Calendar days as integers (days since 1970-01-01), which the generators add and compare cheaply. */

const MS_PER_DAY = 86_400_000;

export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY);
}

const cache = new Map<number, string>();

/** YYYY-MM-DD of a day number (memoized: the data has a few thousand distinct days). */
export function isoDate(day: number): string {
  let text = cache.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    cache.set(day, text);
  }
  return text;
}

/** A timestamp on that day at hour:minute, Eastern time, as PostgreSQL reads it. */
export function timestampOn(day: number, minuteOfDay: number): string {
  const hour = Math.floor(minuteOfDay / 60);
  const minute = minuteOfDay % 60;
  return `${isoDate(day)} ${hour < 10 ? '0' : ''}${hour}:${minute < 10 ? '0' : ''}${minute}:00-05`;
}

/** Calendar year of a day number. */
export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}
