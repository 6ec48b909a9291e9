import { stat } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { type ErrorReport, errorReport, type ReportedIssue } from './error-report.ts';
import type { ImportMapping } from './import-mapping.ts';
import { type ImportMessage, mapRow } from './map-row.ts';
import { readRows } from './read-rows.ts';
import { type ImportFormat, type RowIssue, rowIssue } from './source-row.ts';

/** What the ingestion pipeline did with each message of a batch, in order. */
export type SubmitStatus = 'stored' | 'duplicate' | 'conflict' | 'quarantined';

export interface ImportProgress {
  readonly rows: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly bytesRead?: number;
  readonly totalBytes?: number;
}

export interface ImportSummary {
  readonly rows: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly rejected: number;
  /** The first 100 problems. */
  readonly errors: readonly ReportedIssue[];
}

export interface RunImportOptions {
  readonly path: string;
  readonly format?: ImportFormat;
  readonly mapping: ImportMapping;
  readonly sourceId: string;
  readonly batchSize?: number;
  readonly submit: (messages: ImportMessage[]) => Promise<SubmitStatus[]>;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Receives rejected rows as CSV (see error-report.ts); ended when the import ends. */
  readonly errorReport?: Writable;
}

const MAX_ERRORS = 100;

interface Pending {
  readonly rowNumber: number;
  readonly record: Record<string, unknown>;
  readonly message: ImportMessage;
}

/**
 * Imports a file: reads its rows (readRows), maps each (mapRow) and submits the messages in batches,
 * awaiting each batch before reading on, so memory stays flat however large the file. Rows that
 * cannot be read or mapped, and messages the pipeline answers `conflict` (an order re-imported with
 * other content) or `quarantined`, are rejected and written to the error report; the rest goes on.
 * A failing `submit` stops the import (what was submitted before stays: a re-run skips it as duplicates).
 */
export async function runImport(options: RunImportOptions): Promise<ImportSummary> {
  const { path, mapping, sourceId, batchSize = 500, submit, onProgress } = options;
  const totalBytes = (await stat(path)).size;
  let bytesRead = 0;
  const counts = { rows: 0, imported: 0, duplicates: 0, rejected: 0 };
  const errors: ReportedIssue[] = [];
  const report: ErrorReport | undefined = options.errorReport && errorReport(options.errorReport);
  const progress = () => onProgress?.({ ...counts, bytesRead, totalBytes });

  const reject = async (row: number, issues: readonly RowIssue[], record: unknown) => {
    counts.rejected++;
    const reported = issues.map((issue) => ({ row, ...issue }));
    errors.push(...reported.slice(0, MAX_ERRORS - errors.length));
    await report?.write(reported, record);
  };

  let batch: Pending[] = [];
  const flush = async () => {
    const statuses = batch.length > 0 ? await submit(batch.map((p) => p.message)) : [];
    if (statuses.length !== batch.length)
      throw new Error(`submit answered ${statuses.length} of ${batch.length}`);
    for (const [i, status] of statuses.entries()) {
      const { rowNumber, record } = batch[i]!;
      if (status === 'stored') counts.imported++;
      else if (status === 'duplicate') counts.duplicates++;
      else await reject(rowNumber, [rowIssue('', status)], record);
    }
    batch = [];
  };

  try {
    for await (const row of readRows(path, options.format, { onBytesRead: (n) => (bytesRead = n) })) {
      counts.rows++;
      if ('error' in row) await reject(row.rowNumber, [row.error], row.raw);
      else {
        const mapped = mapRow(row.record, row.rowNumber, mapping, { sourceId });
        if (mapped.ok) batch.push({ rowNumber: row.rowNumber, record: row.record, message: mapped.message });
        else await reject(row.rowNumber, mapped.errors, row.record);
      }
      if (batch.length >= batchSize) await flush();
      if (counts.rows % batchSize === 0) progress();
    }
    await flush();
  } finally {
    await report?.end();
  }
  progress();
  return { ...counts, errors };
}
