import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  LogController,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';

export type HttpServer = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface HttpServerOptions {
  readonly logger: FastifyBaseLogger;
  readonly bodyLimit: number;
  /** Trust X-Forwarded-* (only behind a reverse proxy: otherwise clients could forge their IP). */
  readonly trustProxy: boolean;
}

function pointer(path: ReadonlyArray<PropertyKey>): string {
  return path.length
    ? `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`
    : '';
}

/**
 * Request bodies nested deeper than this are refused before any handler walks them: recursive code
 * (JSON.stringify, sanitising, jsonb) overflows the stack near 5,000 levels. Far above the 32 levels a
 * message may have, so moderately deep messages still reach per-message validation.
 */
export const MAX_BODY_DEPTH = 256;

/** Whether JSON text nests deeper than `limit`: one pass over the characters, no allocation. */
export function jsonNestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

type JsonParser = ReturnType<FastifyInstance['getDefaultJsonParser']>;

/** Fastify's JSON parser (proto-poisoning refused) behind the nesting check. */
export function depthCheckedJsonParser(app: FastifyInstance): JsonParser {
  const parse = app.getDefaultJsonParser('error', 'error');
  return (request, body: string | Buffer, done) => {
    const text = typeof body === 'string' ? body : String(body);
    if (jsonNestingExceeds(text, MAX_BODY_DEPTH)) {
      done(
        new AppError('invalid', 'too_deep', `Body is nested deeper than ${MAX_BODY_DEPTH} levels`, {
          path: '',
        }),
        undefined,
      );
      return;
    }
    parse(request, text, done);
  };
}

/** Maps framework errors (body parsing, limits, media types) to our error codes. */
function fastifyErrorToApp(err: FastifyError): AppError | null {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid', 'invalid_json', `Body is not valid JSON: ${err.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      // 400 like Segment's API: SDKs treat 413 differently from other client errors.
      return new AppError('invalid', 'body_too_large', err.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'unsupported_media_type', err.message);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('invalid', 'invalid_content_length', err.message);
    default:
      if (err.message.includes('prototype property'))
        return new AppError('invalid', 'invalid_json', err.message);
      if (err instanceof SyntaxError)
        return new AppError('invalid', 'invalid_json', `Body is not valid JSON: ${err.message}`);
      return null;
  }
}

/**
 * The Fastify instance with zod validation at the edge and one error mapping: AppError → its status;
 * validation → 400 naming the field; anything unknown → 500 without internals.
 */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: options.bodyLimit,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 65_000,
    trustProxy: options.trustProxy,
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.server.headersTimeout = 20_000;
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, depthCheckedJsonParser(app));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const path = `${error.validationContext ?? 'body'}${pointer((first?.instancePath ?? '').split('/').filter(Boolean))}`;
      return reply.status(400).send({
        error: {
          code: 'invalid_request',
          message: `${path}: ${first?.message ?? 'invalid'}`,
          path,
          details: error.validation.map((v) => ({ path: v.instancePath, message: v.message })),
        },
      });
    }
    const appError = error instanceof AppError ? error : fastifyErrorToApp(error);
    if (appError) {
      if (appError.extra.retryAfterSeconds)
        reply.header('retry-after', String(appError.extra.retryAfterSeconds));
      return reply.status(appError.status).send({
        error: {
          code: appError.code,
          message: appError.message,
          path: appError.extra.path,
          details: appError.extra.details,
        },
      });
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: error.code ?? 'bad_request', message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal server error' } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` },
    }),
  );
  return app;
}

export { pointer as jsonPointer };
