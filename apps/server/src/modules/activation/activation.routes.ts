import {
  CreateDestinationBody,
  CreateSyncBody,
  DeliveriesQuery,
  DeliveryPage,
  Destination,
  DestinationList,
  DestinationMetrics,
  DestinationTestBody,
  DestinationTestResult,
  DestinationTypeList,
  IdParams,
  ReplayDeliveriesBody,
  ReplayDeliveriesResult,
  Sync,
  SyncList,
  SyncRunResult,
  UpdateDestinationBody,
  UpdateSyncBody,
} from '@cdp/protocol';
import { z } from 'zod';
import type { HttpServer } from '../../platform/http/http-server.ts';
import { principalOf } from '../auth/index.ts';
import type { DestinationsService } from './destinations.service.ts';
import type { SyncsService } from './syncs.service.ts';

/** Destinations (types, CRUD, overview, deliveries, replay, test) and syncs (CRUD, run now). */
export function activationRoutes(
  app: HttpServer,
  destinations: DestinationsService,
  syncs: SyncsService,
): void {
  const read = { permission: 'destinations:read' } as const;
  const manage = { permission: 'destinations:manage' } as const;
  const writeSyncs = { permission: 'syncs:write' } as const;
  const tags = ['destinations'];
  const syncTags = ['syncs'];
  const ws = (request: Parameters<typeof principalOf>[0]) => principalOf(request).workspaceId;

  app.get(
    '/destination-types',
    {
      config: read,
      schema: {
        tags,
        summary: 'Destination types with the JSON Schema of their config',
        response: { 200: DestinationTypeList },
      },
    },
    () => ({ items: destinations.types() }),
  );
  app.get(
    '/destinations',
    { config: read, schema: { tags, summary: 'All destinations', response: { 200: DestinationList } } },
    (request) => destinations.list(ws(request)),
  );
  app.post(
    '/destinations',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a destination (URLs checked against SSRF; secrets stored write-only)',
        body: CreateDestinationBody,
        response: { 201: Destination },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      reply.code(201);
      return destinations.create(principal.workspaceId, request.body, principal.id);
    },
  );
  app.get(
    '/destinations/:id',
    {
      config: read,
      schema: { tags, summary: 'One destination', params: IdParams, response: { 200: Destination } },
    },
    (request) => destinations.get(ws(request), request.params.id),
  );
  app.patch(
    '/destinations/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a destination (re-enable, fix its config, limits, purposes)',
        params: IdParams,
        body: UpdateDestinationBody,
        response: { 200: Destination },
      },
    },
    (request) => destinations.update(ws(request), request.params.id, request.body),
  );
  app.delete(
    '/destinations/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Delete a destination without syncs',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await destinations.remove(ws(request), request.params.id);
      reply.code(204);
      return null;
    },
  );
  app.get(
    '/destinations/:id/metrics',
    {
      config: read,
      schema: {
        tags,
        summary: 'Delivery overview: queued, retrying, delivered, dead…, latency of the last hour',
        params: IdParams,
        response: { 200: DestinationMetrics },
      },
    },
    (request) => destinations.metrics(ws(request), request.params.id),
  );
  app.get(
    '/destinations/:id/deliveries',
    {
      config: read,
      schema: {
        tags,
        summary: 'Deliveries, newest first (status=dead: the dead-letter list)',
        params: IdParams,
        querystring: DeliveriesQuery,
        response: { 200: DeliveryPage },
      },
    },
    (request) => destinations.deliveries(ws(request), request.params.id, request.query),
  );
  app.post(
    '/destinations/:id/deliveries/replay',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Queue dead (or given) deliveries again, with the same idempotency keys',
        params: IdParams,
        body: ReplayDeliveriesBody,
        response: { 200: ReplayDeliveriesResult },
      },
    },
    (request) => destinations.replay(ws(request), request.params.id, request.body),
  );
  app.post(
    '/destinations/:id/test',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Send one test message now (not through the outbox)',
        params: IdParams,
        body: DestinationTestBody,
        response: { 200: DestinationTestResult },
      },
    },
    (request) => destinations.test(ws(request), request.params.id, request.body),
  );

  app.get(
    '/syncs',
    {
      config: read,
      schema: {
        tags: syncTags,
        summary: 'All syncs (of one destination with ?destinationId=)',
        querystring: z.object({ destinationId: z.string().max(64).optional() }).strict(),
        response: { 200: SyncList },
      },
    },
    (request) => syncs.list(ws(request), request.query.destinationId),
  );
  app.post(
    '/syncs',
    {
      config: writeSyncs,
      schema: {
        tags: syncTags,
        summary: 'Send events or an audience to a destination, in real time or on a schedule',
        body: CreateSyncBody,
        response: { 201: Sync },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      reply.code(201);
      return syncs.create(principal.workspaceId, request.body, principal.id);
    },
  );
  app.get(
    '/syncs/:id',
    {
      config: read,
      schema: { tags: syncTags, summary: 'One sync', params: IdParams, response: { 200: Sync } },
    },
    (request) => syncs.get(ws(request), request.params.id),
  );
  app.patch(
    '/syncs/:id',
    {
      config: writeSyncs,
      schema: {
        tags: syncTags,
        summary: 'Change a sync',
        params: IdParams,
        body: UpdateSyncBody,
        response: { 200: Sync },
      },
    },
    (request) => syncs.update(ws(request), request.params.id, request.body),
  );
  app.delete(
    '/syncs/:id',
    {
      config: writeSyncs,
      schema: {
        tags: syncTags,
        summary: 'Delete a sync (its queued deliveries too)',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await syncs.remove(ws(request), request.params.id);
      reply.code(204);
      return null;
    },
  );
  app.post(
    '/syncs/:id/run',
    {
      config: writeSyncs,
      schema: {
        tags: syncTags,
        summary: 'Queue a scheduled sync’s snapshot or export now',
        params: IdParams,
        response: { 200: SyncRunResult },
      },
    },
    (request) => syncs.run(ws(request), request.params.id),
  );
}
