import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError, createClient } from './index.ts';

const respond = (status: number, body: string) =>
  (async () =>
    new Response(body, { status, headers: { 'content-type': 'application/json' } })) as typeof fetch;

describe('sdk client', () => {
  it('turns an error body into an ApiError with status, code and path', async () => {
    const api = createClient({
      fetch: respond(
        400,
        '{"error":{"code":"invalid_request","message":"body/name: too short","path":"body/name"}}',
      ),
    });
    await assert.rejects(api.sources.create({ name: '', type: 'web' }), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.deepEqual([e.status, e.code, e.path], [400, 'invalid_request', 'body/name']);
      return true;
    });
  });

  it('reports a non-JSON answer (a proxy error page) as an ApiError, not a SyntaxError', async () => {
    const api = createClient({ fetch: respond(502, '<html>Bad Gateway</html>') });
    await assert.rejects(
      api.health(),
      (e: unknown) => e instanceof ApiError && e.status === 502 && e.code === 'http_error',
    );
  });

  it('sends the bearer token and query parameters', async () => {
    let seen: Request | undefined;
    const api = createClient({
      baseUrl: 'http://cdp.test/',
      token: 'cdp_x',
      fetch: (async (input: string | URL | Request, init?: RequestInit) => {
        seen = new Request(input, init);
        return new Response('{"items":[],"nextCursor":null}', { status: 200 });
      }) as typeof fetch,
    });
    await api.events.list({ type: 'track', event: '下单', limit: 5 });
    assert.equal(seen?.url, 'http://cdp.test/api/v1/events?type=track&event=%E4%B8%8B%E5%8D%95&limit=5');
    assert.equal(seen?.headers.get('authorization'), 'Bearer cdp_x');
  });
});
