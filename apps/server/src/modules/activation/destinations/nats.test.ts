import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { z } from 'zod';
import { type DeliveryMessage, PermanentError, RetryableError } from '../destination.ts';
import { testContext } from '../destination-context.test-helper.ts';
import { natsDestination } from './nats.ts';

const NATS_URL = process.env.TEST_NATS_URL;

function eventMessage(id = `dlv_${randomUUID()}`): DeliveryMessage {
  return {
    id,
    kind: 'event',
    workspaceId: 'ws_test',
    at: '2026-03-01T08:00:00.000Z',
    profile: {
      id: 'prof_1',
      traits: { name: '张三' },
      identifiers: [{ type: 'email', value: 'a@example.com' }],
    },
    event: {
      messageId: 'msg_1',
      type: 'track',
      event: 'Order_Completed',
      properties: { total: 42.5 },
      traits: {},
      context: {},
      timestamp: '2026-03-01T08:00:00.000Z',
      receivedAt: '2026-03-01T08:00:01.000Z',
      sourceId: 'src_1',
    },
    data: { total: 42.5 },
  };
}

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  assert.ok(address && typeof address === 'object');
  return address.port;
}

describe('natsDestination config', () => {
  it('describes every field for the console form', () => {
    const schema = z.toJSONSchema(natsDestination.configSchema, { io: 'input' }) as {
      properties: Record<string, { description?: string }>;
    };
    for (const [name, field] of Object.entries(schema.properties)) assert.ok(field.description, name);
  });

  it('refuses wildcard subjects, bad templates and credentials in URLs', () => {
    const parse = (config: object) =>
      natsDestination.configSchema.safeParse({
        servers: ['nats://nats:4222'],
        subject: 'cdp.events',
        ...config,
      });
    assert.equal(parse({}).success, true);
    assert.equal(parse({ subject: 'cdp.*' }).success, false);
    assert.equal(parse({ subject: 'cdp..events' }).success, false);
    assert.equal(parse({ subject: 'cdp.{{ event.event ' }).success, false);
    assert.equal(parse({ servers: ['nats://u:secret@nats:4222'] }).success, false);
    assert.equal(parse({ user: 'u' }).success, false);
  });
});

describe('natsDestination', { skip: NATS_URL ? false : 'TEST_NATS_URL not set' }, () => {
  let nc: NatsConnection;
  const prefix = `cdptest.${randomUUID().replaceAll('-', '')}`;

  before(async () => {
    nc = await connect({ servers: NATS_URL });
  });
  after(async () => {
    await nc?.close();
  });

  it('publishes to the rendered subject and a subscriber receives the JSON payload', async () => {
    const sub = nc.subscribe(`${prefix}.core.>`, { max: 1 });
    await nc.flush();
    const { ctx, close } = testContext(natsDestination, {
      servers: [NATS_URL],
      subject: `${prefix}.core.{{ event.event | default: message.kind }}`,
    });
    const message = eventMessage();
    try {
      await natsDestination.send(message, ctx);
      for await (const received of sub) {
        assert.equal(received.subject, `${prefix}.core.Order_Completed`);
        assert.equal(received.headers?.get('Nats-Msg-Id'), message.id);
        const payload = received.json<Record<string, unknown>>();
        assert.equal(payload.id, message.id);
        assert.equal(payload.type, 'event');
        assert.equal(payload.at, message.at);
        assert.deepEqual(payload.profile, message.profile);
        assert.deepEqual(payload.event, message.event);
        assert.deepEqual(payload.data, { total: 42.5 });
      }
      assert.equal(sub.getProcessed(), 1);
    } finally {
      await close();
    }
  });

  it('renders a body template and falls back to the kind in the subject', async () => {
    const sub = nc.subscribe(`${prefix}.body.>`, { max: 1 });
    await nc.flush();
    const { ctx, close } = testContext(natsDestination, {
      servers: [NATS_URL],
      subject: `${prefix}.body.{{ event.event | default: message.kind }}`,
      body: '{{ profile.traits.name }} {{ change }} {{ audience.name }}',
    });
    try {
      await natsDestination.send(
        {
          ...eventMessage(),
          kind: 'audience_change',
          event: undefined,
          change: 'enter',
          audience: { id: 'aud_1', name: 'VIP' },
        },
        ctx,
      );
      for await (const received of sub) {
        assert.equal(received.subject, `${prefix}.body.audience_change`);
        assert.equal(received.string(), '张三 enter VIP');
      }
    } finally {
      await close();
    }
  });

  it('refuses a rendered subject that is not a subject', async () => {
    const { ctx, close } = testContext(natsDestination, {
      servers: [NATS_URL],
      subject: `${prefix}.{{ event.properties.total }} x`,
    });
    try {
      await assert.rejects(natsDestination.send(eventMessage(), ctx), PermanentError);
    } finally {
      await close();
    }
  });

  it('stores a delivery once in a JetStream stream however often it is published', async () => {
    const jsm = await jetstreamManager(nc);
    const stream = `CDPTEST_${randomUUID().replaceAll('-', '')}`;
    await jsm.streams.add({ name: stream, subjects: [`${prefix}.js.>`], duplicate_window: 60_000_000_000 });
    const { ctx, close } = testContext(natsDestination, {
      servers: [NATS_URL],
      subject: `${prefix}.js.{{ message.kind }}`,
      jetstream: true,
    });
    try {
      const message = eventMessage();
      await natsDestination.send(message, ctx);
      await natsDestination.send(message, ctx);
      assert.equal((await jsm.streams.info(stream)).state.messages, 1);
      const stored = await jsm.streams.getMessage(stream, { seq: 1 });
      assert.equal(stored?.json<{ id: string }>().id, message.id);

      await natsDestination.send(eventMessage(), ctx);
      assert.equal((await jsm.streams.info(stream)).state.messages, 2);
    } finally {
      await close();
      await jsm.streams.delete(stream);
    }
  });

  it('fails permanently when no stream captures the subject', async () => {
    const { ctx, close } = testContext(natsDestination, {
      servers: [NATS_URL],
      subject: `${prefix}.nostream`,
      jetstream: true,
      timeoutMs: 2_000,
    });
    try {
      await assert.rejects(natsDestination.send(eventMessage(), ctx), (err: unknown) => {
        assert.ok(err instanceof PermanentError);
        assert.match(err.message, /no JetStream stream captures subject/);
        return true;
      });
    } finally {
      await close();
    }
  });

  it('retries when the server is unreachable', async () => {
    const { ctx, close } = testContext(natsDestination, {
      servers: [`nats://127.0.0.1:${await closedPort()}`],
      subject: `${prefix}.down`,
      timeoutMs: 1_000,
    });
    try {
      await assert.rejects(natsDestination.send(eventMessage(), ctx), RetryableError);
    } finally {
      await close();
    }
  });
});
