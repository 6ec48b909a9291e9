import ExcelJS from 'exceljs';
import { openFile } from './decode-text.ts';
import { noWorksheet } from './imports.errors.ts';
import { headerNames, type ReadOptions, type SourceRow } from './source-row.ts';

/**
 * A date cell as an ISO string without offset: Excel stores the wall-clock time the user typed, with
 * no zone (exceljs hands it over as that time in UTC). Midnight gives the date alone (`1990-03-05`),
 * other times `2024-03-05T14:30:00`, rounded to the second (serials are binary fractions).
 */
function localIso(date: Date): string {
  const iso = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** A cell's value as a plain value: rich text joined, formula results, hyperlink texts, dates as ISO. */
function cellValue(cell: unknown): unknown {
  if (cell === null || cell === undefined) return undefined;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : localIso(cell);
  if (typeof cell !== 'object') return cell;
  if ('richText' in cell && Array.isArray(cell.richText)) {
    return cell.richText.map((run: { text?: unknown }) => String(run.text ?? '')).join('');
  }
  if ('result' in cell) return cellValue(cell.result);
  if ('text' in cell) return cellValue(cell.text);
  return undefined; // errors (#N/A), formulas without a cached result
}

/**
 * Rows of the first worksheet of an XLSX workbook, streamed (exceljs' WorkbookReader), with the first
 * row as header. `rowNumber` is the sheet's row number. Empty cells are left out of the record and
 * rows without any value are skipped.
 */
export async function* readXlsx(path: string, options: ReadOptions = {}): AsyncGenerator<SourceRow> {
  const input = openFile(path, options);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell dates from numbers
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of workbook) {
      let headers: Array<string | false> | undefined;
      for await (const row of sheet) {
        const cells = (row.values as readonly unknown[]).slice(1).map(cellValue);
        if (headers === undefined) {
          headers = headerNames(cells);
          continue;
        }
        const record: Record<string, unknown> = {};
        headers.forEach((name, i) => {
          if (name !== false && cells[i] !== undefined && cells[i] !== '') record[name] = cells[i];
        });
        if (Object.keys(record).length > 0) yield { rowNumber: row.number, record };
      }
      return;
    }
    throw noWorksheet(path);
  } finally {
    input.destroy();
  }
}
