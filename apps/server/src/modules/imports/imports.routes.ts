import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  IdParams,
  ImportFile,
  ImportJob,
  ImportJobList,
  ImportPreview,
  PreviewBody,
  StartImportBody,
  UploadQuery,
} from '@cdp/protocol';
import type { HttpServer } from '../../platform/http/http-server.ts';
import { principalOf } from '../auth/index.ts';
import type { ImportJobsService } from './import-jobs.service.ts';

/** The console's import wizard: upload a file, preview a mapping on its first rows, run, follow, get the error report. */
export function importsRoutes(app: HttpServer, jobs: ImportJobsService): void {
  const tags = ['imports'];
  const write = { permission: 'profiles:write' } as const;
  // the file arrives as the raw request body (any content type), streamed to disk
  app.register(async (scope) => {
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    (scope as HttpServer).post(
      '/imports/files',
      {
        config: write,
        schema: {
          tags,
          summary:
            'Upload a CSV, JSONL or XLSX file (raw body); answers its headers, first rows and a suggested mapping',
          querystring: UploadQuery,
          response: { 200: ImportFile },
        },
      },
      (request) =>
        jobs.upload(principalOf(request).workspaceId, request.query.filename, request.body as Readable),
    );
  });
  app.post(
    '/imports/files/:id/preview',
    {
      config: write,
      schema: {
        tags,
        summary: 'Map the first rows with a mapping: the messages they become, or why not',
        params: IdParams,
        body: PreviewBody,
        response: { 200: ImportPreview },
      },
    },
    (request) => jobs.preview(principalOf(request).workspaceId, request.params.id, request.body),
  );
  app.post(
    '/imports',
    {
      config: write,
      schema: {
        tags,
        summary: 'Import an uploaded file in the background',
        body: StartImportBody,
        response: { 200: ImportJob },
      },
    },
    (request) => jobs.start(principalOf(request).workspaceId, request.body),
  );
  app.get(
    '/imports',
    {
      config: { permission: 'profiles:read' },
      schema: { tags, summary: 'Recent imports with progress', response: { 200: ImportJobList } },
    },
    async (request) => ({ items: await jobs.list(principalOf(request).workspaceId) }),
  );
  app.get(
    '/imports/:id',
    {
      config: { permission: 'profiles:read' },
      schema: {
        tags,
        summary: 'One import: progress, counts, first problems',
        params: IdParams,
        response: { 200: ImportJob },
      },
    },
    async (request) => {
      const { reportPath: _, ...job } = await jobs.get(principalOf(request).workspaceId, request.params.id);
      return job;
    },
  );
  app.get(
    '/imports/:id/errors',
    {
      config: { permission: 'profiles:read' },
      schema: {
        tags,
        summary: 'The error report (CSV: row, column, reason, detail, record)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const job = await jobs.get(principalOf(request).workspaceId, request.params.id);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${job.id}.errors.csv"`);
      return reply.send(createReadStream(job.reportPath));
    },
  );
}
