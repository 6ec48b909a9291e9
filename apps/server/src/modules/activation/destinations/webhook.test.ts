import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { z } from 'zod';
import { type DeliveryMessage, GoneError, PermanentError, RetryableError } from '../destination.ts';
import { testContext } from '../destination-context.test-helper.ts';
import { type HttpPeer, type RecordedRequest, startHttpPeer } from '../http-peer.test-helper.ts';
import { webhookDestination } from './webhook.ts';

const eventMessage: DeliveryMessage = {
  id: 'dlv_01HZX3D8Q9',
  kind: 'event',
  workspaceId: 'ws_1',
  at: '2026-03-01T08:00:00.000Z',
  profile: {
    id: 'prof_1',
    traits: { name: '李雷', plan: 'pro' },
    identifiers: [{ type: 'email', value: 'li@example.com' }],
  },
  event: {
    messageId: 'msg_1',
    type: 'track',
    event: 'Order Completed',
    userId: 'u1',
    properties: { total: 99.5, currency: 'CNY' },
    traits: {},
    context: { locale: 'zh-CN' },
    timestamp: '2026-03-01T08:00:00.000Z',
    receivedAt: '2026-03-01T08:00:01.000Z',
    sourceId: 'src_1',
  },
  data: { coupon: '春季-SPRING', total: 99.5 },
};

const audienceMessage: DeliveryMessage = {
  id: 'dlv_01HZX3D8R0',
  kind: 'audience_change',
  workspaceId: 'ws_1',
  at: '2026-03-01T09:00:00.000Z',
  profile: { id: 'prof_2', traits: {}, identifiers: [] },
  audience: { id: 'aud_1', name: '高价值客户' },
  change: 'exit',
  data: {},
};

function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

function answer(status: number, body = '', headers: Record<string, string> = {}) {
  return (_req: RecordedRequest, res: ServerResponse) => {
    res.writeHead(status, headers).end(body);
    return true;
  };
}

async function rejectsWith<E extends Error>(
  attempt: Promise<unknown>,
  type: new (...args: never[]) => E,
  pattern: RegExp,
): Promise<E> {
  const caught = await attempt.then(
    () => assert.fail(`expected a ${type.name}`),
    (err: unknown) => err,
  );
  assert.ok(caught instanceof type, `expected ${type.name}, got ${String(caught)}`);
  assert.match(caught.message, pattern);
  return caught;
}

