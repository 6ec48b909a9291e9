import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Health, LIMITS } from '@cdp/protocol';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { register as metricsRegistry } from 'prom-client';
import type { Database } from './database.ts';
import { publishIdentityRules, simulateIdentityRules } from './flows/identity-rules.flow.ts';
import { journeyUpdates } from './flows/journey-updates.ts';
import { decideMatch, runProbabilisticMatching } from './flows/probabilistic-matching.flow.ts';
import { ProfilePipeline } from './flows/profile-pipeline.flow.ts';
import { splitProfile } from './flows/split-profile.flow.ts';
import {
  activationRoutes,
  DESTINATION_TYPES,
  DeliveryWorker,
  DestinationsService,
  SyncScheduler,
  SyncsService,
} from './modules/activation/index.ts';
import { AuthService, addAuthGuard, authRoutes } from './modules/auth/index.ts';
import { identityRoutes } from './modules/identity/index.ts';
import { ImportJobsService, ImportsService, importsRoutes } from './modules/imports/index.ts';
import {
  addTrackingBodyParsing,
  debuggerRoutes,
  IngestService,
  ingestAdminRoutes,
  sdkAssetRoutes,
  trackingRoutes,
} from './modules/ingest/index.ts';
import { JourneyRunner, JourneysService, journeysRoutes } from './modules/journeys/index.ts';
import { ProfilesService, profilesRoutes } from './modules/profiles/index.ts';
import { vocabularyRoutes } from './modules/query/index.ts';
import { AudienceRunner, AudiencesService, audiencesRoutes } from './modules/segments/index.ts';
import { SourcesService, sourcesRoutes } from './modules/sources/index.ts';
import { TagsService, tagsRoutes } from './modules/traits/index.ts';
import type { Config } from './platform/config.ts';
import { type DbHandle, openDatabase } from './platform/db/db-host.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { createHttpServer, type HttpServer } from './platform/http/http-server.ts';

export const VERSION = '0.1.0';
export const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const CONSOLE_DIST = fileURLToPath(new URL('../../console/dist/', import.meta.url));

export interface Services {
  readonly auth: AuthService;
  readonly sources: SourcesService;
  readonly ingest: IngestService;
  readonly pipeline: ProfilePipeline;
  readonly audiences: AudiencesService;
  readonly audienceRunner: AudienceRunner;
  readonly profiles: ProfilesService;
  readonly imports: ImportsService;
  readonly importJobs: ImportJobsService;
  readonly tags: TagsService;
  readonly destinations: DestinationsService;
  readonly syncs: SyncsService;
  readonly deliveries: DeliveryWorker;
  readonly syncScheduler: SyncScheduler;
  readonly journeys: JourneysService;
  readonly journeyRunner: JourneyRunner;
}

export interface App {
  readonly http: HttpServer;
  readonly handle: DbHandle<Database>;
  readonly services: Services;
  close(): Promise<void>;
}

