import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { type DeliveryMessage, PermanentError, RetryableError } from '../destination.ts';
import { testContext } from '../destination-context.test-helper.ts';
import { redisStreamDestination } from './redis-stream.ts';

const REDIS_URL = process.env.TEST_REDIS_URL;

function message(id = `dlv_${randomUUID()}`): DeliveryMessage {
  return {
    id,
    kind: 'audience_change',
    workspaceId: 'ws_test',
    at: '2026-03-01T08:00:00.000Z',
    profile: { id: 'prof_1', traits: { name: '李四' }, identifiers: [] },
    audience: { id: 'aud_1', name: 'VIP' },
    change: 'enter',
    data: {},
  };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  assert.ok(address && typeof address === 'object');
  return address.port;
}

describe('redisStreamDestination config', () => {
  it('describes every field for the console form', () => {
    const schema = z.toJSONSchema(redisStreamDestination.configSchema, { io: 'input' }) as {
      properties: Record<string, { description?: string }>;
    };
    for (const [name, field] of Object.entries(schema.properties)) assert.ok(field.description, name);
  });

  it('refuses other URL schemes, keys with spaces and bad templates', () => {
    const parse = (config: object) =>
      redisStreamDestination.configSchema.safeParse({
        url: 'redis://redis:6379',
        stream: 'cdp:events',
        ...config,
      });
    assert.equal(parse({}).success, true);
    assert.equal(parse({ url: 'http://redis:6379' }).success, false);
    assert.equal(parse({ stream: 'cdp events' }).success, false);
    assert.equal(parse({ stream: 'cdp:{% if %}' }).success, false);
  });
});

describe('redisStreamDestination', { skip: REDIS_URL ? false : 'TEST_REDIS_URL not set' }, () => {
  let redis: Redis;
  const prefix = `cdptest:${randomUUID()}`;
  const config = (extra: object = {}) => ({
    url: REDIS_URL,
    stream: `${prefix}:{{ message.kind }}`,
    dedupePrefix: `${prefix}:dedupe`,
    ...extra,
  });

  before(() => {
    redis = new Redis(REDIS_URL ?? '');
  });
  after(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('adds an entry with id, type and JSON payload to the rendered stream', async () => {
    const { ctx, close } = testContext(redisStreamDestination, config());
    const sent = message();
    try {
      await redisStreamDestination.send(sent, ctx);
      const entries = await redis.xrange(`${prefix}:audience_change`, '-', '+');
      assert.equal(entries.length, 1);
      const fields = entries[0][1];
      assert.deepEqual(
        fields.filter((_, i) => i % 2 === 0),
        ['id', 'type', 'payload'],
      );
      assert.equal(fields[1], sent.id);
      assert.equal(fields[3], 'audience_change');
      assert.deepEqual(JSON.parse(fields[5]), {
        id: sent.id,
        type: 'audience_change',
        at: sent.at,
        profile: sent.profile,
        audience: sent.audience,
        change: 'enter',
        data: {},
      });
      const ttl = await redis.ttl(`${prefix}:dedupe:${prefix}:audience_change:${sent.id}`);
      assert.ok(ttl > 86_000 && ttl <= 86_400, `ttl ${ttl}`);
    } finally {
      await close();
    }
  });

  it('adds a retried delivery once', async () => {
    const { ctx, close } = testContext(redisStreamDestination, config({ stream: `${prefix}:dupes` }));
    const sent = message();
    try {
      await redisStreamDestination.send(sent, ctx);
      await redisStreamDestination.send(sent, ctx);
      await Promise.all([redisStreamDestination.send(sent, ctx), redisStreamDestination.send(sent, ctx)]);
      assert.equal(await redis.xlen(`${prefix}:dupes`), 1);
      await redisStreamDestination.send(message(), ctx);
      assert.equal(await redis.xlen(`${prefix}:dupes`), 2);
    } finally {
      await close();
    }
  });

  it('trims the stream to about maxLen entries', async () => {
    const { ctx, close } = testContext(
      redisStreamDestination,
      config({ stream: `${prefix}:trimmed`, maxLen: 10 }),
    );
    try {
      for (let i = 0; i < 300; i++) await redisStreamDestination.send(message(), ctx);
      const length = await redis.xlen(`${prefix}:trimmed`);
      // approximate trimming drops whole nodes (100 entries each by default), never below maxLen
      assert.ok(length >= 10 && length <= 110, `length ${length}`);
    } finally {
      await close();
    }
  });

  it('fails permanently when the key holds another type, without remembering the id', async () => {
    const key = `${prefix}:string`;
    await redis.set(key, 'x');
    const { ctx, close } = testContext(redisStreamDestination, config({ stream: key }));
    const sent = message();
    try {
      await assert.rejects(redisStreamDestination.send(sent, ctx), PermanentError);
      await redis.del(key);
      await redisStreamDestination.send(sent, ctx);
      assert.equal(await redis.xlen(key), 1);
    } finally {
      await close();
    }
  });

  it('retries when the server is unreachable', async () => {
    const { ctx, close } = testContext(redisStreamDestination, {
      url: `redis://127.0.0.1:${await closedPort()}`,
      stream: `${prefix}:down`,
      timeoutMs: 1_000,
    });
    try {
      await assert.rejects(redisStreamDestination.send(message(), ctx), RetryableError);
    } finally {
      await close();
    }
  });
});