describe('webhook destination', () => {
  let peer: HttpPeer;
  before(async () => {
    peer = await startHttpPeer();
  });
  after(() => peer.close());

  /** Sends one message through a real context allowing only the peer; returns what the peer got. */
  async function deliver(
    config: Record<string, unknown>,
    message: DeliveryMessage = eventMessage,
    options: { signal?: AbortSignal; allow?: string[] } = {},
  ): Promise<RecordedRequest | undefined> {
    const { ctx, close } = testContext(
      webhookDestination,
      { url: `${peer.url}/hook`, ...config },
      { allow: options.allow ?? [peer.host] },
    );
    const before = peer.requests.length;
    try {
      await webhookDestination.send(message, options.signal ? { ...ctx, signal: options.signal } : ctx);
    } finally {
      await close();
    }
    assert.ok(peer.requests.length <= before + 1, 'one request per delivery');
    return peer.requests[before];
  }

  it('posts the delivery as JSON by default, with the idempotency headers', async () => {
    peer.setHandler(undefined);
    const request = await deliver({});
    assert.ok(request, 'the peer got the request');
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/hook');
    assert.equal(request.headers['content-type'], 'application/json');
    assert.equal(request.headers['webhook-id'], eventMessage.id);
    assert.equal(request.headers['idempotency-key'], eventMessage.id);
    assert.equal(request.headers['webhook-signature'], undefined);
    // exact keys: undefined fields (audience, change) are left out
    assert.deepEqual(request.json, {
      id: eventMessage.id,
      type: 'event',
      at: eventMessage.at,
      event: eventMessage.event,
      profile: eventMessage.profile,
      data: eventMessage.data,
    });
  });

  it('uses the configured method and carries audience changes', async () => {
    peer.setHandler(undefined);
    for (const method of ['PUT', 'PATCH']) {
      const request = await deliver({ method }, audienceMessage);
      assert.equal(request?.method, method);
      assert.deepEqual(request?.json, {
        id: audienceMessage.id,
        type: 'audience_change',
        at: audienceMessage.at,
        profile: audienceMessage.profile,
        audience: { id: 'aud_1', name: '高价值客户' },
        change: 'exit',
        data: {},
      });
    }
  });

  it('sends the configured headers and secret headers', async () => {
    peer.setHandler(undefined);
    const request = await deliver({
      headers: { 'X-Source': 'cdp', 'X-Tenant': 'acme' },
      secretHeaders: { Authorization: 'Bearer t0k3n', 'X-Api-Key': 'k-1' },
      contentType: 'application/vnd.acme+json; charset=utf-8',
    });
    assert.equal(request?.headers['x-source'], 'cdp');
    assert.equal(request?.headers['x-tenant'], 'acme');
    assert.equal(request?.headers.authorization, 'Bearer t0k3n');
    assert.equal(request?.headers['x-api-key'], 'k-1');
    assert.equal(request?.headers['content-type'], 'application/vnd.acme+json; charset=utf-8');
  });

  it('signs with Standard Webhooks so that the receiver can verify', async () => {
    peer.setHandler(undefined);
    const secret = newSecret();
    const request = await deliver({ signingSecret: secret });
    assert.ok(request, 'the peer got the request');
    const headers = request.headers as Record<string, string>;
    assert.equal(headers['webhook-id'], eventMessage.id);
    assert.match(headers['webhook-signature'], /^v1,[A-Za-z0-9+/]+={0,2}$/);
    assert.ok(Math.abs(Number(headers['webhook-timestamp']) - Date.now() / 1000) < 5, 'timestamp is now');
    assert.deepEqual(new Webhook(secret).verify(request.text, headers), request.json);
    // a signature that any key or any body would pass proves nothing
    assert.throws(() => new Webhook(newSecret()).verify(request.text, headers), /No matching signature/);
    assert.throws(
      () => new Webhook(secret).verify(request.text.replace('李雷', '韩梅梅'), headers),
      /No matching signature/,
    );
  });

  it('renders a Liquid body template (Chinese text, | json) and signs what it sends', async () => {
    peer.setHandler(undefined);
    const secret = newSecret();
    const bodyTemplate =
      '{"text":"您好，{{ traits.name }}！您的优惠券：{{ data.coupon }}",' +
      '"event":{{ event.event | json }},"properties":{{ event.properties | json }},' +
      '"kind":"{{ message.kind }}","profile":"{{ profile.id }}"}';
    const request = await deliver({ bodyTemplate, signingSecret: secret });
    assert.ok(request, 'the peer got the request');
    const expected = {
      text: '您好，李雷！您的优惠券：春季-SPRING',
      event: 'Order Completed',
      properties: { total: 99.5, currency: 'CNY' },
      kind: 'event',
      profile: 'prof_1',
    };
    assert.deepEqual(request.json, expected);
    assert.equal(request.body.toString('utf8'), request.text);
    assert.deepEqual(
      new Webhook(secret).verify(request.text, request.headers as Record<string, string>),
      expected,
    );
  });

  it('gives the template the traits of a message without a profile as {}', async () => {
    peer.setHandler(undefined);
    const { profile: _, ...anonymous } = eventMessage;
    const request = await deliver(
      {
        bodyTemplate: 'n={{ traits.name }};size={{ traits | size }};c={{ change }}',
        contentType: 'text/plain',
      },
      anonymous,
    );
    assert.equal(request?.text, 'n=;size=0;c=');
    assert.equal(request?.headers['content-type'], 'text/plain');
  });

  it('fails permanently, sending nothing, when the template cannot render', async () => {
    peer.setHandler(undefined);
    const before = peer.requests.length;
    await rejectsWith(deliver({ bodyTemplate: "{% render 'x' %}" }), PermanentError, /template/);
    assert.equal(peer.requests.length, before);
  });

  it('retries a 500', async () => {
    peer.setHandler(answer(500, 'database down'));
    const err = await rejectsWith(deliver({}), RetryableError, /webhook answered 500: database down/);
    assert.equal(err.details.status, 500);
  });

  it('retries a 429 after Retry-After', async () => {
    peer.setHandler(answer(429, 'slow down', { 'retry-after': '7' }));
    const err = await rejectsWith(deliver({}), RetryableError, /webhook answered 429/);
    assert.deepEqual(err.details, { status: 429, retryAfterMs: 7_000 });
  });

  it('does not retry a 400', async () => {
    peer.setHandler(answer(400, '{"error":"bad field"}'));
    const err = await rejectsWith(
      deliver({}),
      PermanentError,
      /webhook answered 400: \{"error":"bad field"\}/,
    );
    assert.ok(!(err instanceof GoneError), '400 is not gone');
    assert.equal(err.details.status, 400);
  });

  it('reports a 410 as gone', async () => {
    peer.setHandler(answer(410));
    await rejectsWith(deliver({}), GoneError, /webhook answered 410/);
  });

  it('does not follow a redirect', async () => {
    const other = await startHttpPeer();
    try {
      peer.setHandler(answer(307, '', { location: `${other.url}/moved` }));
      await rejectsWith(
        deliver({ secretHeaders: { Authorization: 'Bearer t0k3n' } }, eventMessage, {
          allow: [peer.host, other.host],
        }),
        PermanentError,
        /webhook answered 307/,
      );
      assert.equal(other.requests.length, 0);
    } finally {
      await other.close();
    }
  });

  it('gives up on a peer that hangs after timeoutMs, as a retryable failure', async () => {
    peer.setHandler(() => new Promise(() => {}));
    const started = performance.now();
    // the context's own fetch timeout is 5 s: only the config's 1 s can stop this sooner
    await rejectsWith(deliver({ timeoutMs: 1_000 }), RetryableError, /no answer in time/);
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 900 && elapsed < 2_500, `gave up after ${Math.round(elapsed)} ms`);
  });

  it('stops when the worker aborts the delivery', async () => {
    peer.setHandler(() => new Promise(() => {}));
    const started = performance.now();
    await rejectsWith(
      deliver({}, eventMessage, { signal: AbortSignal.timeout(150) }),
      RetryableError,
      /in time/,
    );
    assert.ok(performance.now() - started < 2_500, 'stopped by the worker signal, not the 5 s fetch timeout');
  });

  it('is refused by the SSRF guard when the peer is not allowed', async () => {
    peer.setHandler(undefined);
    const before = peer.requests.length;
    await rejectsWith(deliver({}, eventMessage, { allow: [] }), PermanentError, /not allowed/);
    assert.equal(peer.requests.length, before);
  });
});

