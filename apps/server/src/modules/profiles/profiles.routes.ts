import {
  ExplainQuery,
  IdentifierQuery,
  IdParams,
  LinkExplanation,
  Profile,
  ProfileGraph,
  ProfileHistory,
  ProfileList,
  ProfileSearchQuery,
  SplitBody,
  SplitResult,
  TimelinePage,
  TimelineQuery,
} from '@cdp/protocol';
import type { FastifyReply } from 'fastify';
import type { HttpServer } from '../../platform/http/http-server.ts';
import { principalOf } from '../auth/index.ts';
import type { ProfileJsonText, ProfilesService } from './profiles.service.ts';

/** Splits run across identity and profiles (flows/split-profile.flow.ts); the composition root passes it in. */
export type SplitProfile = (
  workspaceId: string,
  profileId: string,
  body: SplitBody,
  actor: string | null,
) => Promise<SplitResult>;

/** JSON text the database built in the shape of the route's schema: sent without re-encoding. */
const sendJson = (reply: FastifyReply, json: ProfileJsonText) =>
  reply.type('application/json; charset=utf-8').send(json);

/** Profile API: search, get by id or identifier, timeline, history, identity graph, explain, split. */
export function profilesRoutes(app: HttpServer, profiles: ProfilesService, split: SplitProfile): void {
  const read = { permission: 'profiles:read' } as const;
  const tags = ['profiles'];
  app.get(
    '/profiles',
    {
      config: read,
      schema: {
        tags,
        summary: 'Search profiles by name, phone, email, member number or user id (prefix or exact)',
        querystring: ProfileSearchQuery,
        response: { 200: ProfileList },
      },
    },
    (request) => profiles.search(principalOf(request).workspaceId, request.query),
  );
  app.get(
    '/profiles/lookup',
    {
      config: read,
      schema: {
        tags,
        summary: 'The profile of an identifier (value normalised like incoming data)',
        querystring: IdentifierQuery,
        response: { 200: Profile },
      },
    },
    async (request, reply) =>
      sendJson(
        reply,
        await profiles.lookupJson(principalOf(request).workspaceId, request.query.type, request.query.value),
      ),
  );
  app.get(
    '/profiles/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A profile by id; a merged-away id redirects to the surviving profile',
        params: IdParams,
        response: { 200: Profile },
      },
    },
    async (request, reply) =>
      sendJson(reply, await profiles.getJson(principalOf(request).workspaceId, request.params.id)),
  );
  app.get(
    '/profiles/:id/timeline',
    {
      config: read,
      schema: {
        tags,
        summary: "The profile's events across all sources, newest first",
        params: IdParams,
        querystring: TimelineQuery,
        response: { 200: TimelinePage },
      },
    },
    (request) => profiles.timeline(principalOf(request).workspaceId, request.params.id, request.query),
  );
  app.get(
    '/profiles/:id/history',
    {
      config: read,
      schema: {
        tags,
        summary: 'Merges, splits and renames of the profile',
        params: IdParams,
        response: { 200: ProfileHistory },
      },
    },
    (request) => profiles.history(principalOf(request).workspaceId, request.params.id),
  );
  app.get(
    '/profiles/:id/graph',
    {
      config: read,
      schema: {
        tags,
        summary: 'Identifiers, the evidence linking them, and identifiers left out (conflicts)',
        params: IdParams,
        response: { 200: ProfileGraph },
      },
    },
    (request) => profiles.graph(principalOf(request).workspaceId, request.params.id),
  );
  app.get(
    '/profiles/:id/explain',
    {
      config: read,
      schema: {
        tags,
        summary: 'Why two identifiers (`type:value`) are one profile: the path of evidence',
        params: IdParams,
        querystring: ExplainQuery,
        response: { 200: LinkExplanation },
      },
    },
    (request) =>
      profiles.explain(
        principalOf(request).workspaceId,
        request.params.id,
        request.query.from,
        request.query.to,
      ),
  );
  app.post(
    '/profiles/:id/split',
    {
      config: { permission: 'profiles:write' },
      schema: {
        tags,
        summary:
          'Split a wrong merge: retract an identifier or one link’s evidence; profiles are rebuilt from the rest',
        params: IdParams,
        body: SplitBody,
        response: { 200: SplitResult },
      },
    },
    (request) => {
      const principal = principalOf(request);
      return split(principal.workspaceId, request.params.id, request.body, principal.id);
    },
  );
}
