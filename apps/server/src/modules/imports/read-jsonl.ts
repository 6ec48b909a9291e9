import { StringDecoder } from 'node:string_decoder';
import { openText } from './decode-text.ts';
import { MAX_RAW_CHARS, type ReadOptions, rowIssue, type SourceRow } from './source-row.ts';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function parseLine(text: string, rowNumber: number): SourceRow | null {
  if (text.trim() === '') return null;
  const raw = text.slice(0, MAX_RAW_CHARS);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { rowNumber, error: rowIssue('', 'invalid_json', (err as Error).message), raw };
  }
  return isRecord(value)
    ? { rowNumber, record: value }
    : { rowNumber, error: rowIssue('', 'not_an_object', 'Each line must hold one JSON object'), raw };
}

/**
 * Rows of a JSON Lines file (one JSON object per line; `\n` or `\r\n`; UTF-8 or GB18030; a BOM is
 * ignored). Blank lines are skipped; a line that is no JSON object is an error row and reading goes on.
 */
export async function* readJsonl(path: string, options: ReadOptions = {}): AsyncGenerator<SourceRow> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let lineNumber = 0;
  const next = (line: string) => {
    lineNumber++;
    const text = lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line;
    return parseLine(text.endsWith('\r') ? text.slice(0, -1) : text, lineNumber);
  };
  for await (const chunk of openText(path, options)) {
    const lines = (rest + decoder.write(chunk as Buffer)).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      const row = next(line);
      if (row) yield row;
    }
  }
  const last = next(rest + decoder.end());
  if (last) yield last;
}
