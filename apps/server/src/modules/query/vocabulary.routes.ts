import { EventNames, EventProperties, TraitKeys, TraitValues, VocabularyQuery } from '@cdp/protocol';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../database.ts';
import type { HttpServer } from '../../platform/http/http-server.ts';
import { principalOf } from '../auth/index.ts';
import { vocabularyRepository as vocabulary } from './vocabulary.repository.ts';

const Name = z.object({ name: z.string().min(1).max(128) });

/** Pickers of the builders: event names, their properties, trait keys and values seen in the data. */
export function vocabularyRoutes(app: HttpServer, db: Kysely<Database>): void {
  const config = { permission: 'audiences:read' } as const;
  const tags = ['vocabulary'];
  app.get(
    '/vocabulary/events',
    {
      config,
      schema: {
        tags,
        summary: 'Event names seen recently, most frequent first',
        querystring: VocabularyQuery,
        response: { 200: EventNames },
      },
    },
    async (request) => ({
      items: await vocabulary.eventNames(
        db,
        principalOf(request).workspaceId,
        request.query.q,
        request.query.limit,
      ),
    }),
  );
  app.get(
    '/vocabulary/events/:name/properties',
    {
      config,
      schema: {
        tags,
        summary: 'Property paths of an event, with their JSON types and sample values',
        params: Name,
        response: { 200: EventProperties },
      },
    },
    async (request) => ({
      items: await vocabulary.eventProperties(db, principalOf(request).workspaceId, request.params.name),
    }),
  );
  app.get(
    '/vocabulary/traits',
    {
      config,
      schema: { tags, summary: 'Trait names of profiles, most common first', response: { 200: TraitKeys } },
    },
    async (request) => ({ items: await vocabulary.traitKeys(db, principalOf(request).workspaceId) }),
  );
  app.get(
    '/vocabulary/traits/:name/values',
    {
      config,
      schema: {
        tags,
        summary: 'Most common values of a trait',
        params: Name,
        querystring: VocabularyQuery,
        response: { 200: TraitValues },
      },
    },
    async (request) => ({
      items: await vocabulary.traitValues(
        db,
        principalOf(request).workspaceId,
        request.params.name,
        request.query.q,
        request.query.limit,
      ),
    }),
  );
}
