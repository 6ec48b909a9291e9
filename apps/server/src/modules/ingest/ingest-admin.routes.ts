import {
  EventPage,
  EventQuery,
  IdParams,
  IngestionStats,
  QuarantineItem,
  QuarantinePage,
  QuarantineQuery,
  ReplayBody,
  ReplayResult,
  StatsQuery,
} from '@cdp/protocol';
import type { HttpServer } from '../../platform/http/http-server.ts';
import { principalOf } from '../auth/index.ts';
import type { IngestService } from './ingest.service.ts';

/** Admin API over the event log: recent events, quarantine (list, replay, discard), ingestion stats. */
export function ingestAdminRoutes(app: HttpServer, ingest: IngestService): void {
  app.get(
    '/events',
    {
      config: { permission: 'events:read' },
      schema: {
        tags: ['events'],
        summary: 'Recent events, newest first, with filters',
        querystring: EventQuery,
        response: { 200: EventPage },
      },
    },
    (request) => ingest.listEvents(principalOf(request).workspaceId, request.query),
  );
  app.get(
    '/quarantine',
    {
      config: { permission: 'events:read' },
      schema: {
        tags: ['quarantine'],
        summary: 'Quarantined messages with reasons',
        querystring: QuarantineQuery,
        response: { 200: QuarantinePage },
      },
    },
    (request) => ingest.listQuarantine(principalOf(request).workspaceId, request.query),
  );
  app.get(
    '/quarantine/:id',
    {
      config: { permission: 'events:read' },
      schema: {
        tags: ['quarantine'],
        summary: 'One quarantined message',
        params: IdParams,
        response: { 200: QuarantineItem },
      },
    },
    (request) => ingest.getQuarantine(principalOf(request).workspaceId, request.params.id),
  );
  app.post(
    '/quarantine/:id/replay',
    {
      config: { permission: 'quarantine:write' },
      schema: {
        tags: ['quarantine'],
        summary: 'Replay a quarantined message, optionally corrected; stored once (dedupe applies)',
        params: IdParams,
        body: ReplayBody,
        response: { 200: ReplayResult },
      },
    },
    (request) => ingest.replay(principalOf(request).workspaceId, request.params.id, request.body.payload),
  );
  app.post(
    '/quarantine/:id/discard',
    {
      config: { permission: 'quarantine:write' },
      schema: {
        tags: ['quarantine'],
        summary: 'Mark a quarantined message as discarded',
        params: IdParams,
        response: { 200: QuarantineItem },
      },
    },
    (request) => ingest.discard(principalOf(request).workspaceId, request.params.id),
  );
  app.get(
    '/stats/ingestion',
    {
      config: { permission: 'events:read' },
      schema: {
        tags: ['stats'],
        summary: 'Accepted, quarantined and duplicate messages per source over time',
        querystring: StatsQuery,
        response: { 200: IngestionStats },
      },
    },
    (request) => ingest.stats(principalOf(request).workspaceId, request.query),
  );
}
