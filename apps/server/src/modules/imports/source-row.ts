import { duplicateColumn } from './imports.errors.ts';

/** What is wrong with one row, and where: `column` is `''` when the whole row is at fault. */
export interface RowIssue {
  readonly column: string;
  /** A code from `RowIssueReason`, or `<trait>_<reason>` style codes of the normalisers. */
  readonly reason: string;
  /** Human-readable detail for the error report (the parser's message, the value's problem). */
  readonly detail?: string;
}

/** Codes of rows that are rejected; everything flagged but kept goes into the `data_quality` trait. */
export type RowIssueReason =
  | 'malformed_row'
  | 'invalid_json'
  | 'not_an_object'
  | 'missing_identifier'
  | 'missing_event'
  | 'missing_order_id'
  | 'missing_timestamp'
  | 'invalid_timestamp'
  | 'invalid_value'
  | 'invalid_message'
  | 'message_too_large'
  | 'conflict'
  | 'quarantined';

/**
 * One row of an import file. `rowNumber` is what a person sees: the 1-based line of the row's first
 * line in a CSV file (header = 1) or JSONL file, the row number in the XLSX sheet (header = 1).
 */
export type SourceRow =
  | { readonly rowNumber: number; readonly record: Record<string, unknown> }
  | { readonly rowNumber: number; readonly error: RowIssue; readonly raw?: string };

export type ImportFormat = 'csv' | 'jsonl' | 'xlsx';

export interface ReadOptions {
  /** Called as the file is read, with the bytes of the file read so far (read-ahead included). */
  readonly onBytesRead?: (bytesRead: number) => void;
}

export const rowIssue = (column: string, reason: RowIssueReason, detail?: string): RowIssue =>
  detail === undefined ? { column, reason } : { column, reason, detail };

/** Raw text kept in error reports is cut to this many characters. */
export const MAX_RAW_CHARS = 1000;

/**
 * Column names from a header row: invisible characters (a BOM Excel left in) removed and trimmed;
 * empty names give `false` (the column is skipped, like the empty columns Excel exports at the end).
 * A name given twice makes the file unreadable: which of the two a mapping means cannot be told.
 */
export function headerNames(cells: readonly unknown[]): Array<string | false> {
  const seen = new Set<string>();
  return cells.map((cell) => {
    const name = String(cell ?? '')
      .replace(/\p{Cf}/gu, '')
      .trim();
    if (name === '') return false;
    if (seen.has(name)) throw duplicateColumn(name);
    seen.add(name);
    return name;
  });
}
