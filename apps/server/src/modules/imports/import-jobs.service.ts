import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ImportFile, ImportJob, ImportPreview, PreviewBody, StartImportBody } from '@cdp/protocol';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { ImportMapping } from './import-mapping.ts';
import type { ImportsService } from './imports.service.ts';
import type { ImportsTables } from './imports.tables.ts';
import { mapRow } from './map-row.ts';
import { formatOf, readRows } from './read-rows.ts';
import { suggestMapping } from './suggest-mapping.ts';

const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
const SAMPLE_ROWS = 20;
const notFound = (what: string, id: string) =>
  new AppError('not_found', 'import_not_found', `${what} ${id} not found`);

function parseMapping(kind: string, mapping: Record<string, unknown>): ImportMapping {
  const parsed = ImportMapping.safeParse({ ...mapping, kind });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError('invalid', 'invalid_mapping', `mapping: ${issue?.message ?? 'invalid'}`, {
    path: `/mapping/${issue?.path.join('/') ?? ''}`,
    details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  });
}

type JobRow = Awaited<ReturnType<ImportJobsService['row']>>;

/** Imports started from the console: upload a file, preview a mapping, run in the background, follow. */
export class ImportJobsService {
  private readonly live = new Map<string, ImportJob>();

  constructor(
    private readonly db: Kysely<ImportsTables>,
    private readonly imports: ImportsService,
    private readonly dir: string,
    private readonly log: Logger,
  ) {}

  /** Jobs a stopped process left running are marked interrupted (re-running one imports only what is missing). */
  async markInterrupted(): Promise<void> {
    await this.db
      .updateTable('import_jobs')
      .set({ status: 'interrupted', finished_at: new Date() })
      .where('status', '=', 'running')
      .execute();
  }

