export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** What the text says, before checking the calendar: parts, a moment in time, or why not. */
export type ParsedDate =
  | { readonly kind: 'parts'; readonly parts: DateParts }
  | { readonly kind: 'instant'; readonly instant: Date }
  | { readonly kind: 'ambiguous' }
  | { readonly kind: 'impossible' }
  | { readonly kind: 'format' };

/** `1990-05-20`, `1990/5/20`, `1990.5.20`, `1990年5月20日` (or `号`). */
const YMD = /^(\d{4}) ?[-/.年] ?(\d{1,2}) ?[-/.月] ?(\d{1,2}) ?[日号]?$/;
/** `19900520`. */
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** `20/05/1990` or `05/20/1990`: read only when one of the first two numbers is over 12. */
const DMY_OR_MDY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;
/** ISO 8601 date-time, with or without an offset. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)? ?(z|[+-]\d{2}:?\d{2})?$/i;
/** Excel 1900-system serial numbers, optionally with a time fraction. */
const EXCEL_SERIAL = /^(\d{5})(?:\.\d+)?$/;
/** Serial 0 of Excel's 1900 system (valid for serials after its phantom 1900-02-29, i.e. ≥ 61). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Whether the parts name a day of the proleptic Gregorian calendar (no 30 February). */
export function isRealDay({ year, month, day }: DateParts): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const parts = (year: string, month: string, day: string): ParsedDate => ({
  kind: 'parts',
  parts: { year: Number(year), month: Number(month), day: Number(day) },
});

/**
 * Reads the date formats found in Chinese retail exports from cleaned (NFKC, trimmed) text.
 * Excel serials must have five digits (≥ 10000, i.e. 1927-05-18 on): a four-digit number is far
 * more likely a year of birth than a date before 1927.
 */
export function parseDate(text: string): ParsedDate {
  let m = YMD.exec(text) ?? COMPACT.exec(text);
  if (m) return parts(m[1]!, m[2]!, m[3]!);
  m = DMY_OR_MDY.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 || a === b) return parts(m[3]!, m[2]!, m[1]!);
    if (b > 12) return parts(m[3]!, m[1]!, m[2]!);
    return { kind: 'ambiguous' };
  }
  m = DATE_TIME.exec(text);
  if (m) {
    const local = parts(m[1]!, m[2]!, m[3]!);
    if (!m[4] || (local.kind === 'parts' && !isRealDay(local.parts))) return local;
    const iso = text.replace(' ', 'T').replace(/ ?([+-]\d{2}):?(\d{2})$/, '$1:$2');
    return { kind: 'instant', instant: new Date(iso) };
  }
  m = EXCEL_SERIAL.exec(text);
  if (m) {
    const day = new Date(EXCEL_EPOCH + Number(m[1]) * DAY_MS); // a calendar day, not a moment
    return {
      kind: 'parts',
      parts: { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() },
    };
  }
  return { kind: 'format' };
}
