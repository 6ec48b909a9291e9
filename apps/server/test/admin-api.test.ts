import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DebuggerFrame, ErrorBody, Me, Source } from '@cdp/protocol';
import { createClient } from '@cdp/sdk';
import { backends } from './support/backends.ts';
import { ADMIN, startTestServer, type TestServer } from './support/test-server.ts';

interface Answer<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** One raw HTTP call (no SDK), so status, headers and bodies can be checked exactly. */
async function call<T = Partial<ErrorBody>>(
  base: string,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {}
  return { status: res.status, headers: res.headers, body: body as T };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The `cdp_session` Set-Cookie line of a response, split into its value and lower-cased attributes. */
function sessionCookie(headers: Headers): { value: string; attrs: Map<string, string> } {
  const line = headers.getSetCookie().find((c) => c.startsWith('cdp_session='));
  assert.ok(line, `a cdp_session cookie is set (got ${JSON.stringify(headers.getSetCookie())})`);
  const [pair, ...rest] = line.split(';').map((s) => s.trim());
  const attrs = new Map(
    rest.map((a) => {
      const i = a.indexOf('=');
      return i < 0 ? [a.toLowerCase(), ''] : [a.slice(0, i).toLowerCase(), a.slice(i + 1)];
    }),
  );
  return { value: pair.slice('cdp_session='.length), attrs };
}

async function login(base: string, email: string, password: string) {
  return call<Me & Partial<ErrorBody>>(base, 'POST', '/api/v1/auth/login', { body: { email, password } });
}

/** Logs in through HTTP and returns the Cookie header value. */
async function loginCookie(base: string, email: string, password: string): Promise<string> {
  const res = await login(base, email, password);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return `cdp_session=${sessionCookie(res.headers).value}`;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, unknown>>;
}

const PUBLIC = new Set(['GET /api/v1/health', 'POST /api/v1/auth/login', 'POST /api/v1/auth/logout']);
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Reads Server-Sent Events `data:` frames from a streaming response body. */
async function* sseFrames(body: ReadableStream<Uint8Array>): AsyncGenerator<DebuggerFrame> {
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trimStart())
          .join('\n');
        if (data) yield JSON.parse(data) as DebuggerFrame;
        end = buffer.indexOf('\n\n');
      }
    }
  } finally {
    reader.releaseLock();
  }
}

