import type { DebuggerFrame } from '@cdp/protocol';
import { z } from 'zod';
import type { HttpServer } from '../../platform/http/http-server.ts';
import { principalOf } from '../auth/index.ts';
import type { IngestService } from './ingest.service.ts';

const POLL_MS = 1000;
const HEARTBEAT_MS = 15_000;

/**
 * The live debugger: Server-Sent Events of newly stored and quarantined messages. It tails the database,
 * so it sees what every API process accepted.
 */
export function debuggerRoutes(app: HttpServer, ingest: IngestService): void {
  const open = new Set<() => void>();
  // Streams never finish on their own: end them so shutdown is not held up.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });
  app.get(
    '/debugger/stream',
    {
      config: { permission: 'events:read' },
      schema: {
        tags: ['events'],
        summary: 'Live stream (text/event-stream) of DebuggerFrame JSON: new events and quarantined messages',
        querystring: z.object({ sourceId: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const workspaceId = principalOf(request).workspaceId;
      const sourceId = request.query.sourceId;
      let { event: lastEvent, quarantine: lastQuarantine } = await ingest.lastIds(workspaceId);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 2000\n\n');
      const send = (frame: DebuggerFrame) => res.write(`data: ${JSON.stringify(frame)}\n\n`);
      let closed = false;
      let lastWrite = Date.now();
      const tick = async () => {
        if (closed) return;
        try {
          const page = await ingest.listEvents(workspaceId, { after: lastEvent, sourceId, limit: 200 });
          for (const event of page.items) send({ kind: 'event', event });
          if (page.items.length) lastEvent = page.items[page.items.length - 1].id;
          const items = await ingest.quarantineAfter(workspaceId, lastQuarantine, sourceId);
          for (const item of items) send({ kind: 'quarantine', item });
          if (items.length) lastQuarantine = items[items.length - 1].id;
          if (page.items.length || items.length) lastWrite = Date.now();
          else if (Date.now() - lastWrite > HEARTBEAT_MS) {
            res.write(': heartbeat\n\n');
            lastWrite = Date.now();
          }
        } catch (err) {
          request.log.warn({ err }, 'debugger stream poll failed');
        }
        if (!closed) timer = setTimeout(tick, POLL_MS);
      };
      let timer = setTimeout(tick, 0);
      const end = () => {
        closed = true;
        clearTimeout(timer);
        open.delete(end);
        res.end();
      };
      open.add(end);
      request.raw.on('close', end);
    },
  );
}
