import { oneTypoApart } from './typo.ts';

/** Default day windows after the exact, swapped and typo levels. */
export const DEFAULT_DATE_DAYS: readonly number[] = [31, 366];

interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** Days since 1970-01-01. */
  readonly epochDay: number;
}

const DASH = 45;
const digit = (text: string, i: number) => text.charCodeAt(i) - 48;
const isDigits = (text: string, from: number, to: number) => {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) < 48 || text.charCodeAt(i) > 57) return false;
  return true;
};
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) =>
  m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`). */
function epochDayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return (
    era * 146_097 +
    yearOfEra * 365 +
    Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) +
    dayOfYear -
    719_468
  );
}

/**
 * `YYYY-MM-DD` → its parts; `null` when malformed or not a calendar date (`1990-02-30`). Parsed by
 * hand: matching parses millions of dates.
 */
export function parseIsoDate(value: string): DateParts | null {
  if (value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return null;
  if (!isDigits(value, 0, 4) || !isDigits(value, 5, 7) || !isDigits(value, 8, 10)) return null;
  const year = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const month = digit(value, 5) * 10 + digit(value, 6);
  const day = digit(value, 8) * 10 + digit(value, 9);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day, epochDay: epochDayOf(year, month, day) };
}

/** Levels: `exact`, `day_month_swapped`, `one_typo`, one per day window (ascending), `else`. */
export const dateLevels = (days: readonly number[]): readonly string[] => [
  'exact',
  'day_month_swapped',
  'one_typo',
  ...days.map((d) => `within_${d}_days`),
  'else',
];

/**
 * Compares two ISO dates: equal; day and month transposed (`1990-03-12` / `1990-12-03`, the
 * US-vs-rest confusion); one digit mistyped or two neighbours swapped; then within each window of
 * days. A value that is not a calendar date counts as missing (`null`).
 */
export function compareDate(a: string, b: string, days: readonly number[]): number | null {
  const x = parseIsoDate(a);
  const y = parseIsoDate(b);
  if (x === null || y === null) return null;
  if (a === b) return 0;
  if (x.year === y.year && x.month === y.day && x.day === y.month) return 1;
  if (oneTypoApart(a, b)) return 2;
  const distance = Math.abs(x.epochDay - y.epochDay);
  const window = days.findIndex((d) => distance <= d);
  return 3 + (window < 0 ? days.length : window);
}