/** The services over a database handle, configured from `config`. */
export function buildServices(db: Kysely<Database>, config: Config, log: Logger): Services {
  const sources = new SourcesService(db);
  const egress = {
    allow: config.CDP_DESTINATION_ALLOW_HOSTS.split(',')
      .map((h) => h.trim())
      .filter(Boolean),
    ports: config.CDP_DESTINATION_PORTS,
  };
  const exportRoot = config.CDP_EXPORT_DIR ?? join(config.CDP_DATA_DIR, 'exports');
  const deliveries = new DeliveryWorker(
    db,
    log,
    {
      types: DESTINATION_TYPES,
      egress,
      exportRoot,
      consentDefault: config.CDP_CONSENT_DEFAULT,
      backoff: { baseMs: config.CDP_DELIVERY_BACKOFF_BASE_MS, capMs: config.CDP_DELIVERY_BACKOFF_CAP_MS },
    },
    { timeZone: config.CDP_TIME_ZONE },
  );
  const syncs = new SyncsService(db, DESTINATION_TYPES, config.CDP_TIME_ZONE, () => deliveries.notify());
  const pipeline = new ProfilePipeline(db, log, {
    timeZone: config.CDP_TIME_ZONE,
    onApplied: () => {
      deliveries.notify();
      journeyRunner.notify();
    },
  });
  const audienceRunner = new AudienceRunner(db, log, {
    recheckSeconds: config.CDP_AUDIENCE_RECHECK_SECONDS,
    timeZone: config.CDP_TIME_ZONE,
    statementTimeoutMs: 0,
  });
  const ingest = new IngestService(db, sources, {
    dedupeWindowDays: config.CDP_DEDUPE_WINDOW_DAYS,
    futureToleranceMs: config.CDP_FUTURE_TOLERANCE_MINUTES * 60_000,
    maxPending: config.CDP_INGEST_MAX_PENDING,
    log,
    onCommitted: () => pipeline.notify(),
  });
  const imports = new ImportsService(ingest, sources);
  const tags = new TagsService(db, config.CDP_TIME_ZONE);
  const journeyRunner = new JourneyRunner(db, log, {
    timeZone: config.CDP_TIME_ZONE,
    types: DESTINATION_TYPES,
    applyAction: journeyUpdates(db, ingest, sources, tags),
    queued: () => deliveries.notify(),
  });
  return {
    auth: new AuthService(db, config.CDP_SESSION_TTL_HOURS),
    sources,
    ingest,
    pipeline,
    audiences: new AudiencesService(db, () => audienceRunner.notify(), config.CDP_TIME_ZONE),
    audienceRunner,
    profiles: new ProfilesService(db, (workspaceId, owner, query) =>
      ingest.timeline(workspaceId, owner, query),
    ),
    imports,
    importJobs: new ImportJobsService(db, imports, join(config.CDP_DATA_DIR, 'imports'), log),
    tags,
    destinations: new DestinationsService(db, {
      types: DESTINATION_TYPES,
      egress,
      exportRoot,
      circuit: (id) => deliveries.circuit(id),
      changed: () => deliveries.notify(),
    }),
    syncs,
    deliveries,
    syncScheduler: new SyncScheduler(syncs, log),
    journeys: new JourneysService(db, DESTINATION_TYPES, () => journeyRunner.notify()),
    journeyRunner,
  };
}

/** Opens the database (migrating it) and builds the services: used by the server, the CLI and tests. */
export async function openCore(config: Config, log: Logger, opts: { shareRunning?: boolean } = {}) {
  const handle = await openDatabase<Database>({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.CDP_DATA_DIR,
    poolSize: config.CDP_PG_POOL_SIZE,
    statementTimeoutMs: config.CDP_STATEMENT_TIMEOUT_MS,
    shareRunning: opts.shareRunning,
  });
  try {
    await migrateToLatest(handle.db, MIGRATIONS_DIR);
  } catch (err) {
    await handle.close();
    throw err;
  }
  const services = buildServices(handle.db, config, log);
  return { handle, services };
}