describe('webhook config', () => {
  const schema = webhookDestination.configSchema;

  function issues(config: Record<string, unknown>): string[] {
    const result = schema.safeParse({ url: 'https://hooks.example.com/in', ...config });
    assert.equal(result.success, false, `expected ${JSON.stringify(config)} to be refused`);
    return result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
  }

  it('fills in the defaults', () => {
    assert.deepEqual(schema.parse({ url: 'https://hooks.example.com/in' }), {
      url: 'https://hooks.example.com/in',
      method: 'POST',
      headers: {},
      secretHeaders: {},
      contentType: 'application/json',
      timeoutMs: 10_000,
    });
  });

  it('refuses a bad URL', () => {
    for (const url of [
      'not a url',
      'ftp://hooks.example.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      '',
    ])
      assert.match(issues({ url }).join('\n'), /^url: /, url);
    assert.match(issues({ url: undefined }).join('\n'), /^url: /);
  });

  it('refuses a timeout out of range', () => {
    for (const timeoutMs of [999, 15_001, 1_500.5, '5000'])
      assert.match(issues({ timeoutMs }).join('\n'), /^timeoutMs: /, String(timeoutMs));
    assert.equal(schema.parse({ url: 'https://h.example.com/', timeoutMs: 1_000 }).timeoutMs, 1_000);
    assert.equal(schema.parse({ url: 'https://h.example.com/', timeoutMs: 15_000 }).timeoutMs, 15_000);
  });

  it('refuses other methods', () => {
    assert.match(issues({ method: 'GET' }).join('\n'), /^method: /);
  });

  it('refuses bad, reserved and multi-line headers', () => {
    assert.deepEqual(issues({ headers: { 'Bad Name': 'x' } }), ['headers.Bad Name: not a header name']);
    assert.deepEqual(issues({ secretHeaders: { 'Webhook-Signature': 'v1,x' } }), [
      'secretHeaders.Webhook-Signature: this header is set by the webhook itself',
    ]);
    assert.deepEqual(issues({ headers: { 'Content-Type': 'text/plain' } }), [
      'headers.Content-Type: this header is set by the webhook itself',
    ]);
    assert.match(issues({ headers: { 'X-Evil': 'a\r\nHost: internal' } }).join('\n'), /^headers\.X-Evil: /);
    assert.match(issues({ headers: { 'X-Name': '张三' } }).join('\n'), /^headers\.X-Name: /);
  });

  it('refuses a signing secret that is not a whsec_ key of 24 to 64 bytes', () => {
    for (const signingSecret of [
      'secret',
      'whsec_',
      'whsec_MTIz',
      `whsec_${randomBytes(65).toString('base64')}`,
    ])
      assert.match(issues({ signingSecret }).join('\n'), /^signingSecret: /, signingSecret);
    assert.doesNotThrow(() => schema.parse({ url: 'https://h.example.com/', signingSecret: newSecret() }));
  });

  it('refuses a body template that does not parse', () => {
    assert.match(
      issues({ bodyTemplate: "{{ 'a' | nope }}" }).join('\n'),
      /^bodyTemplate: template: undefined filter/,
    );
    assert.match(issues({ bodyTemplate: '{% if x %}' }).join('\n'), /^bodyTemplate: template: /);
  });

  it('describes every field in its JSON Schema, and names its secrets and URLs', () => {
    const json = z.toJSONSchema(schema, { io: 'input' }) as {
      properties: Record<string, { description?: string }>;
      required: string[];
    };
    const fields = Object.keys(json.properties);
    assert.deepEqual(fields.sort(), [
      'bodyTemplate',
      'contentType',
      'headers',
      'method',
      'secretHeaders',
      'signingSecret',
      'timeoutMs',
      'url',
    ]);
    for (const field of fields) assert.ok(json.properties[field].description, `${field} has a description`);
    assert.deepEqual(json.required, ['url']);
    for (const field of [...webhookDestination.secrets, ...webhookDestination.urls])
      assert.ok(fields.includes(field), field);
    assert.deepEqual(webhookDestination.secrets, ['secretHeaders', 'signingSecret']);
    assert.deepEqual(webhookDestination.urls, ['url']);
    assert.deepEqual(webhookDestination.accepts, ['event', 'audience_change', 'message']);
  });
});
