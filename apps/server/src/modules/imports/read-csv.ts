import { pipeline } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import { openText } from './decode-text.ts';
import { headerNames, MAX_RAW_CHARS, type ReadOptions, rowIssue, type SourceRow } from './source-row.ts';

/** A record longer than this is an error (an unclosed quote would otherwise swallow the file). */
const MAX_RECORD_CHARS = 1 << 20;

/** What the parser hands over, in file order: a record, or a record it skipped (pushed by `on_skip`). */
type Parsed =
  | { readonly record: string[]; readonly raw: string }
  | { readonly skipped: CsvError | undefined; readonly raw: string };

/**
 * Line breaks in raw record text. csv-parse leaves the `\n` of a CRLF record delimiter out of the raw
 * text (keeping the `\r`), so every `\r\n`, lone `\r` and lone `\n` is one break.
 */
const breaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;
const leadingBreaks = (raw: string) => breaks(/^[\r\n]*/.exec(raw)![0]);
const trimBreaks = (raw: string) => raw.replace(/^[\r\n]+|[\r\n]+$/g, '');

/**
 * Rows of a CSV file with a header row: RFC 4180 quoting and multi-line fields, a UTF-8 BOM, UTF-8
 * or GB18030 text, LF or CRLF. Blank lines and rows of empty fields are skipped. A row with the wrong
 * number of fields or broken quoting comes out as a `malformed_row` error and reading goes on (after
 * broken quoting, csv-parse may take the following lines into the same bad row). Row numbers are
 * counted from the raw text of every record, so they are the line each row starts on.
 */
export async function* readCsv(path: string, options: ReadOptions = {}): AsyncGenerator<SourceRow> {
  let lastSkip: CsvError | undefined;
  const parser = parse({
    bom: true,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    on_skip: (err, raw = '') => {
      // csv-parse repeats an oversized record's error for each chunk it drops: report it once.
      const repeated = err?.code === 'CSV_MAX_RECORD_SIZE' && lastSkip?.code === err.code;
      if (!repeated) parser.push({ skipped: err, raw } satisfies Parsed);
      lastSkip = err;
      return undefined;
    },
  });
  let headers: Array<string | false> | undefined;
  let line = 1;
  const rows: AsyncIterable<Parsed> = pipeline(openText(path, options), parser, () => {});
  for await (const parsed of rows) {
    const rowNumber = line + leadingBreaks(parsed.raw);
    line += breaks(parsed.raw);
    if ('skipped' in parsed) {
      // csv-parse's own line count is off for CRLF files: the row number says where.
      const detail = parsed.skipped?.message.replace(/ (?:on|at) line \d+/, '') ?? 'Unreadable row';
      const raw = trimBreaks(parsed.raw).slice(0, MAX_RAW_CHARS);
      yield { rowNumber, error: rowIssue('', 'malformed_row', detail), raw };
    } else if (headers === undefined) {
      headers = headerNames(parsed.record);
    } else if (parsed.record.some((field) => field !== '')) {
      const record: Record<string, string> = {};
      for (const [i, name] of headers.entries()) if (name !== false) record[name] = parsed.record[i]!;
      yield { rowNumber, record };
    }
  }
}