/** Composition root of the HTTP process: config → db → migrate → services → routes. */
export async function createApp(config: Config, log: Logger): Promise<App> {
  const { handle, services } = await openCore(config, log);
  try {
    return await buildHttp(config, log, handle, services);
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/** Registers every route on a new HTTP server over the given services. */
export async function buildHttp(
  config: Config,
  log: Logger,
  handle: DbHandle<Database>,
  services: Services,
): Promise<App> {
  const http = createHttpServer({
    logger: log,
    bodyLimit: LIMITS.maxBatchBytes,
    trustProxy: config.CDP_TRUST_PROXY,
  });

  await http.register(fastifyCookie);
  await http.register(fastifyRateLimit, { global: false });
  await http.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Customer Data Platform API',
        version: VERSION,
        description: 'Tracking API (Segment-compatible) and admin API',
      },
      components: {
        securitySchemes: {
          writeKey: {
            type: 'http',
            scheme: 'basic',
            description: 'Source write key as user name, empty password',
          },
          bearer: { type: 'http', scheme: 'bearer', description: 'Admin API token (cdp tokens create)' },
          session: { type: 'apiKey', in: 'cookie', name: 'cdp_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await http.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Tracking API: write-key auth, CORS for browsers, text/plain + gzip bodies.
  await http.register(async (scope) => {
    const tracking = scope as HttpServer;
    await tracking.register(fastifyCors, {
      origin:
        config.CDP_CORS_ORIGINS === '*' ? true : config.CDP_CORS_ORIGINS.split(',').map((s) => s.trim()),
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['content-type', 'authorization', 'content-encoding', 'anonymousid'],
      maxAge: 86_400,
    });
    addTrackingBodyParsing(tracking);
    trackingRoutes(tracking, services.ingest, { publicUrl: config.CDP_PUBLIC_URL });
    await sdkAssetRoutes(tracking);
  });

  // Admin API: session or bearer token, a permission on every route.
  await http.register(
    async (scope) => {
      const api = scope as HttpServer;
      addAuthGuard(api, services.auth);
      api.get(
        '/health',
        {
          config: { permission: 'public' },
          schema: {
            tags: ['system'],
            summary: 'Liveness and database reachability',
            response: { 200: Health },
          },
        },
        async () => {
          await handle.pool.query('select 1');
          return { status: 'ok' as const, database: handle.kind, version: VERSION };
        },
      );
      authRoutes(api, services.auth, config.CDP_SECURE_COOKIES);
      sourcesRoutes(api, services.sources);
      ingestAdminRoutes(api, services.ingest);
      debuggerRoutes(api, services.ingest);
      identityRoutes(api, handle.db, {
        simulate: (workspaceId, rules) => simulateIdentityRules(handle.db, workspaceId, rules),
        publish: async (workspaceId, rules) => {
          const impact = await publishIdentityRules(handle.db, workspaceId, rules, config.CDP_TIME_ZONE);
          services.profiles.forgetSettings(workspaceId);
          return impact;
        },
        runMatching: (workspaceId) => runProbabilisticMatching(handle.db, workspaceId, config.CDP_TIME_ZONE),
        decideMatch: (workspaceId, id, decision, actor) =>
          decideMatch(handle.db, workspaceId, id, decision, actor, config.CDP_TIME_ZONE),
      });
      importsRoutes(api, services.importJobs);
      audiencesRoutes(api, services.audiences, handle.db);
      vocabularyRoutes(api, handle.db);
      tagsRoutes(api, services.tags);
      activationRoutes(api, services.destinations, services.syncs);
      journeysRoutes(api, services.journeys);
      profilesRoutes(api, services.profiles, (workspaceId, id, body, actor) =>
        splitProfile(handle.db, services.profiles, workspaceId, id, body, actor, config.CDP_TIME_ZONE),
      );
    },
    { prefix: '/api/v1' },
  );

  http.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-type', metricsRegistry.contentType);
    return metricsRegistry.metrics();
  });

  if (existsSync(CONSOLE_DIST)) {
    await http.register(fastifyStatic, { root: CONSOLE_DIST, wildcard: false });
    http.get('/*', { schema: { hide: true } }, (request, reply) => {
      const path = request.url.split('?')[0];
      if (path.startsWith('/api/') || path.startsWith('/v1/')) {
        return reply.status(404).send({ error: { code: 'not_found', message: `No route GET ${path}` } });
      }
      return reply.sendFile('index.html');
    });
  }

  return {
    http,
    handle,
    services,
    async close() {
      // In-flight requests finish; their keep-alive connections are closed as soon as they go idle.
      const sweeper = setInterval(() => http.server.closeIdleConnections(), 50);
      try {
        await http.close();
      } finally {
        clearInterval(sweeper);
      }
      await services.ingest.drain();
      await services.pipeline.stop();
      await services.audienceRunner.stop();
      await services.syncScheduler.stop();
      await services.journeyRunner.stop();
      await services.deliveries.stop();
      await handle.close();
    },
  };
}
