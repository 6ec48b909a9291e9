import { cleanField } from '../../platform/text/clean-text.ts';
import type { EventField, ValueType } from './import-mapping.ts';
import { isBlank, parseCurrency, parseNumber, parseProducts, readValue } from './parse-value.ts';
import { type RowIssue, rowIssue } from './source-row.ts';

/** What the event columns of one row give: the event name and the track properties. */
export interface Properties {
  event?: string;
  readonly properties: Record<string, unknown>;
  readonly errors: RowIssue[];
}

export const newProperties = (): Properties => ({ properties: {}, errors: [] });

const MONEY: ReadonlySet<EventField> = new Set([
  'revenue',
  'total',
  'subtotal',
  'shipping',
  'tax',
  'discount',
]);

/** A field's value, `undefined` when empty, `null` when unreadable. */
function readField(field: EventField, raw: unknown): unknown {
  if (MONEY.has(field)) return parseNumber(raw);
  if (field === 'currency') return parseCurrency(raw);
  if (field === 'products') return parseProducts(raw);
  return typeof raw === 'string' || typeof raw === 'number' ? cleanField(raw) : null;
}

/**
 * One event field cell (not `timestamp`, read on its own): `event` names the event; money fields
 * become numbers (`¥1,234.50` → 1234.5), `currency` an ISO code, `products` an array of objects,
 * the rest text, all as Segment e-commerce properties. Unreadable money or products reject the row.
 */
export function putField(into: Properties, column: string, field: EventField, raw: unknown): void {
  if (isBlank(raw)) return;
  const value = readField(field, raw);
  if (value === null)
    into.errors.push(rowIssue(column, 'invalid_value', `${field}: cannot read ${JSON.stringify(raw)}`));
  else if (field === 'event') into.event = value as string;
  else into.properties[field] = value;
}

/** One custom property cell, read as `type` (see readValue); an unreadable value rejects the row. */
export function putProperty(
  into: Properties,
  column: string,
  name: string,
  raw: unknown,
  type?: ValueType,
): void {
  const read = readValue(raw, type);
  if ('invalid' in read)
    into.errors.push(rowIssue(column, 'invalid_value', `${name}: not a ${type} (${read.invalid})`));
  else if ('value' in read) into.properties[name] = read.value;
}
