import { cleanField } from '../../../platform/text/clean-text.ts';
import { type DateParts, isRealDay, type ParsedDate, parseDate } from './date-parts.ts';

export type DateReason = 'empty' | 'format' | 'ambiguous' | 'impossible' | 'out_of_range';

export interface NormalizedDate {
  /** `YYYY-MM-DD`, or `null` with a reason. */
  readonly value: string | null;
  readonly reason?: DateReason;
}

export interface DateOptions {
  /** Dates after today (in `timeZone`) are out of range. Default: the current time. */
  readonly now?: Date;
  /** Years before this are out of range. Default 1900. */
  readonly minYear?: number;
  /** Zone in which a moment (ISO time with offset, `Date`) falls on a calendar day. Default Asia/Shanghai. */
  readonly timeZone?: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const iso = ({ year, month, day }: DateParts) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
const ordinal = ({ year, month, day }: DateParts) => year * 10_000 + month * 100 + day;

const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of `instant` in `timeZone` (formatters cached: they are costly to build). */
function dayIn(instant: Date, timeZone: string): DateParts {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const fields = format.formatToParts(instant);
  const get = (type: string) => Number(fields.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/**
 * Normalises a birthday or other calendar date to `YYYY-MM-DD`. Accepts `1990-05-20`, `1990/5/20`,
 * `1990.5.20`, `19900520`, `1990年5月20日`, `20/05/1990` (only when unambiguous), ISO date-times
 * (with an offset, the day in `timeZone`: `1990-05-19T16:00:00Z` is 20 May in Shanghai), Excel
 * serial numbers (`32983`) and `Date` objects. Rejects impossible days (30 Feb) and years before
 * `minYear` or days after today. Never throws; idempotent on `value`.
 */
export function normalizeDate(input: unknown, options: DateOptions = {}): NormalizedDate {
  const { now = new Date(), minYear = 1900, timeZone = 'Asia/Shanghai' } = options;
  const parsed = parseInput(input);
  if (parsed.kind !== 'parts' && parsed.kind !== 'instant') return { value: null, reason: parsed.kind };
  const day = parsed.kind === 'instant' ? dayIn(parsed.instant, timeZone) : parsed.parts;
  if (!isRealDay(day)) return { value: null, reason: 'impossible' };
  const inRange = day.year >= minYear && ordinal(day) <= ordinal(dayIn(now, timeZone));
  return inRange ? { value: iso(day) } : { value: null, reason: 'out_of_range' };
}

function parseInput(input: unknown): ParsedDate | { readonly kind: 'empty' } {
  const parsed = input instanceof Date ? ({ kind: 'instant', instant: input } as const) : parseText(input);
  return parsed.kind === 'instant' && Number.isNaN(parsed.instant.getTime()) ? { kind: 'format' } : parsed;
}

function parseText(input: unknown): ParsedDate | { readonly kind: 'empty' } {
  if (typeof input !== 'string' && typeof input !== 'number' && input !== null && input !== undefined) {
    return { kind: 'format' };
  }
  const text = cleanField(input);
  return text === null ? { kind: 'empty' } : parseDate(text);
}
