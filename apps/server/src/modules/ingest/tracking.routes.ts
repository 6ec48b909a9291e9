import {
  BatchEnvelope,
  IngestResponse,
  LIMITS,
  MESSAGE_TYPES,
  type MessageType,
  SHORT_PATHS,
} from '@cdp/protocol';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { type HttpServer, jsonPointer } from '../../platform/http/http-server.ts';
import type { IngestService } from './ingest.service.ts';
import type { Envelope } from './normalize-event.ts';
import { rudderSourceConfig, segmentSettings } from './sdk-settings.ts';

export interface TrackingOptions {
  readonly publicUrl?: string;
}

/** The write key from HTTP Basic auth (key as user name) or from the body. */
function writeKeyOf(request: FastifyRequest, body: unknown): string | null {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Basic ')) {
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
    const user = decoded.split(':')[0];
    if (user) return user;
  }
  const fromBody = (body as { writeKey?: unknown } | null)?.writeKey;
  if (typeof fromBody === 'string' && fromBody) return fromBody;
  const fromQuery = (request.query as { writeKey?: unknown } | undefined)?.writeKey;
  return typeof fromQuery === 'string' && fromQuery ? fromQuery : null;
}

function originOf(request: FastifyRequest, options: TrackingOptions): URL {
  return new URL(options.publicUrl ?? `${request.protocol}://${request.host}`);
}

const WriteKeyParams = z.object({ writeKey: z.string().min(1).max(200) });
const tags = ['tracking'];
const responses = { 200: IngestResponse };

/**
 * The Segment-compatible HTTP Tracking API (`/v1/*`, the browser SDK's short paths) and the settings
 * endpoints that let unchanged Segment and RudderStack SDKs load against this server.
 */
export function trackingRoutes(app: HttpServer, ingest: IngestService, options: TrackingOptions): void {
  const envelopeOf = (request: FastifyRequest, batch?: BatchEnvelope): Envelope => ({
    receivedAt: new Date(),
    sentAt: batch?.sentAt,
    context: batch?.context,
    integrations: batch?.integrations,
    requestIp: request.ip ?? null,
    userAgent: request.headers['user-agent'] ?? null,
  });

  const single = (type: MessageType) => async (request: FastifyRequest, reply: FastifyReply) => {
    const source = await ingest.authenticate(writeKeyOf(request, request.body));
    const result = await ingest.ingest(source, [request.body], type, envelopeOf(request));
    if (result.rejected.length) {
      const first = result.rejected[0].problems[0];
      return reply.status(400).send({
        ...result,
        error: {
          code: first?.code ?? 'invalid_message',
          message: first?.message ?? 'Invalid message',
          path: first?.path,
        },
      });
    }
    return result;
  };

  const batch = async (request: FastifyRequest) => {
    const body = request.body;
    const source = await ingest.authenticate(writeKeyOf(request, body));
    const parsed = BatchEnvelope.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const tooMany = issue.path[0] === 'batch' && issue.code === 'too_big';
      throw new AppError(
        'invalid',
        tooMany ? 'batch_too_large' : 'invalid_message',
        tooMany
          ? `A batch holds at most ${LIMITS.maxBatchMessages} messages`
          : `${jsonPointer(issue.path)}: ${issue.message}`,
        { path: jsonPointer(issue.path) },
      );
    }
    return ingest.ingest(source, parsed.data.batch, null, envelopeOf(request, parsed.data));
  };

  const batchSchema = { tags, summary: 'Send up to 2,500 messages (500 KB) at once', response: responses };
  const limits = { bodyLimit: LIMITS.maxBatchBytes };
  for (const type of MESSAGE_TYPES) {
    const schema = { tags, summary: `Send one ${type} message (Segment spec)`, response: responses };
    app.post(`/v1/${type}`, { ...limits, schema }, single(type));
  }
  for (const [short, type] of Object.entries(SHORT_PATHS)) {
    const handler = type === 'batch' ? batch : single(type);
    app.post(
      `/v1/${short}`,
      { ...limits, schema: { ...batchSchema, summary: `analytics.js short path for ${type}`, hide: true } },
      handler,
    );
  }
  app.post('/v1/batch', { ...limits, schema: batchSchema }, batch);
  app.post('/v1/import', { ...limits, schema: { ...batchSchema, summary: 'Alias of /v1/batch' } }, batch);
  app.post(
    '/beacon/v1/batch',
    { ...limits, schema: { ...batchSchema, summary: 'RudderStack beacon batch (writeKey in the query)' } },
    batch,
  );

  app.get(
    '/v1/projects/:writeKey/settings',
    {
      schema: {
        tags,
        summary: 'Settings for @segment/analytics-next (cdnURL = this server)',
        params: WriteKeyParams,
      },
    },
    async (request) => {
      await ingest.authenticate(request.params.writeKey);
      return segmentSettings(request.params.writeKey, originOf(request, options));
    },
  );
  const sourceConfig = async (request: FastifyRequest) => {
    const writeKey = writeKeyOf(request, null);
    const source = await ingest.authenticate(writeKey);
    return rudderSourceConfig(source, writeKey ?? '');
  };
  app.get(
    '/sourceConfig',
    { schema: { tags, summary: 'Source configuration for the RudderStack JS SDK' } },
    sourceConfig,
  );
  app.get('/sourceConfig/', { schema: { hide: true } }, sourceConfig);
}
