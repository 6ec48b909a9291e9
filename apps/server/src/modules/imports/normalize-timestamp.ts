import { cleanField } from '../../platform/text/clean-text.ts';
import { normalizeDate } from '../profiles/index.ts';

export type NormalizedTimestamp =
  | { readonly value: string }
  | { readonly value: null; readonly reason: string };

const DAY_MS = 86_400_000;
/** A date, a separator (`T`, spaces, or none after `日`), a time, an optional UTC offset. */
const DATE_TIME =
  /^(.+?)(?:T|\s+|(?<=[日号]))(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:[.,](\d{1,9}))?秒?)?\s*(z|[+-]\d{2}:?\d{2})?$/i;
/** `20240305143000`. */
const COMPACT = /^(\d{8})(\d{2})(\d{2})(\d{2})$/;
/** Unix time in seconds or milliseconds (ERP and app exports). */
const EPOCH = /^\d{10}(?:\d{3})?$/;
/** Excel serial with a time fraction (five digits: from 1927 on). */
const EXCEL = /^(\d{5})(\.\d+)?$/;

const offsetMs = (offset: string) => {
  if (/^z$/i.test(offset)) return 0;
  const [, sign, hh, mm] = /^([+-])(\d{2}):?(\d{2})$/.exec(offset)!;
  return (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm)) * 60_000;
};

/** An instant as ISO 8601 UTC, or out of range: before 1900 or more than a day ahead of now. */
function instant(ms: number, now: Date): NormalizedTimestamp {
  if (Number.isNaN(ms)) return { value: null, reason: 'impossible' };
  const inRange = ms >= Date.UTC(1900, 0, 1) && ms <= now.getTime() + DAY_MS;
  return inRange ? { value: new Date(ms).toISOString() } : { value: null, reason: 'out_of_range' };
}

/** The day of `dateText` (via normalizeDate) at `timeMs` past its midnight, at `offset` from UTC. */
function localTime(dateText: string, timeMs: number, offset: string, now: Date): NormalizedTimestamp {
  // The day may be tomorrow in UTC terms; `instant` then checks the time itself.
  const day = normalizeDate(dateText, { now: new Date(now.getTime() + DAY_MS), timeZone: 'UTC' });
  if (day.value === null) return { value: null, reason: day.reason ?? 'format' };
  return instant(Date.parse(`${day.value}T00:00:00Z`) + timeMs - offsetMs(offset), now);
}

/**
 * Normalises the time of an imported event to ISO 8601 UTC. Reads what normalizeDate reads
 * (`2024-03-05`, `2024/3/5`, `2024年3月5日`, `20240305`, Excel serials) followed by an optional time
 * (`14:30`, `14:30:15.250`, `14时30分15秒`), ISO 8601 with or without offset, Excel serials with a
 * time fraction, `20240305143000` and Unix seconds or milliseconds. Times without an offset are
 * wall-clock times at `utcOffset` (`+08:00`). Dates without a time are midnight. Never throws.
 */
export function normalizeTimestamp(
  input: unknown,
  utcOffset = '+08:00',
  now = new Date(),
): NormalizedTimestamp {
  if (input instanceof Date) return instant(input.getTime(), now);
  const text = cleanField(input);
  if (text === null) return { value: null, reason: 'empty' };
  if (EPOCH.test(text)) return instant(Number(text) * (text.length === 10 ? 1000 : 1), now);
  const excel = EXCEL.exec(text);
  if (excel)
    return localTime(excel[1]!, Math.round(Number(`0${excel[2] ?? ''}`) * 86_400) * 1000, utcOffset, now);
  const m = DATE_TIME.exec(text) ?? COMPACT.exec(text);
  if (!m) return localTime(text, 0, utcOffset, now);
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return { value: null, reason: 'impossible' };
  const ms = Number(`0.${m[5] ?? 0}`) * 1000;
  return localTime(m[1]!, ((h * 60 + min) * 60 + s) * 1000 + Math.round(ms), m[6] ?? utcOffset, now);
}
