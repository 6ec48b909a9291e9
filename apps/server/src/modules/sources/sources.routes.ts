import { CreateSourceBody, IdParams, Source, SourceList, UpdateSourceBody } from '@cdp/protocol';
import type { HttpServer } from '../../platform/http/http-server.ts';
import { principalOf } from '../auth/index.ts';
import type { SourcesService } from './sources.service.ts';

export function sourcesRoutes(app: HttpServer, sources: SourcesService): void {
  const tags = ['sources'];
  app.get(
    '/sources',
    {
      config: { permission: 'sources:read' },
      schema: { tags, summary: 'List sources', response: { 200: SourceList } },
    },
    async (request) => ({ items: await sources.list(principalOf(request).workspaceId) }),
  );
  app.post(
    '/sources',
    {
      config: { permission: 'sources:write' },
      schema: {
        tags,
        summary: 'Create a source (returns its write key)',
        body: CreateSourceBody,
        response: { 200: Source },
      },
    },
    (request) => sources.create(principalOf(request).workspaceId, request.body),
  );
  app.get(
    '/sources/:id',
    {
      config: { permission: 'sources:read' },
      schema: { tags, summary: 'Get a source', params: IdParams, response: { 200: Source } },
    },
    (request) => sources.get(principalOf(request).workspaceId, request.params.id),
  );
  app.patch(
    '/sources/:id',
    {
      config: { permission: 'sources:write' },
      schema: {
        tags,
        summary: 'Rename, disable or enable a source',
        params: IdParams,
        body: UpdateSourceBody,
        response: { 200: Source },
      },
    },
    (request) => sources.update(principalOf(request).workspaceId, request.params.id, request.body),
  );
  app.post(
    '/sources/:id/rotate-key',
    {
      config: { permission: 'sources:write' },
      schema: {
        tags,
        summary: 'Replace the write key (the old one stops working)',
        params: IdParams,
        response: { 200: Source },
      },
    },
    (request) => sources.rotateKey(principalOf(request).workspaceId, request.params.id),
  );
}
