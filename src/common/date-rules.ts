import { BadUserInputError } from '../errors/domain.errors.js';
import { todayInQuebec } from './calendar.js';

/** Refuses a date after today (Québec time) on `field`. */
export function assertNotFuture(date: string, field: string): void {
  if (date > todayInQuebec()) throw BadUserInputError.field(field, 'field.futureDate');
}

/** Refuses a range (YYYY-MM-DD bounds) whose end precedes its start, blaming `<field>.to`. */
export function assertDateRange(range: { from: string; to: string } | null | undefined, field: string): void {
  if (range && range.to < range.from) throw BadUserInputError.field(`${field}.to`, 'field.rangeOrder');
}
