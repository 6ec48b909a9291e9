import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { z } from 'zod';
import type { HttpServer } from '../../platform/http/http-server.ts';

/** The browser bundle of @segment/analytics-next shipped with the server (no third-party CDN). */
const UMD_DIR = join(
  dirname(createRequire(import.meta.url).resolve('@segment/analytics-next/package.json')),
  'dist',
  'umd',
);

/**
 * Serves analytics.js for the classic Segment snippet: `${cdn}/analytics.js/v1/:writeKey/analytics.min.js`
 * and the lazy chunks it loads from `${cdn}/analytics-next/bundles/…`, so a page needs only our origin.
 */
export async function sdkAssetRoutes(app: HttpServer): Promise<void> {
  await app.register(fastifyStatic, {
    root: UMD_DIR,
    prefix: '/analytics-next/bundles/',
    decorateReply: false,
    allowedPath: (path) => /^\/[\w.-]+\.js$/.test(path),
    maxAge: '1d',
  });
  app.get(
    '/analytics.js/v1/:writeKey/analytics.min.js',
    {
      schema: {
        tags: ['tracking'],
        summary: 'analytics.js for the classic snippet',
        params: z.object({ writeKey: z.string().max(200) }),
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300').type('application/javascript; charset=utf-8');
      return reply.send(createReadStream(join(UMD_DIR, 'standalone.js')));
    },
  );
}