for (const backend of backends()) {
  describe(`admin API (${backend})`, () => {
    let t: TestServer;
    before(async () => {
      t = await startTestServer(backend);
    });
    after(() => t.stop());

    it('refuses every admin route without credentials and with a bad bearer token (401)', async () => {
      const doc = await call<OpenApiDoc>(t.url, 'GET', '/api/docs/json');
      assert.equal(doc.status, 200);
      const routes: Array<{ method: string; path: string }> = [];
      for (const [path, ops] of Object.entries(doc.body.paths)) {
        if (!path.startsWith('/api/v1/')) continue;
        for (const method of Object.keys(ops)) {
          if (!METHODS.has(method)) continue;
          const key = `${method.toUpperCase()} ${path}`;
          if (!PUBLIC.has(key))
            routes.push({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, 'x1') });
        }
      }
      // The document must really list the admin API, or this test would pass on nothing.
      for (const known of [
        'GET /api/v1/sources',
        'POST /api/v1/sources',
        'PATCH /api/v1/sources/x1',
        'POST /api/v1/tokens',
        'GET /api/v1/debugger/stream',
      ]) {
        assert.ok(
          routes.some((r) => `${r.method} ${r.path}` === known),
          `${known} is in the OpenAPI document`,
        );
      }
      const variants: Array<[string, Record<string, string>]> = [
        ['no credentials', {}],
        ['bad bearer token', bearer('cdp_not-a-real-token')],
        ['empty bearer token', { authorization: 'Bearer ' }],
        ['bogus session cookie', { cookie: 'cdp_session=forged' }],
        [
          'write key as Basic auth',
          { authorization: `Basic ${Buffer.from(`${t.source.writeKey}:`).toString('base64')}` },
        ],
      ];
      for (const { method, path } of routes) {
        for (const [label, headers] of variants) {
          const ac = new AbortController();
          const timer = setTimeout(() => ac.abort(), 5000);
          try {
            const res = await fetch(`${t.url}${path}`, {
              method,
              headers: method === 'GET' ? headers : { ...headers, 'content-type': 'application/json' },
              body: method === 'GET' ? undefined : '{}',
              signal: ac.signal,
            });
            // Read the body only when it is not a stream that never ends.
            const isStream = res.headers.get('content-type')?.startsWith('text/event-stream');
            const body = isStream ? null : ((await res.json()) as ErrorBody);
            if (isStream) await res.body?.cancel();
            assert.equal(res.status, 401, `${method} ${path} (${label})`);
            assert.equal(body?.error.code, 'not_authenticated', `${method} ${path} (${label})`);
          } finally {
            clearTimeout(timer);
            ac.abort();
          }
        }
        // The HEAD twin of a GET route is guarded as well.
        if (method === 'GET')
          assert.equal((await fetch(`${t.url}${path}`, { method: 'HEAD' })).status, 401, `HEAD ${path}`);
      }
    });

    it('logs in with a session cookie (HttpOnly, SameSite=Strict) and logs out', async () => {
      const res = await login(t.url, ADMIN.email, ADMIN.password);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.email, ADMIN.email);
      assert.equal(res.body.role, 'owner');
      const { value, attrs } = sessionCookie(res.headers);
      assert.ok(value.length >= 32, 'session secret is long');
      assert.ok(attrs.has('httponly'), 'HttpOnly');
      assert.equal(attrs.get('samesite')?.toLowerCase(), 'strict');
      assert.equal(attrs.get('path'), '/');
      assert.ok(Date.parse(attrs.get('expires') ?? '') > Date.now(), 'expires in the future');
      const cookie = `cdp_session=${value}`;

      const me = await call<Me>(t.url, 'GET', '/api/v1/auth/me', { headers: { cookie } });
      assert.equal(me.status, 200);
      assert.equal(me.body.email, ADMIN.email);
      assert.equal(me.body.role, 'owner');
      assert.equal(me.body.workspaceId, 'ws_default');
      assert.equal((await call(t.url, 'GET', '/api/v1/sources', { headers: { cookie } })).status, 200);

      // The email is matched without regard to case and surrounding spaces.
      assert.equal((await login(t.url, `  ${ADMIN.email.toUpperCase()} `, ADMIN.password)).status, 200);

      const out = await call(t.url, 'POST', '/api/v1/auth/logout', { headers: { cookie }, body: {} });
      assert.equal(out.status, 200);
      assert.deepEqual(out.body, { ok: true });
      const cleared = sessionCookie(out.headers);
      assert.equal(cleared.value, '');
      assert.ok(
        cleared.attrs.get('max-age') === '0' || Date.parse(cleared.attrs.get('expires') ?? '') < Date.now(),
        'cookie expired',
      );

      const again = await call(t.url, 'GET', '/api/v1/auth/me', { headers: { cookie } });
      assert.equal(again.status, 401, 'the old session cookie no longer works');
      assert.equal(again.body.error?.code, 'not_authenticated');
    });

    it('blocks an account after 5 failed logins (429 + Retry-After) and does not reveal unknown emails', async () => {
      const email = 'target@test.local';
      const password = 'the-right-password';
      await t.server.app.services.auth.createUser(email, password, 'analyst');

      const wrong = await login(t.url, email, 'wrong-password');
      const unknown = await login(t.url, 'nobody-here@test.local', 'wrong-password');
      assert.equal(unknown.status, wrong.status);
      assert.deepEqual(unknown.body, wrong.body, 'an unknown email answers exactly like a wrong password');
      assert.equal(wrong.headers.get('set-cookie'), null);

      // 1 failure so far; 4 more, with the email in other cases (they count for the same account).
      assert.equal(wrong.status, 401);
      assert.equal(wrong.body.error?.code, 'invalid_credentials');
      for (const variant of [email.toUpperCase(), email, `Target@Test.Local`, email]) {
        const res = await login(t.url, variant, 'wrong-password');
        assert.equal(res.status, 401, `failure with ${variant}`);
        assert.equal(res.body.error?.code, 'invalid_credentials');
      }
      const blocked = await login(t.url, email, password);
      assert.equal(blocked.status, 429, 'the 6th attempt is refused even with the right password');
      assert.equal(blocked.body.error?.code, 'too_many_attempts');
      assert.equal(blocked.headers.get('set-cookie'), null, 'no session while blocked');
      const retryAfter = Number(blocked.headers.get('retry-after'));
      assert.ok(
        Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 15 * 60,
        `Retry-After ${blocked.headers.get('retry-after')}`,
      );
      assert.equal(
        (await login(t.url, email.toUpperCase(), password)).status,
        429,
        'case does not bypass the block',
      );

      // Only that account is blocked.
      assert.equal((await login(t.url, ADMIN.email, ADMIN.password)).status, 200);
    });

    it('counts concurrent login attempts: a burst of guesses gets only 5 password checks', async () => {
      // A server of its own: the HTTP rate limit of the login route (30 a minute per IP) is not the subject here.
      const s = await startTestServer(backend);
      try {
        const email = 'burst@test.local';
        await s.server.app.services.auth.createUser(email, 'the-right-password', 'viewer');
        const answers = await Promise.all(
          Array.from({ length: 12 }, (_, i) => login(s.url, email, `guess-${i}`)),
        );
        const statuses = answers.map((a) => a.status).sort();
        assert.deepEqual(
          statuses,
          [...Array(5).fill(401), ...Array(7).fill(429)],
          `statuses ${statuses.join(',')}`,
        );
        assert.equal((await login(s.url, email, 'the-right-password')).status, 429);
      } finally {
        await s.stop();
      }
    });

    it('enforces role permissions: a viewer reads sources but cannot change them or mint tokens', async () => {
      await t.server.app.services.auth.createUser('viewer@test.local', 'viewer-password', 'viewer');
      const cookie = await loginCookie(t.url, 'viewer@test.local', 'viewer-password');
      const me = await call<Me>(t.url, 'GET', '/api/v1/auth/me', { headers: { cookie } });
      assert.equal(me.body.role, 'viewer');
      const list = await call<{ items: Source[] }>(t.url, 'GET', '/api/v1/sources', { headers: { cookie } });
      assert.equal(list.status, 200);
      assert.ok(list.body.items.some((s) => s.id === t.source.id));
      assert.equal((await call(t.url, 'GET', '/api/v1/events', { headers: { cookie } })).status, 200);

      const before = list.body.items.length;
      const create = await call(t.url, 'POST', '/api/v1/sources', {
        headers: { cookie },
        body: { name: 'Nope', type: 'web' },
      });
      assert.equal(create.status, 403);
      assert.equal(create.body.error?.code, 'forbidden');
      const rename = await call(t.url, 'PATCH', `/api/v1/sources/${t.source.id}`, {
        headers: { cookie },
        body: { enabled: false },
      });
      assert.equal(rename.status, 403);
      const token = await call(t.url, 'POST', '/api/v1/tokens', {
        headers: { cookie },
        body: { name: 'escalate' },
      });
      assert.equal(token.status, 403);
      assert.equal(token.body.error?.code, 'forbidden');
      assert.equal((await t.api.sources.list()).items.length, before, 'nothing was created');
      assert.equal((await t.api.sources.get(t.source.id)).enabled, true, 'nothing was disabled');
    });

    it('creates, lists, gets, renames, disables, enables and rotates the key of a source', async () => {
      const created = await t.api.sources.create({ name: 'POS Shanghai', type: 'pos' });
      assert.match(created.id, /^src_/);
      assert.equal(created.name, 'POS Shanghai');
      assert.equal(created.type, 'pos');
      assert.equal(created.enabled, true);
      assert.ok(created.writeKey.length >= 20, 'a write key is returned');
      assert.notEqual(created.writeKey, t.source.writeKey);

      const list = await t.api.sources.list();
      assert.deepEqual(
        list.items.find((s) => s.id === created.id),
        created,
      );
      assert.ok(list.items.some((s) => s.id === t.source.id));
      assert.deepEqual(await t.api.sources.get(created.id), created);

      const send = (writeKey: string, n: string) =>
        t.track('/v1/track', { userId: 'pos-user', event: 'Purchase', messageId: `pos-${n}` }, { writeKey });
      assert.equal((await send(created.writeKey, 'a')).status, 200);

      const renamed = await t.api.sources.update(created.id, { name: '  POS Beijing  ' });
      assert.equal(renamed.name, 'POS Beijing', 'the name is trimmed');
      assert.equal(renamed.writeKey, created.writeKey);
      assert.ok(Date.parse(renamed.updatedAt) >= Date.parse(created.updatedAt));
      assert.equal((await t.api.sources.get(created.id)).name, 'POS Beijing');

      const disabled = await t.api.sources.update(created.id, { enabled: false });
      assert.equal(disabled.enabled, false);
      const refused = await send(created.writeKey, 'b');
      assert.equal(refused.status, 401);
      assert.equal(refused.body.error?.code, 'source_disabled');
      assert.equal(
        (await t.api.events.list({ sourceId: created.id })).items.length,
        1,
        'nothing stored while disabled',
      );

      assert.equal((await t.api.sources.update(created.id, { enabled: true })).enabled, true);
      assert.equal((await send(created.writeKey, 'c')).status, 200);

      const rotated = await t.api.sources.rotateKey(created.id);
      assert.equal(rotated.id, created.id);
      assert.notEqual(rotated.writeKey, created.writeKey);
      const old = await send(created.writeKey, 'd');
      assert.equal(old.status, 401, 'the old key stops working');
      assert.equal(old.body.error?.code, 'unauthorized');
      assert.equal((await send(rotated.writeKey, 'e')).status, 200, 'the new key works');
      assert.equal((await t.api.sources.get(created.id)).writeKey, rotated.writeKey);
      const stored = await t.api.events.list({ sourceId: created.id });
      assert.deepEqual(stored.items.map((e) => e.messageId).sort(), ['pos-a', 'pos-c', 'pos-e']);
    });

    it('validates source bodies and ids', async () => {
      const auth = bearer(t.token);
      const before = (await t.api.sources.list()).items.length;

      const badType = await call(t.url, 'POST', '/api/v1/sources', {
        headers: auth,
        body: { name: 'x', type: 'nope' },
      });
      assert.equal(badType.status, 400);
      assert.equal(badType.body.error?.code, 'invalid_request');
      assert.equal(badType.body.error?.path, 'body/type');
      assert.match(badType.body.error?.message ?? '', /type/);

      const hack = await call(t.url, 'POST', '/api/v1/sources', {
        headers: auth,
        body: { name: 'x', type: 'web', id: 'src_hack' },
      });
      assert.equal(hack.status, 400, 'unknown properties are refused (no mass assignment)');
      assert.equal(hack.body.error?.code, 'invalid_request');
      assert.match(hack.body.error?.message ?? '', /\bid\b/);
      const hackKey = await call(t.url, 'POST', '/api/v1/sources', {
        headers: auth,
        body: { name: 'x', type: 'web', writeKey: 'mine' },
      });
      assert.equal(hackKey.status, 400);
      assert.equal((await call(t.url, 'GET', '/api/v1/sources/src_hack', { headers: auth })).status, 404);

      for (const body of [
        { type: 'web' },
        { name: '   ', type: 'web' },
        { name: 'x'.repeat(101), type: 'web' },
        'not json',
      ]) {
        const res = await call(t.url, 'POST', '/api/v1/sources', { headers: auth, body });
        assert.equal(res.status, 400, `create with ${JSON.stringify(body)}`);
      }
      for (const body of [
        { writeKey: 'mine' },
        { workspaceId: 'ws_other' },
        { enabled: 'no' },
        { name: '' },
      ]) {
        const res = await call(t.url, 'PATCH', `/api/v1/sources/${t.source.id}`, { headers: auth, body });
        assert.equal(res.status, 400, `update with ${JSON.stringify(body)}`);
      }
      const unchanged = await t.api.sources.get(t.source.id);
      assert.deepEqual(
        [unchanged.name, unchanged.enabled, unchanged.writeKey, unchanged.updatedAt],
        [t.source.name, t.source.enabled, t.source.writeKey, t.source.updatedAt],
        'refused updates changed nothing',
      );

      for (const [method, path, body] of [
        ['GET', '/api/v1/sources/src_missing', undefined],
        ['PATCH', '/api/v1/sources/src_missing', { name: 'y' }],
        ['POST', '/api/v1/sources/src_missing/rotate-key', {}],
      ] as const) {
        const res = await call(t.url, method, path, { headers: auth, body });
        assert.equal(res.status, 404, `${method} ${path}`);
        assert.equal(res.body.error?.code, 'source_not_found');
      }
      assert.equal(
        (await call(t.url, 'GET', `/api/v1/sources/${'x'.repeat(65)}`, { headers: auth })).status,
        400,
      );
      assert.equal((await t.api.sources.list()).items.length, before, 'no refused request created a source');
    });

    it('lists events with filters and pages through them with the before cursor', async () => {
      const a = await t.api.sources.create({ name: 'Events A', type: 'server' });
      const b = await t.api.sources.create({ name: 'Events B', type: 'app' });

      // 120 events on A, sent in batches.
      const sent: string[] = [];
      for (let start = 0; start < 120; start += 40) {
        const batch = Array.from({ length: 40 }, (_, i) => {
          const messageId = `page-${start + i}`;
          sent.push(messageId);
          return { type: 'track', event: 'Paged', userId: `pager-${(start + i) % 3}`, messageId };
        });
        const res = await t.track('/v1/batch', { batch }, { writeKey: a.writeKey });
        assert.equal(res.body.accepted, 40);
      }
      const seen: string[] = [];
      const pages: number[] = [];
      let cursor: string | undefined;
      let previousId = Number.POSITIVE_INFINITY;
      for (;;) {
        const page = await t.api.events.list({ event: 'Paged', limit: 50, before: cursor });
        pages.push(page.items.length);
        for (const e of page.items) {
          assert.ok(Number(e.id) < previousId, 'newest first, strictly');
          previousId = Number(e.id);
          seen.push(e.messageId);
        }
        if (!page.nextCursor) break;
        assert.equal(page.nextCursor, page.items[page.items.length - 1].id);
        cursor = page.nextCursor;
        assert.ok(pages.length < 5, 'pagination ends');
      }
      assert.deepEqual(pages, [50, 50, 20]);
      assert.equal(new Set(seen).size, 120, 'no overlap');
      assert.deepEqual([...seen].sort(), [...sent].sort());
      // Newest first: every event of a later request comes before those of earlier ones (the order inside
      // one batch, which shares one receivedAt, is the store's).
      const batchOf = (messageId: string) => Math.floor(Number(messageId.slice('page-'.length)) / 40);
      assert.deepEqual(seen.map(batchOf), [...Array(40).fill(2), ...Array(40).fill(1), ...Array(40).fill(0)]);

      // B: an identify, two tracks, at two distinct moments.
      const r1 = await t.track(
        '/v1/identify',
        { userId: 'filter-u1', traits: { plan: 'pro' }, messageId: 'f-1' },
        { writeKey: b.writeKey },
      );
      const r2 = await t.track(
        '/v1/track',
        { userId: 'filter-u1', event: 'Paged', messageId: 'f-2' },
        { writeKey: b.writeKey },
      );
      assert.deepEqual([r1.status, r2.status], [200, 200]);
      await new Promise((r) => setTimeout(r, 30));
      const mid = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 30));
      const r3 = await t.track(
        '/v1/track',
        { anonymousId: 'anon-9', event: 'Late', messageId: 'f-3' },
        { writeKey: b.writeKey },
      );
      assert.equal(r3.status, 200);

      const ids = async (q: Parameters<typeof t.api.events.list>[0]) =>
        (await t.api.events.list(q)).items.map((e) => e.messageId).sort();
      assert.deepEqual(await ids({ sourceId: b.id }), ['f-1', 'f-2', 'f-3']);
      assert.equal((await t.api.events.list({ sourceId: a.id, limit: 500 })).items.length, 120);
      assert.deepEqual(await ids({ sourceId: b.id, type: 'identify' }), ['f-1']);
      assert.deepEqual(await ids({ sourceId: b.id, event: 'Paged' }), ['f-2']);
      assert.equal((await t.api.events.list({ event: 'Paged', limit: 500 })).items.length, 121);
      assert.deepEqual(await ids({ userId: 'filter-u1' }), ['f-1', 'f-2']);
      assert.deepEqual(
        await ids({ userId: 'pager-1', limit: 500 }),
        sent.filter((_, i) => i % 3 === 1).sort(),
      );
      assert.deepEqual(await ids({ anonymousId: 'anon-9' }), ['f-3']);
      assert.deepEqual(await ids({ sourceId: b.id, from: mid }), ['f-3']);
      assert.deepEqual(await ids({ sourceId: b.id, to: mid }), ['f-1', 'f-2']);
      assert.deepEqual(await ids({ sourceId: b.id, type: 'track', to: mid }), ['f-2']);
      assert.deepEqual(await ids({ sourceId: b.id, from: new Date(Date.now() + 60_000).toISOString() }), []);
      assert.deepEqual(await ids({ userId: 'nobody' }), []);

      const auth = bearer(t.token);
      for (const q of ['limit=0', 'limit=501', 'before=abc', 'from=yesterday', 'unknown=1']) {
        const res = await call(t.url, 'GET', `/api/v1/events?${q}`, { headers: auth });
        assert.equal(res.status, 400, q);
        assert.equal(res.body.error?.code, 'invalid_request', q);
      }
    });

    it('reports ingestion stats per source: accepted, duplicates and quarantined', async () => {
      // A server of its own: the totals cover the whole workspace.
      const s = await startTestServer(backend);
      try {
        const other = await s.api.sources.create({ name: 'Mini Program', type: 'miniprogram' });
        const batchA = Array.from({ length: 7 }, (_, i) => ({
          type: 'track',
          event: 'Stat',
          userId: 'sa',
          messageId: `sa-${i}`,
        }));
        const batchB = Array.from({ length: 4 }, (_, i) => ({
          type: 'page',
          name: 'Home',
          anonymousId: 'sb',
          messageId: `sb-${i}`,
        }));
        assert.equal((await s.track('/v1/batch', { batch: batchA })).body.accepted, 7);
        assert.equal(
          (await s.track('/v1/batch', { batch: batchB }, { writeKey: other.writeKey })).body.accepted,
          4,
        );
        // Retries: 2 duplicates on A (one in a batch, one single), 1 on B.
        assert.equal((await s.track('/v1/batch', { batch: batchA.slice(0, 1) })).body.duplicates, 1);
        assert.equal((await s.track('/v1/track', batchA[1])).body.duplicates, 1);
        assert.equal(
          (await s.track('/v1/batch', { batch: batchB.slice(3) }, { writeKey: other.writeKey })).body
            .duplicates,
          1,
        );
        // Quarantined: one on B (no identity), two on A in a batch with one good message.
        const q1 = await s.track(
          '/v1/track',
          { event: 'No Identity', messageId: 'sq-1' },
          { writeKey: other.writeKey },
        );
        assert.equal(q1.status, 400);
        const mixed = await s.track('/v1/batch', {
          batch: [
            { type: 'track', userId: 'sa', messageId: 'sq-2' },
            { type: 'nope', userId: 'sa', messageId: 'sq-3' },
            { type: 'track', event: 'Stat', userId: 'sa', messageId: 'sa-7' },
          ],
        });
        assert.deepEqual([mixed.body.accepted, mixed.body.rejected?.length], [1, 2]);

        const stats = await s.api.stats.ingestion({ bucket: 'minute' });
        assert.equal(stats.bucket, 'minute');
        assert.deepEqual(stats.totals, { accepted: 12, quarantined: 3, duplicates: 3 });
        const sum = (sourceId: string) => {
          const series = stats.series.find((x) => x.sourceId === sourceId);
          assert.ok(series, `a series for ${sourceId}`);
          for (const p of series.points) {
            assert.match(p.t, /:00\.000Z$/, 'points are minute buckets');
            assert.ok(
              Date.parse(p.t) >= Date.parse(stats.from) - 60_000 && Date.parse(p.t) <= Date.parse(stats.to),
            );
          }
          return {
            name: series.sourceName,
            accepted: series.points.reduce((n, p) => n + p.accepted, 0),
            quarantined: series.points.reduce((n, p) => n + p.quarantined, 0),
            duplicates: series.points.reduce((n, p) => n + p.duplicates, 0),
          };
        };
        assert.equal(stats.series.length, 2);
        assert.deepEqual(sum(s.source.id), {
          name: s.source.name,
          accepted: 8,
          quarantined: 2,
          duplicates: 2,
        });
        assert.deepEqual(sum(other.id), { name: 'Mini Program', accepted: 4, quarantined: 1, duplicates: 1 });

        for (const bucket of ['hour', 'day'] as const) {
          const coarse = await s.api.stats.ingestion({ bucket });
          assert.deepEqual(coarse.totals, stats.totals, `${bucket} totals`);
        }
        const future = await s.api.stats.ingestion({ from: new Date(Date.now() + 3_600_000).toISOString() });
        assert.deepEqual(future.totals, { accepted: 0, quarantined: 0, duplicates: 0 });
        assert.deepEqual(future.series, []);
        const bad = await call(s.url, 'GET', '/api/v1/stats/ingestion?bucket=week', {
          headers: bearer(s.token),
        });
        assert.equal(bad.status, 400);
      } finally {
        await s.stop();
      }
    });

    it('creates API tokens that work as bearer and are never shown again', async () => {
      const created = await t.api.tokens.create('ci pipeline');
      assert.equal(created.name, 'ci pipeline');
      assert.match(created.id, /^tok_/);
      assert.match(created.token, /^cdp_.{20,}/);
      const ci = createClient({ baseUrl: t.url, token: created.token });
      assert.ok((await ci.sources.list()).items.some((s) => s.id === t.source.id));
      const me = await ci.auth.me();
      assert.equal(me.id, created.id);

      // No route hands the token out again, and the database holds only its hash.
      assert.equal((await call(t.url, 'GET', '/api/v1/tokens', { headers: bearer(t.token) })).status, 404);
      assert.equal(
        (await call(t.url, 'GET', `/api/v1/tokens/${created.id}`, { headers: bearer(t.token) })).status,
        404,
      );
      const row = await t.server.app.handle.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.token_hash, createHash('sha256').update(created.token).digest('hex'));
      assert.ok(!JSON.stringify(row).includes(created.token), 'the token itself is not stored');

      const second = await t.api.tokens.create('ci pipeline');
      assert.notEqual(second.token, created.token, 'each token is new');
      for (const body of [{}, { name: '' }, { name: 'x', role: 'owner' }]) {
        const res = await call(t.url, 'POST', '/api/v1/tokens', { headers: bearer(t.token), body });
        assert.equal(res.status, 400, JSON.stringify(body));
      }
    });

    it('serves a public health check naming the database kind', async () => {
      const res = await call<{ status: string; database: string; version: string }>(
        t.url,
        'GET',
        '/api/v1/health',
      );
      assert.equal(res.status, 200);
      assert.equal(res.body.status, 'ok');
      assert.equal(res.body.database, backend);
      assert.match(res.body.version, /^\d+\.\d+\.\d+/);
      assert.deepEqual(await t.api.health(), res.body);
    });

    it('streams new events and quarantined messages to the live debugger', {
      timeout: 20_000,
    }, async (ctx) => {
      const other = await t.api.sources.create({ name: 'Debugger Other', type: 'crm' });
      const ingest = t.server.app.services.ingest;
      const quarantineAfter = ingest.quarantineAfter;
      let polls = 0;
      ingest.quarantineAfter = (...args) => {
        polls++;
        return quarantineAfter.apply(ingest, args);
      };
      const all = new AbortController();
      const filtered = new AbortController();
      ctx.after(() => {
        ingest.quarantineAfter = quarantineAfter;
      });
      try {
        const res = await fetch(`${t.url}/api/v1/debugger/stream`, {
          headers: bearer(t.token),
          signal: all.signal,
        });
        const resOther = await fetch(t.api.debuggerStreamUrl({ sourceId: other.id }), {
          headers: bearer(t.token),
          signal: filtered.signal,
        });
        assert.equal(res.status, 200);
        assert.equal(resOther.status, 200);
        assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
        assert.ok(res.body && resOther.body);

        const good = await t.track('/v1/track', {
          userId: 'dbg-user',
          event: 'Debugged',
          properties: { n: 7 },
          messageId: 'dbg-1',
        });
        assert.equal(good.status, 200);
        const bad = await t.track('/v1/track', { event: 'No Identity', messageId: 'dbg-2' });
        assert.equal(bad.status, 400);
        const elsewhere = await t.track(
          '/v1/track',
          { userId: 'dbg-user', event: 'Elsewhere', messageId: 'dbg-3' },
          { writeKey: other.writeKey },
        );
        assert.equal(elsewhere.status, 200);

        /** Frames of a stream until `done` says so, or until 5 s have passed. */
        const collect = async (
          body: ReadableStream<Uint8Array>,
          ac: AbortController,
          done: (seen: DebuggerFrame[]) => boolean,
        ) => {
          const seen: DebuggerFrame[] = [];
          const deadline = setTimeout(() => ac.abort(), 5000);
          try {
            for await (const frame of sseFrames(body)) {
              seen.push(frame);
              if (done(seen)) break;
            }
          } catch (err) {
            if (!ac.signal.aborted) throw err;
          } finally {
            clearTimeout(deadline);
          }
          return seen;
        };
        const isEvent = (id: string) => (f: DebuggerFrame) => f.kind === 'event' && f.event.messageId === id;
        const isQuarantine = (id: string) => (f: DebuggerFrame) =>
          f.kind === 'quarantine' && f.item.messageId === id;
        const [frames, otherFrames] = await Promise.all([
          collect(res.body, all, (seen) => seen.some(isEvent('dbg-1')) && seen.some(isQuarantine('dbg-2'))),
          collect(resOther.body, filtered, (seen) => seen.some(isEvent('dbg-3'))),
        ]);

        const eventFrame = frames.find(isEvent('dbg-1'));
        const quarantineFrame = frames.find(isQuarantine('dbg-2'));
        assert.ok(eventFrame?.kind === 'event', 'an event frame within 5 s');
        assert.ok(quarantineFrame?.kind === 'quarantine', 'a quarantine frame within 5 s');
        assert.equal(eventFrame.event.event, 'Debugged');
        assert.equal(eventFrame.event.userId, 'dbg-user');
        assert.equal(eventFrame.event.sourceId, t.source.id);
        assert.deepEqual(eventFrame.event.message.properties, { n: 7 });
        assert.equal(quarantineFrame.item.sourceId, t.source.id);
        assert.equal(quarantineFrame.item.status, 'pending');
        assert.equal(quarantineFrame.item.problems[0]?.code, 'missing_identity');

        // The stream filtered by source got its event, and nothing of the other source (sent before it).
        assert.ok(otherFrames.some(isEvent('dbg-3')), 'the filtered stream got its event within 5 s');
        for (const f of otherFrames)
          assert.equal(f.kind === 'event' ? f.event.sourceId : f.item.sourceId, other.id);
      } finally {
        all.abort();
        filtered.abort();
      }
      // Closed streams stop tailing the database.
      await new Promise((r) => setTimeout(r, 300));
      const pollsAtClose = polls;
      await new Promise((r) => setTimeout(r, 2500));
      assert.equal(polls, pollsAtClose, 'no polling after the clients went away');
    });
  });
}
