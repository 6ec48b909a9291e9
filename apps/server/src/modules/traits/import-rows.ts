import {
  DATE_TEXT,
  type ImportTagBody,
  type ImportTagResult,
  type TagValue,
  type TagValueType,
} from '@cdp/protocol';
import { parse } from 'csv-parse/sync';
import { type IdentifierType, identifierKey, normalizeIdentifier } from '../identity/index.ts';
import { importMissingColumns } from './traits.errors.ts';

export type Rejected = ImportTagResult['rejected'][number];

/** One uploaded row before identifiers are resolved; `row` as reported back. */
export interface UploadedRow {
  readonly row: number;
  readonly identifierType: string;
  readonly identifier: string;
  readonly value: unknown;
}

const COLUMNS = ['identifier_type', 'identifier', 'value'] as const;

/**
 * The rows of an upload. CSV: a header naming `identifier_type`, `identifier` and `value` (any order,
 * case-insensitive, a UTF-8 BOM allowed); row numbers count lines like a spreadsheet (header = 1).
 * A row without the three fields is rejected (`missing_column`), never dropped.
 */
export function uploadedRows(body: ImportTagBody): { rows: UploadedRow[]; rejected: Rejected[] } {
  if (body.rows) return { rows: body.rows.map((r, i) => ({ row: i + 1, ...r })), rejected: [] };
  const records = parse(body.csv ?? '', {
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const header = (records[0]?.record ?? []).map((h) => h.trim().toLowerCase());
  const index = COLUMNS.map((c) => header.indexOf(c));
  if (index.some((i) => i < 0)) throw importMissingColumns(COLUMNS.filter((_, i) => index[i] < 0));
  const rows: UploadedRow[] = [];
  const rejected: Rejected[] = [];
  for (const { record, info } of records.slice(1)) {
    const [type, identifier, value] = index.map((i) => record[i]?.trim());
    if (!type || !identifier || value === undefined || value === '')
      rejected.push({
        row: info.lines,
        reason: 'missing_column',
        identifierType: type ?? '',
        identifier: identifier ?? '',
      });
    else rows.push({ row: info.lines, identifierType: type, identifier, value });
  }
  return { rows, rejected };
}

const TRUE = new Set(['true', '1', 'yes', 'y', '是', '真']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', '假']);

/**
 * An uploaded value as a value of the tag's type, or null when it is not one: booleans also from
 * `true/false/1/0/yes/no/是/否`; numbers from decimal text; datetimes are ISO-8601 text; text is trimmed.
 */
export function parseTagValue(raw: unknown, valueType: TagValueType): TagValue | null {
  const text = typeof raw === 'string' ? raw.trim() : raw;
  switch (valueType) {
    case 'boolean':
      if (typeof text === 'boolean') return text;
      if (typeof text !== 'string' && typeof text !== 'number') return null;
      return TRUE.has(String(text).toLowerCase())
        ? true
        : FALSE.has(String(text).toLowerCase())
          ? false
          : null;
    case 'number': {
      if (typeof text === 'number') return Number.isFinite(text) ? text : null;
      if (typeof text !== 'string' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
      const n = Number(text);
      return Number.isFinite(n) ? n : null;
    }
    case 'datetime':
      return typeof text === 'string' && DATE_TEXT.test(text) ? text : null;
    case 'string':
      if (typeof text === 'number' || typeof text === 'boolean') return String(text);
      return typeof text === 'string' && text.length > 0 && text.length <= 200 ? text : null;
  }
}

/** A row ready to store: its identifier key, its typed value, and where it came from. */
export interface UsableRow {
  readonly key: string;
  readonly value: TagValue;
  readonly source: Pick<Rejected, 'row' | 'identifierType' | 'identifier'>;
}

/**
 * Normalises identifiers like incoming data (`138 0013 8000` → `phone:+8613800138000`) and reads
 * values as the tag's type; rows that fail either are added to `rejected` with the reason.
 */
export function normalizeRows(
  rows: readonly UploadedRow[],
  valueType: TagValueType,
  types: readonly IdentifierType[],
  rejected: Rejected[],
): UsableRow[] {
  const usable: UsableRow[] = [];
  for (const r of rows) {
    const source = { row: r.row, identifierType: r.identifierType, identifier: r.identifier };
    const normalized = normalizeIdentifier(r.identifierType, r.identifier, {
      definition: types.find((t) => t.name === r.identifierType),
    });
    const value = parseTagValue(r.value, valueType);
    if (!normalized.valid || normalized.value === null)
      rejected.push({ ...source, reason: 'invalid_identifier', detail: normalized.reason });
    else if (value === null)
      rejected.push({ ...source, reason: 'invalid_value', detail: `not a ${valueType} value` });
    else
      usable.push({ key: identifierKey({ type: r.identifierType, value: normalized.value }), value, source });
  }
  return usable;
}
