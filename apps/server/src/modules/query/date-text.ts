import { DATE_TEXT } from '@cdp/protocol';
import { instantOfWallClock, type LocalDate, localDateOf } from './local-time.ts';

/**
 * Dates stored as JSON strings (traits, event properties, tag values). A string is a date when it
 * matches `DATE_TEXT` (strict ISO-8601, valid calendar day); without an offset it is a local time in the
 * evaluation's time zone. The SQL and JS forms below are the same regular expressions.
 */
export const SQL_DATE_TEXT = DATE_TEXT.source;
const HAS_OFFSET = /^.{10}[T ][^Z+-]*[Z+-]/;
export const SQL_HAS_OFFSET = HAS_OFFSET.source;

const PARTS =
  /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,6}))?)?(Z|([+-])(\d\d)(?::?(\d\d))?)?)?$/;

/** Whether a JSON value is a date string. */
export function isDateText(value: unknown): value is string {
  return typeof value === 'string' && DATE_TEXT.test(value);
}

/** The local date of a date string: its own date without an offset, else the date in `timeZone`. */
export function localDateOfText(text: string, timeZone: string): LocalDate {
  return HAS_OFFSET.test(text)
    ? localDateOf(Math.floor(instantOfText(text, timeZone) / 1000), timeZone)
    : text.slice(0, 10);
}

/** The instant of a date string in epoch microseconds (PostgreSQL's precision). */
export function instantOfText(text: string, timeZone: string): number {
  const m = PARTS.exec(text);
  if (!m) throw new Error(`not a date: ${text}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone, sign, oh, om = '0'] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const micros = Number(fraction.padEnd(6, '0') || '0');
  if (zone === undefined) return instantOfWallClock(wall, timeZone) * 1000 + micros;
  const offset = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 3600 + Number(om) * 60) * 1000;
  return (wall - offset) * 1000 + micros;
}
