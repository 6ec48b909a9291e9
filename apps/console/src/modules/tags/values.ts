import type { TagValue, TagValueType } from '@cdp/protocol';

const TRUE = new Set(['true', '1', 'yes', '是']);
const FALSE = new Set(['false', '0', 'no', '否']);

/**
 * Text typed in a form as a value of the tag's type: booleans from true/false (是/否, 1/0), numbers
 * from decimal text, other types as trimmed text. Text that is no value of the type is kept as text,
 * so that the server names the field that is wrong; empty text is null.
 */
export function parseTagValue(text: string, valueType: TagValueType): TagValue | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (valueType === 'boolean') {
    const lower = trimmed.toLowerCase();
    if (TRUE.has(lower)) return true;
    if (FALSE.has(lower)) return false;
  }
  if (valueType === 'number' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed))
    return Number(trimmed);
  return trimmed;
}

/** A value as form text (the inverse of parseTagValue); null is empty text. */
export const valueText = (value: TagValue | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

/** A value for display: booleans through the given words (是/否), numbers localised, text as is. */
export function formatTagValue(
  value: TagValue,
  lang: string,
  booleans: { readonly yes: string; readonly no: string },
): string {
  if (typeof value === 'boolean') return value ? booleans.yes : booleans.no;
  if (typeof value === 'number')
    return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value);
  return value;
}

/**
 * The instant "as of" a picked day means: the end of that day, or undefined (= now) when the day has
 * not ended yet. `endOfDay` is the day's last millisecond in the browser's time zone.
 */
export function asOfInstant(endOfDay: Date | null | undefined, now: Date): string | undefined {
  if (!endOfDay || endOfDay.getTime() >= now.getTime()) return undefined;
  return endOfDay.toISOString();
}
