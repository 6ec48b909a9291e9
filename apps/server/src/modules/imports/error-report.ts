import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { RowIssue } from './source-row.ts';

/** One problem of one row, as reported: the row number a person sees, then what and where. */
export interface ReportedIssue extends RowIssue {
  readonly row: number;
}

export interface ErrorReport {
  /** Writes the row's problems with the original record (an object, or the raw text) as JSON. */
  write(issues: readonly ReportedIssue[], record: unknown): Promise<void>;
  /** Ends the stream and waits until it has flushed. */
  end(): Promise<void>;
}

const COLUMNS = ['row', 'column', 'reason', 'detail', 'record'];

/**
 * Rejected rows as CSV (`row,column,reason,detail,record`), one line per problem, with a UTF-8 BOM
 * so that Excel opens Chinese text right. Waits for `out` to drain (flat memory).
 */
export function errorReport(out: Writable): ErrorReport {
  out.write(stringify([COLUMNS], { bom: true }));
  return {
    async write(issues, record) {
      const json = JSON.stringify(record ?? null);
      const lines = issues.map((i) => [i.row, i.column, i.reason, i.detail ?? '', json]);
      if (!out.write(stringify(lines))) await once(out, 'drain');
    },
    end: () =>
      new Promise<void>((resolve, reject) =>
        out.end((err?: Error | null) => (err ? reject(err) : resolve())),
      ),
  };
}
