import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyBaseLogger } from 'fastify';
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
  return path.length ? `/${path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '';
}

/** Maps framework errors (body parsing, limits, media types) to our error codes. */
function fastifyErrorToApp(err: FastifyError): AppError | null {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid', 'invalid_json', `Body is not valid JSON: ${err.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'body_too_large', err.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', 'unsupported_media_type', err.message);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('invalid', 'invalid_content_length', err.message);
    default:
      if (err.message.includes('prototype property')) return new AppError('invalid', 'invalid_json', err.message);
      if (err instanceof SyntaxError) return new AppError('invalid', 'invalid_json', `Body is not valid JSON: ${err.message}`);
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
      if (appError.extra.retryAfterSeconds) reply.header('retry-after', String(appError.extra.retryAfterSeconds));
      return reply.status(appError.status).send({
        error: { code: appError.code, message: appError.message, path: appError.extra.path, details: appError.extra.details },
      });
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: { code: error.code ?? 'bad_request', message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal server error' } });
  });

  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } }),
  );
  return app;
}

export { pointer as jsonPointer };
