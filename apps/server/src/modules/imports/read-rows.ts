import { extname } from 'node:path';
import { unsupportedFormat } from './imports.errors.ts';
import { readCsv } from './read-csv.ts';
import { readJsonl } from './read-jsonl.ts';
import { readXlsx } from './read-xlsx.ts';
import type { ImportFormat, ReadOptions, SourceRow } from './source-row.ts';

const FORMAT_OF_EXTENSION: Readonly<Record<string, ImportFormat>> = {
  '.csv': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.xlsx': 'xlsx',
};

/** The format named by the file's extension (case-insensitive). */
export function formatOf(path: string): ImportFormat {
  const format = FORMAT_OF_EXTENSION[extname(path).toLowerCase()];
  if (!format) throw unsupportedFormat(path);
  return format;
}

/**
 * Streams the rows of an import file (CSV, JSON Lines or the first sheet of an XLSX workbook) with
 * flat memory: the next chunk is read only as rows are consumed. Unreadable rows come out as error
 * rows and reading goes on; an unreadable file (missing, not a workbook, a header naming a column
 * twice) throws while iterating.
 */
export function readRows(
  path: string,
  format: ImportFormat = formatOf(path),
  options: ReadOptions = {},
): AsyncIterable<SourceRow> {
  switch (format) {
    case 'csv':
      return readCsv(path, options);
    case 'jsonl':
      return readJsonl(path, options);
    case 'xlsx':
      return readXlsx(path, options);
  }
}
