import {
  ComputeResult,
  ComputeTagBody,
  IdParams,
  ImportTagBody,
  ImportTagResult,
  PreviewTagBody,
  ProfileTags,
  TagAsOfQuery,
  TagMembers,
  TagMembersQuery,
  TagPreview,
  TagStats,
} from '@cdp/protocol';
import type { HttpServer } from '../../platform/http/http-server.ts';
import { principalOf } from '../auth/index.ts';
import type { TagsService } from './tags.service.ts';

/** Tag values: compute, stats, members, a person's tags, imports and draft previews. */
export function tagDataRoutes(app: HttpServer, tags: TagsService): void {
  const read = { permission: 'tags:read' } as const;
  const write = { permission: 'tags:write' } as const;
  const group = ['tags'];
  const ws = (request: Parameters<typeof principalOf>[0]) => principalOf(request).workspaceId;

  app.post(
    '/tags/preview',
    {
      config: read,
      schema: {
        tags: group,
        summary: 'Coverage, distribution and a sample of a draft tag, without saving',
        body: PreviewTagBody,
        response: { 200: TagPreview },
      },
    },
    (request) => tags.preview(ws(request), request.body),
  );
  app.post(
    '/tags/:id/compute',
    {
      config: write,
      schema: {
        tags: group,
        summary: 'Recompute a tag for every profile now; counts what changed',
        params: IdParams,
        body: ComputeTagBody,
        response: { 200: ComputeResult },
      },
    },
    (request) => tags.compute(ws(request), request.params.id, request.body.asOf),
  );
  app.get(
    '/tags/:id/stats',
    {
      config: read,
      schema: {
        tags: group,
        summary: 'Coverage and value distribution, now or as of a past instant',
        params: IdParams,
        querystring: TagAsOfQuery,
        response: { 200: TagStats },
      },
    },
    (request) => tags.stats(ws(request), request.params.id, request.query.asOf),
  );
  app.get(
    '/tags/:id/members',
    {
      config: read,
      schema: {
        tags: group,
        summary: 'Profiles holding the tag (or one value), now or as of a past instant',
        params: IdParams,
        querystring: TagMembersQuery,
        response: { 200: TagMembers },
      },
    },
    (request) => tags.members(ws(request), request.params.id, request.query),
  );
  app.post(
    '/tags/:id/import',
    {
      config: write,
      schema: {
        tags: group,
        summary: 'Upload values of an imported tag (CSV or JSON rows); rejected rows are listed',
        params: IdParams,
        body: ImportTagBody,
        response: { 200: ImportTagResult },
      },
    },
    (request) => tags.import(ws(request), request.params.id, request.body),
  );
  app.get(
    '/profiles/:id/tags',
    {
      config: read,
      schema: {
        tags: group,
        summary: "A person's tags with values, now or as of a past instant",
        params: IdParams,
        querystring: TagAsOfQuery,
        response: { 200: ProfileTags },
      },
    },
    (request) => tags.profileTags(ws(request), request.params.id, request.query.asOf),
  );
}
