import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, describe, it } from 'node:test';
import { type CdpClient, createClient } from '@cdp/sdk';
import { sql } from 'kysely';
import type { Database } from '../src/database.ts';
import { openDatabase } from '../src/platform/db/db-host.ts';
import { backends, freshDatabase, type TestDatabase } from './support/backends.ts';
import { type ChildServer, spawnServer } from './support/child-server.ts';

const ADMIN = { email: 'admin@reliability.test', password: 'reliable-horse-battery' };
const EVENTS = 400;
const OUTAGE_MS = 120_000;

/**
 * A webhook receiver that fails like real ones: random 500s, random answers too slow for the
 * destination's timeout, and an outage (the port refuses connections). It processes each
 * idempotency key once, as a careful receiver does, and counts every request it saw per key.
 */
class FlakyPeer {
  readonly seen = new Map<string, number>();
  readonly processed = new Set<string>();
  private server: Server | null = null;
  port = 0;

  private handle = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    req.resume();
    req.on('end', () => {
      const key = String(req.headers['webhook-id']);
      this.seen.set(key, (this.seen.get(key) ?? 0) + 1);
      const roll = Math.random();
      if (roll < 0.15) return void res.writeHead(500).end('random failure');
      if (roll < 0.2) return void setTimeout(() => res.writeHead(200).end('too late'), 1_500);
      this.processed.add(key);
      res.writeHead(200).end('ok');
    });
  };

  async start(): Promise<void> {
    const server = createServer(this.handle);
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function adminClient(url: string): Promise<CdpClient> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  assert.equal(res.status, 200, await res.clone().text());
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return createClient({
    baseUrl: url,
    fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as object), cookie } }),
  });
}

async function track(server: ChildServer, ids: readonly string[]): Promise<void> {
  const res = await fetch(`${server.url}/v1/batch`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${server.writeKey}:`).toString('base64')}`,
    },
    body: JSON.stringify({
      batch: ids.map((id) => ({ type: 'track', event: 'Reliable', userId: `u-${id}`, messageId: id })),
    }),
  });
  assert.equal(res.status, 200);
}

async function ledger(db: TestDatabase): Promise<Array<{ status: string; n: number }>> {
  const handle = await openDatabase<Database>({
    databaseUrl: db.env.DATABASE_URL,
    dataDir: db.dataDir,
    poolSize: 1,
  });
  try {
    const { rows } = await sql<{ status: string; n: number }>`
      select status, count(*)::int as n from deliveries group by status order by status`.execute(handle.db);
    return rows;
  } finally {
    await handle.close();
  }
}

// one run on the richest backend: the outage makes it a long test
const backend = backends().includes('postgres') ? 'postgres' : 'embedded';

describe(`delivery survives a flaky peer, a 2-minute outage and a killed server (${backend})`, () => {
  const cleanup: Array<() => Promise<void>> = [];
  after(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('delivers every message, each idempotency key processed once', async () => {
    const peer = new FlakyPeer();
    await peer.start();
    cleanup.push(() => peer.stop());
    const db = await freshDatabase(backend);
    cleanup.push(() => db.drop());
    const env = {
      ...db.env,
      CDP_ADMIN_EMAIL: ADMIN.email,
      CDP_ADMIN_PASSWORD: ADMIN.password,
      CDP_DESTINATION_ALLOW_HOSTS: `127.0.0.1:${peer.port}`,
      CDP_DELIVERY_BACKOFF_BASE_MS: '200',
      CDP_DELIVERY_BACKOFF_CAP_MS: '3000',
    };
    let server = await spawnServer(env);
    cleanup.push(async () => {
      server.child.kill('SIGKILL');
    });
    const api = await adminClient(server.url);
    const destination = await api.destinations.create({
      name: 'flaky receiver',
      type: 'webhook',
      config: { url: `http://127.0.0.1:${peer.port}/hook`, timeoutMs: 1000 },
    });
    await api.syncs.create({
      name: 'all',
      destinationId: destination.id,
      spec: { kind: 'events', mode: 'realtime', filter: { events: [{ event: 'Reliable' }] } },
    });

    const ids = Array.from({ length: EVENTS }, (_, i) => `rel-${i}`);
    // the first half flows through random failures
    for (let i = 0; i < EVENTS / 2; i += 50) await track(server, ids.slice(i, i + 50));
    while (peer.processed.size < EVENTS / 4) await new Promise((r) => setTimeout(r, 50));

    // outage: the port refuses connections; the rest of the events arrive meanwhile
    await peer.stop();
    const outageEnds = Date.now() + OUTAGE_MS;
    for (let i = EVENTS / 2; i < EVENTS; i += 50) await track(server, ids.slice(i, i + 50));
    // the server is killed in the middle of the outage and started again on the same database
    await new Promise((r) => setTimeout(r, OUTAGE_MS / 2));
    server.child.kill('SIGKILL');
    await server.exited;
    server = await spawnServer(env);
    await new Promise((r) => setTimeout(r, Math.max(0, outageEnds - Date.now())));
    await peer.start();

    const deadline = Date.now() + 100_000;
    while (peer.processed.size < EVENTS && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    const output = server.output();
    const undelivered = await ledger(db);
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0, server.output());

    const keys = [...peer.processed];
    assert.equal(
      keys.length,
      EVENTS,
      `every message delivered (${keys.length}/${EVENTS}); ledger ${JSON.stringify(undelivered).slice(0, 3000)}\n${output.slice(-3000)}`,
    );
    assert.ok(
      keys.every((k) => /^syn_[0-9a-z]+:\d+$/.test(k)),
      'keys are the sync and the event',
    );
    assert.ok(
      [...peer.seen.values()].some((n) => n > 1),
      'the peer saw retries (the faults were real)',
    );
    assert.deepEqual(
      await ledger(db),
      [{ status: 'delivered', n: EVENTS }],
      'one delivered ledger row per message',
    );
  });
});
