import {
  Audience,
  AudienceEstimate,
  AudienceList,
  AudienceOverlap,
  AudienceRunSummary,
  AudienceTrend,
  ChangePage,
  ChangesQuery,
  CreateAudienceBody,
  EstimateBody,
  ExportQuery,
  IdParams,
  MemberPage,
  MembershipExplanation,
  MembersQuery,
  OverlapQuery,
  ProfileAudiences,
  TrendQuery,
  UpdateAudienceBody,
} from '@cdp/protocol';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../database.ts';
import type { HttpServer } from '../../platform/http/http-server.ts';
import { principalOf } from '../auth/index.ts';
import type { AudiencesService } from './audiences.service.ts';
import { exportMembers } from './export-members.ts';

const list = (s: string | undefined) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Audience API: CRUD, live estimate, members, changes, trend, overlap, explanation, export. */
export function audiencesRoutes(app: HttpServer, audiences: AudiencesService, db: Kysely<Database>): void {
  const read = { permission: 'audiences:read' } as const;
  const write = { permission: 'audiences:write' } as const;
  const tags = ['audiences'];
  const ws = (request: Parameters<typeof principalOf>[0]) => principalOf(request).workspaceId;

  app.get(
    '/audiences',
    { config: read, schema: { tags, summary: 'All audiences', response: { 200: AudienceList } } },
    (request) => audiences.list(ws(request)),
  );
  app.post(
    '/audiences',
    {
      config: write,
      schema: {
        tags,
        summary: 'Create an audience from a definition, a file of identifiers or other audiences',
        body: CreateAudienceBody,
        response: { 201: Audience },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      reply.code(201);
      return audiences.create(principal.workspaceId, request.body, principal.id);
    },
  );
  app.post(
    '/audiences/estimate',
    {
      config: read,
      schema: {
        tags,
        summary: 'Live size estimate and sample of a definition being edited (nothing stored)',
        body: EstimateBody,
        response: { 200: AudienceEstimate },
      },
    },
    (request) => audiences.estimate(ws(request), request.body.source),
  );
  app.get(
    '/audiences/overlap',
    {
      config: read,
      schema: {
        tags,
        summary: 'Members shared by each pair of audiences',
        querystring: OverlapQuery,
        response: { 200: AudienceOverlap },
      },
    },
    (request) => audiences.overlap(ws(request), list(request.query.ids)),
  );
  app.get(
    '/audiences/changes',
    {
      config: read,
      schema: {
        tags,
        summary: 'Every enter and exit with its time and cause, in order (the feed activation consumes)',
        querystring: ChangesQuery,
        response: { 200: ChangePage },
      },
    },
    (request) => audiences.changes(ws(request), request.query),
  );
  app.get(
    '/audiences/:id',
    {
      config: read,
      schema: { tags, summary: 'One audience', params: IdParams, response: { 200: Audience } },
    },
    (request) => audiences.get(ws(request), request.params.id),
  );
  app.patch(
    '/audiences/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Rename, pause or change the definition (recomputed over history in the background)',
        params: IdParams,
        body: UpdateAudienceBody,
        response: { 200: Audience },
      },
    },
    (request) => audiences.update(ws(request), request.params.id, request.body),
  );
  app.post(
    '/audiences/:id/recompute',
    {
      config: write,
      schema: {
        tags,
        summary: 'Queue a full recomputation',
        params: IdParams,
        response: { 202: AudienceRunSummary },
      },
    },
    async (request, reply) => {
      reply.code(202);
      return audiences.recompute(ws(request), request.params.id);
    },
  );
  app.get(
    '/audiences/:id/runs',
    {
      config: read,
      schema: {
        tags,
        summary: 'Recomputations with their before/after sizes',
        params: IdParams,
        response: { 200: z.object({ items: z.array(AudienceRunSummary) }) },
      },
    },
    (request) => audiences.runs(ws(request), request.params.id),
  );
  app.get(
    '/audiences/:id/members',
    {
      config: read,
      schema: {
        tags,
        summary: 'Members, by profile id',
        params: IdParams,
        querystring: MembersQuery,
        response: { 200: MemberPage },
      },
    },
    (request) => audiences.members(ws(request), request.params.id, request.query),
  );
  app.get(
    '/audiences/:id/trend',
    {
      config: read,
      schema: {
        tags,
        summary: 'Size per day',
        params: IdParams,
        querystring: TrendQuery,
        response: { 200: AudienceTrend },
      },
    },
    (request) => audiences.trend(ws(request), request.params.id, request.query.days),
  );
  app.get(
    '/audiences/:id/explain/:profileId',
    {
      config: read,
      schema: {
        tags,
        summary: 'Why this person is (not) in the audience, per condition',
        params: z.object({ id: z.string().min(1).max(64), profileId: z.string().min(1).max(64) }),
        response: { 200: MembershipExplanation },
      },
    },
    (request) => audiences.explain(ws(request), request.params.id, request.params.profileId),
  );
  app.get(
    '/audiences/:id/export',
    {
      config: read,
      schema: {
        tags,
        summary: 'Download the members as CSV or XLSX with chosen identifiers and traits',
        params: IdParams,
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const workspaceId = ws(request);
      const audience = await audiences.get(workspaceId, request.params.id);
      const { format } = request.query;
      const stream = exportMembers(db, workspaceId, audience.id, format, {
        identifiers: list(request.query.identifiers),
        traits: list(request.query.traits),
      });
      reply.header(
        'content-type',
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      reply.header('content-disposition', `attachment; filename="${audience.id}.${format}"`);
      return reply.send(stream);
    },
  );
  app.get(
    '/profiles/:id/audiences',
    {
      config: read,
      schema: {
        tags,
        summary: 'The audiences a person is in',
        params: IdParams,
        response: { 200: ProfileAudiences },
      },
    },
    (request) => audiences.profileAudiences(ws(request), request.params.id),
  );
}
