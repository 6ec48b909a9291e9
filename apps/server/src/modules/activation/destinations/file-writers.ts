import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';

/**
 * Table writers for file exports: a header and streamed rows written to a path, with flat memory.
 * A row holds raw values; each format renders them its own way.
 */

export const FILE_FORMATS = ['csv', 'jsonl', 'xlsx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export const CONTENT_TYPE: Readonly<Record<FileFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface Table {
  readonly sheet: string;
  readonly header: readonly string[];
  readonly rows: AsyncIterable<readonly unknown[]>;
}

/** A spreadsheet cell: scalars as they are, lists joined by `|`, objects as JSON. */
export function cellText(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('|');
  return JSON.stringify(value) ?? '';
}

/** Excel refuses cells longer than this. */
const XLSX_CELL_MAX = 32_767;

/** Writes `table` to `path` in `format`; `created` dates the XLSX (the delivery's time, not the write's). */
export async function writeTable(
  format: FileFormat,
  path: string,
  table: Table,
  created: Date,
): Promise<void> {
  if (format === 'csv') {
    // the BOM makes Excel read UTF-8 (Chinese) correctly
    await pipeline(
      async function* () {
        yield table.header;
        for await (const row of table.rows) yield row.map(cellText);
      },
      stringify({ bom: true }),
      createWriteStream(path),
    );
    return;
  }
  if (format === 'jsonl') {
    await pipeline(async function* () {
      for await (const row of table.rows)
        yield `${JSON.stringify(Object.fromEntries(table.header.map((name, i) => [name, row[i] ?? null])))}\n`;
    }, createWriteStream(path));
    return;
  }
  await writeXlsx(path, table, created);
}

async function writeXlsx(path: string, table: Table, created: Date): Promise<void> {
  const stream = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream,
      useStyles: false,
      useSharedStrings: false,
    });
    workbook.created = created;
    workbook.modified = created;
    const sheet = workbook.addWorksheet(table.sheet);
    sheet.addRow([...table.header]).commit();
    let count = 0;
    for await (const row of table.rows) {
      sheet
        .addRow(
          row.map((value) => {
            const cell = cellText(value);
            return typeof cell === 'string' ? cell.slice(0, XLSX_CELL_MAX) : cell;
          }),
        )
        .commit();
      // let the zip stream drain now and then, so rows do not pile up in memory
      if (++count % 1_000 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    sheet.commit();
    await workbook.commit();
  };
  try {
    await Promise.race([write(), failed]);
  } finally {
    stream.destroy();
  }
}
