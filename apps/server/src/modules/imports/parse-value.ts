import { cleanField } from '../../platform/text/clean-text.ts';
import { normalizeDate } from '../profiles/index.ts';
import type { ValueType } from './import-mapping.ts';

/** A cleaned value, nothing (an empty cell), or why the cell could not be read. */
export type Read = { readonly value: unknown } | { readonly empty: true } | { readonly invalid: string };

export const EMPTY = { empty: true } as const;
/** Calendar dates of any type but birthday may lie in the future (a membership's end). */
const LATEST_DATE = new Date(Date.UTC(2199, 11, 31));

/** Money as exports write it: `1234.5`, `1,234.50`, `¥88`, `88元`, `RMB 88`, full-width digits. */
export function parseNumber(input: unknown): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  const text = cleanField(input)
    ?.replace(/^(?:[¥￥$€£]|rmb|cny)\s*|\s*(?:元|rmb|cny)$/gi, '')
    .replace(/^([+-]?)\s+/, '$1');
  if (!text || !/^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[+-]?\.\d+$/.test(text)) return null;
  return Number(text.replaceAll(',', ''));
}

const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ...['true', 't', 'yes', 'y', '1', '是', '真', '对', '有'].map((w) => [w, true] as const),
  ...['false', 'f', 'no', 'n', '0', '否', '假', '错', '无'].map((w) => [w, false] as const),
]);

export function parseBoolean(input: unknown): boolean | null {
  if (typeof input === 'boolean') return input;
  const text = cleanField(input);
  return text === null ? null : (BOOLEANS.get(text.toLowerCase()) ?? null);
}

const CURRENCY_ALIASES: ReadonlyMap<string, string> = new Map([
  ['RMB', 'CNY'],
  ['人民币', 'CNY'],
  ['元', 'CNY'],
  ['¥', 'CNY'],
  ['港币', 'HKD'],
  ['港元', 'HKD'],
  ['美元', 'USD'],
  ['$', 'USD'],
]);

/** An ISO 4217 code, upper-cased; `人民币`, `RMB`, `元` → `CNY`. */
export function parseCurrency(input: unknown): string | null {
  const text = cleanField(input)?.toUpperCase();
  if (!text) return null;
  const code = CURRENCY_ALIASES.get(text) ?? text;
  return /^[A-Z]{3}$/.test(code) ? code : null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Segment's `products`: an array of objects, given as such (JSONL) or as JSON text (CSV, XLSX). */
export function parseProducts(input: unknown): Array<Record<string, unknown>> | null {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return null;
    }
  }
  return Array.isArray(value) && value.every(isObject) ? value : null;
}

/** No value: null, undefined, or text that is blank once cleaned. */
export const isBlank = (raw: unknown) =>
  raw === null || raw === undefined || (typeof raw === 'string' && cleanField(raw) === null);

/**
 * Reads a cell as `type`; without a type, text is cleaned (`cleanField`) and other values (numbers
 * and booleans of JSONL and XLSX, JSON objects) are kept. Empty text is empty for every type.
 */
export function readValue(raw: unknown, type?: ValueType): Read {
  if (isBlank(raw)) return EMPTY;
  switch (type) {
    case undefined:
      return { value: typeof raw === 'string' ? cleanField(raw) : raw };
    case 'string': {
      const text = cleanField(raw);
      return text === null ? { invalid: 'type' } : { value: text };
    }
    case 'number': {
      const n = parseNumber(raw);
      return n === null ? { invalid: 'number' } : { value: n };
    }
    case 'boolean': {
      const b = parseBoolean(raw);
      return b === null ? { invalid: 'boolean' } : { value: b };
    }
    case 'date': {
      const date = normalizeDate(raw, { now: LATEST_DATE });
      return date.value === null ? { invalid: date.reason ?? 'format' } : { value: date.value };
    }
  }
}
