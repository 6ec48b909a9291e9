import {
  ContactPolicy,
  CreateJourneyBody,
  IdParams,
  Journey,
  JourneyList,
  JourneyReport,
  ReportQuery,
  UpdateJourneyBody,
} from '@cdp/protocol';
import type { HttpServer } from '../../platform/http/http-server.ts';
import { principalOf } from '../auth/index.ts';
import type { JourneysService } from './journeys.service.ts';

/** Journeys: drafts, publish (new version), pause/resume/archive, effect report; contact policy. */
export function journeysRoutes(app: HttpServer, journeys: JourneysService): void {
  const read = { permission: 'journeys:read' } as const;
  const write = { permission: 'journeys:write' } as const;
  const tags = ['journeys'];
  const ws = (request: Parameters<typeof principalOf>[0]) => principalOf(request).workspaceId;

  app.get(
    '/journeys',
    { config: read, schema: { tags, summary: 'Journeys (not archived)', response: { 200: JourneyList } } },
    (request) => journeys.list(ws(request)),
  );
  app.post(
    '/journeys',
    {
      config: write,
      schema: {
        tags,
        summary: 'Create a journey draft',
        body: CreateJourneyBody,
        response: { 201: Journey },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      reply.code(201);
      return journeys.create(principal.workspaceId, request.body, principal.id);
    },
  );
  app.get(
    '/journeys/:id',
    { config: read, schema: { tags, summary: 'One journey', params: IdParams, response: { 200: Journey } } },
    (request) => journeys.get(ws(request), request.params.id),
  );
  app.patch(
    '/journeys/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit the draft (a running journey keeps its published version until the next publish)',
        params: IdParams,
        body: UpdateJourneyBody,
        response: { 200: Journey },
      },
    },
    (request) => journeys.update(ws(request), request.params.id, request.body),
  );
  app.post(
    '/journeys/:id/publish',
    {
      config: write,
      schema: {
        tags,
        summary: 'Publish the draft as a new version and run it',
        params: IdParams,
        response: { 200: Journey },
      },
    },
    (request) => journeys.publish(ws(request), request.params.id),
  );
  for (const [path, status, summary] of [
    ['pause', 'paused', 'Pause: people wait where they are'],
    ['resume', 'active', 'Resume a paused journey'],
    ['archive', 'archived', 'Stop for good: people in flight leave'],
  ] as const)
    app.post(
      `/journeys/:id/${path}`,
      { config: write, schema: { tags, summary, params: IdParams, response: { 200: Journey } } },
      (request) => journeys.setStatus(ws(request), request.params.id, status),
    );
  app.get(
    '/journeys/:id/report',
    {
      config: read,
      schema: {
        tags,
        summary: 'Effect per variant and control (uplift, 95% CI, two-proportion test) and counts per step',
        params: IdParams,
        querystring: ReportQuery,
        response: { 200: JourneyReport },
      },
    },
    (request) => journeys.report(ws(request), request.params.id, request.query.version),
  );
  app.get(
    '/contact-policy',
    {
      config: read,
      schema: {
        tags,
        summary: 'Frequency caps and quiet hours across journeys',
        response: { 200: ContactPolicy },
      },
    },
    (request) => journeys.policy(ws(request)),
  );
  app.put(
    '/contact-policy',
    {
      config: write,
      schema: {
        tags,
        summary: 'Set frequency caps and quiet hours',
        body: ContactPolicy,
        response: { 200: ContactPolicy },
      },
    },
    (request) => journeys.setPolicy(ws(request), request.body),
  );
}