  async upload(workspaceId: string, filename: string, body: Readable): Promise<ImportFile> {
    const format = formatOf(filename);
    const id = newId('imf');
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, `${id}.${format}`);
    let bytes = 0;
    body.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_UPLOAD_BYTES)
        body.destroy(
          new AppError('invalid', 'file_too_large', `Files are limited to ${MAX_UPLOAD_BYTES} bytes`),
        );
    });
    try {
      await pipeline(body, createWriteStream(path));
    } catch (err) {
      await rm(path, { force: true });
      throw err;
    }
    await this.db
      .insertInto('import_files')
      .values({ id, workspace_id: workspaceId, filename, format, path, bytes })
      .execute();
    const sample: Record<string, unknown>[] = [];
    for await (const row of readRows(path, format)) {
      if ('record' in row) sample.push(row.record);
      if (sample.length >= SAMPLE_ROWS) break;
    }
    const headers = Object.keys(sample[0] ?? {});
    return {
      id,
      filename,
      format,
      bytes,
      headers,
      sample,
      suggested: suggestMapping(headers) as Record<string, unknown>,
    };
  }

  private async file(workspaceId: string, id: string) {
    const file = await this.db
      .selectFrom('import_files')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!file) throw notFound('File', id);
    return file;
  }

  async preview(workspaceId: string, fileId: string, body: PreviewBody): Promise<ImportPreview> {
    const file = await this.file(workspaceId, fileId);
    const mapping = parseMapping(body.kind, body.mapping);
    const rows: ImportPreview['rows'] = [];
    for await (const row of readRows(file.path, formatOf(file.path))) {
      if ('error' in row) rows.push({ row: row.rowNumber, ok: false, message: null, errors: [row.error] });
      else {
        const mapped = mapRow(row.record, row.rowNumber, mapping, { sourceId: 'preview' });
        rows.push(
          mapped.ok
            ? { row: row.rowNumber, ok: true, message: mapped.message as Record<string, unknown>, errors: [] }
            : { row: row.rowNumber, ok: false, message: null, errors: [...mapped.errors] },
        );
      }
      if (rows.length >= SAMPLE_ROWS) break;
    }
    return { rows };
  }

  async start(workspaceId: string, body: StartImportBody): Promise<ImportJob> {
    const file = await this.file(workspaceId, body.fileId);
    const mapping = parseMapping(body.kind, body.mapping);
    const id = newId('imp');
    const reportPath = join(this.dir, `${id}.errors.csv`);
    await this.db
      .insertInto('import_jobs')
      .values({
        id,
        workspace_id: workspaceId,
        file_id: file.id,
        kind: body.kind,
        source: body.source,
        status: 'running',
        report_path: reportPath,
      })
      .execute();
    const job: ImportJob = {
      id,
      filename: file.filename,
      kind: body.kind,
      source: body.source,
      status: 'running',
      rows: 0,
      imported: 0,
      duplicates: 0,
      rejected: 0,
      bytesRead: 0,
      totalBytes: Number(file.bytes),
      error: null,
      errors: [],
      createdAt: new Date().toISOString(),
      finishedAt: null,
    };
    this.live.set(id, job);
    void this.run(workspaceId, job, file.path, mapping, reportPath);
    return job;
  }

  private async run(
    workspaceId: string,
    job: ImportJob,
    path: string,
    mapping: ImportMapping,
    reportPath: string,
  ) {
    let current = job;
    try {
      const summary = await this.imports.importFile({
        workspaceId,
        path,
        mapping,
        sourceName: job.source,
        errorReport: createWriteStream(reportPath),
        onProgress: (p) => {
          current = { ...current, ...p, bytesRead: p.bytesRead ?? current.bytesRead };
          this.live.set(job.id, current);
        },
      });
      current = {
        ...current,
        ...summary,
        status: 'done',
        bytesRead: current.totalBytes,
        errors: [...summary.errors],
      };
    } catch (err) {
      this.log.error({ err, job: job.id }, 'import failed');
      current = { ...current, status: 'failed', error: err instanceof Error ? err.message : String(err) };
    }
    current = { ...current, finishedAt: new Date().toISOString() };
    const { rows, imported, duplicates, rejected, bytesRead, totalBytes } = current;
    await this.db
      .updateTable('import_jobs')
      .set({
        status: current.status,
        error: current.error,
        finished_at: new Date(),
        progress: JSON.stringify({ rows, imported, duplicates, rejected, bytesRead, totalBytes }),
        errors: JSON.stringify(current.errors),
      })
      .where('id', '=', job.id)
      .execute();
    this.live.delete(job.id);
  }

  private row(workspaceId: string, id?: string) {
    const query = this.db
      .selectFrom('import_jobs as j')
      .innerJoin('import_files as f', 'f.id', 'j.file_id')
      .select([
        'j.id',
        'f.filename',
        'f.bytes',
        'j.kind',
        'j.source',
        'j.status',
        'j.progress',
        'j.errors',
        'j.error',
        'j.report_path',
        'j.created_at',
        'j.finished_at',
      ])
      .where('j.workspace_id', '=', workspaceId);
    return (id ? query.where('j.id', '=', id) : query.orderBy('j.created_at', 'desc').limit(100)).execute();
  }

  private toJob(r: JobRow[number]): ImportJob {
    const live = this.live.get(r.id);
    if (live) return live;
    const p = (r.progress ?? {}) as Partial<ImportJob>;
    return {
      id: r.id,
      filename: r.filename,
      kind: r.kind as ImportJob['kind'],
      source: r.source,
      status: r.status as ImportJob['status'],
      rows: p.rows ?? 0,
      imported: p.imported ?? 0,
      duplicates: p.duplicates ?? 0,
      rejected: p.rejected ?? 0,
      bytesRead: p.bytesRead ?? 0,
      totalBytes: p.totalBytes ?? Number(r.bytes),
      error: r.error,
      errors: (r.errors ?? []) as ImportJob['errors'],
      createdAt: new Date(r.created_at).toISOString(),
      finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    };
  }

  async list(workspaceId: string): Promise<ImportJob[]> {
    return (await this.row(workspaceId)).map((r) => this.toJob(r));
  }

  async get(workspaceId: string, id: string): Promise<ImportJob & { reportPath: string }> {
    const [r] = await this.row(workspaceId, id);
    if (!r) throw notFound('Import', id);
    return { ...this.toJob(r), reportPath: r.report_path };
  }
}
