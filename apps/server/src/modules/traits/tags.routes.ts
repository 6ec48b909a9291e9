import {
  CreateTagBody,
  CreateTagCategoryBody,
  IdParams,
  Ok,
  Tag,
  TagCategory,
  TagCategoryList,
  TagList,
  TagListQuery,
  UpdateTagBody,
  UpdateTagCategoryBody,
} from '@cdp/protocol';
import type { HttpServer } from '../../platform/http/http-server.ts';
import { principalOf } from '../auth/index.ts';
import { tagDataRoutes } from './tag-data.routes.ts';
import type { TagsService } from './tags.service.ts';

/** Tag factory API: categories and tags (CRUD), then computations, stats, members, imports, previews. */
export function tagsRoutes(app: HttpServer, tags: TagsService): void {
  const read = { permission: 'tags:read' } as const;
  const write = { permission: 'tags:write' } as const;
  const group = ['tags'];
  const ws = (request: Parameters<typeof principalOf>[0]) => principalOf(request).workspaceId;

  app.get(
    '/tag-categories',
    {
      config: read,
      schema: {
        tags: group,
        summary: 'The category tree of the tag catalogue',
        response: { 200: TagCategoryList },
      },
    },
    (request) => tags.categories.list(ws(request)),
  );
  app.post(
    '/tag-categories',
    {
      config: write,
      schema: {
        tags: group,
        summary: 'Create a tag category',
        body: CreateTagCategoryBody,
        response: { 200: TagCategory },
      },
    },
    (request) => tags.categories.create(ws(request), request.body),
  );
  app.patch(
    '/tag-categories/:id',
    {
      config: write,
      schema: {
        tags: group,
        summary: 'Rename, move or reorder a category',
        params: IdParams,
        body: UpdateTagCategoryBody,
        response: { 200: TagCategory },
      },
    },
    (request) => tags.categories.update(ws(request), request.params.id, request.body),
  );
  app.delete(
    '/tag-categories/:id',
    {
      config: write,
      schema: { tags: group, summary: 'Delete an empty category', params: IdParams, response: { 200: Ok } },
    },
    async (request) => {
      await tags.categories.remove(ws(request), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/tags',
    {
      config: read,
      schema: {
        tags: group,
        summary: 'Tags of the catalogue',
        querystring: TagListQuery,
        response: { 200: TagList },
      },
    },
    (request) => tags.list(ws(request), request.query),
  );
  app.post(
    '/tags',
    {
      config: write,
      schema: {
        tags: group,
        summary: 'Define a tag (rule, computed, RFM, lifecycle or imported)',
        body: CreateTagBody,
        response: { 200: Tag },
      },
    },
    (request) => tags.create(ws(request), request.body, principalOf(request).id),
  );
  app.get(
    '/tags/:id',
    {
      config: read,
      schema: { tags: group, summary: 'A tag with its lineage', params: IdParams, response: { 200: Tag } },
    },
    (request) => tags.get(ws(request), request.params.id),
  );
  app.patch(
    '/tags/:id',
    {
      config: write,
      schema: {
        tags: group,
        summary: 'Change a tag; archiving removes its current values',
        params: IdParams,
        body: UpdateTagBody,
        response: { 200: Tag },
      },
    },
    (request) => tags.update(ws(request), request.params.id, request.body, principalOf(request).id),
  );
  app.delete(
    '/tags/:id',
    {
      config: write,
      schema: {
        tags: group,
        summary: 'Delete a tag no other tag reads, with its values and history',
        params: IdParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      await tags.remove(ws(request), request.params.id);
      return { ok: true as const };
    },
  );
  tagDataRoutes(app, tags);
}
