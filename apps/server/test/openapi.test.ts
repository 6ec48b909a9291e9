import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { openApiDocument } from '../src/cli.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const COMMITTED = new URL('../../../docs/api/openapi.json', import.meta.url);

interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { tags?: string[]; summary?: string }>>;
  components?: { securitySchemes?: Record<string, unknown> };
}

/** Every `METHOD /path` of a document. */
function operations(doc: OpenApiDoc): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();
}

describe('OpenAPI document', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer('embedded');
  });
  after(() => t.stop());

  it('docs/api/openapi.json is up to date with the routes', async () => {
    const stale = 'docs/api/openapi.json is out of date: run `npm run openapi` and commit the result';
    assert.ok(existsSync(COMMITTED), `docs/api/openapi.json is missing: run \`npm run openapi\``);
    const generated = await openApiDocument();
    const committed = readFileSync(COMMITTED, 'utf8');
    if (committed !== generated) {
      // Say which operations differ, then compare whole documents for the details.
      const was = new Set(operations(JSON.parse(committed) as OpenApiDoc));
      const now = new Set(operations(JSON.parse(generated) as OpenApiDoc));
      const added = [...now].filter((o) => !was.has(o));
      const removed = [...was].filter((o) => !now.has(o));
      assert.deepEqual({ added, removed }, { added: [], removed: [] }, stale);
      assert.deepEqual(JSON.parse(committed), JSON.parse(generated), stale);
      assert.equal(committed, generated, `${stale} (formatting differs)`);
    }
  });

  it('is generated the same way twice', async () => {
    assert.equal(await openApiDocument(), await openApiDocument());
  });

  it('is served at /api/docs/json with the admin and the tracking API', async () => {
    const res = await fetch(`${t.url}/api/docs/json`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const served = (await res.json()) as OpenApiDoc;
    assert.match(served.openapi, /^3\./);
    assert.equal(served.info.title, 'Customer Data Platform API');
    const ops = operations(served);
    for (const op of [
      'GET /api/v1/health',
      'POST /api/v1/auth/login',
      'GET /api/v1/sources',
      'POST /api/v1/sources',
      'GET /api/v1/sources/{id}',
      'PATCH /api/v1/sources/{id}',
      'POST /api/v1/sources/{id}/rotate-key',
      'GET /api/v1/events',
      'GET /api/v1/stats/ingestion',
      'POST /api/v1/tokens',
      'GET /api/v1/debugger/stream',
      'POST /v1/track',
      'POST /v1/identify',
      'POST /v1/batch',
    ]) {
      assert.ok(ops.includes(op), `${op} is documented`);
    }
    assert.ok(served.paths['/v1/batch'].post.tags?.includes('tracking'));
    assert.ok(served.paths['/api/v1/sources'].post.tags?.includes('sources'));
    assert.deepEqual(Object.keys(served.components?.securitySchemes ?? {}).sort(), [
      'bearer',
      'session',
      'writeKey',
    ]);
    // Internal routes stay out of the document.
    assert.ok(
      !ops.some((o) => o.endsWith(' /metrics') || o.includes('/v1/t ') || o.endsWith(' /v1/t')),
      ops.join('\n'),
    );

    // What the running server documents is what the committed file documents.
    const generated = JSON.parse(await openApiDocument()) as OpenApiDoc;
    assert.deepEqual(ops, operations(generated));
  });
});
