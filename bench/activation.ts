/**
 * Activation benchmark (PostgreSQL):
 *  1. delivery throughput of the outbox worker to a local webhook peer, against the peer's own
 *     request rate (autocannon, same body, same machine) as the baseline;
 *  2. ingestion throughput (role all: pipeline and delivery worker running) with one of two
 *     destinations down, against the same with both healthy;
 *  3. audience enter → delivery at the webhook peer, p50/p99.
 *   npm run bench:activation [-- --deliveries 30000 --seconds 15 --sections 1,2,3]
 * Needs BENCH_DATABASE_URL (or TEST_DATABASE_URL).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { MIGRATIONS_DIR } from '../apps/server/src/app.ts';
import type { Database } from '../apps/server/src/database.ts';
import { DESTINATION_TYPES, DeliveryWorker } from '../apps/server/src/modules/activation/index.ts';
import { openDatabase } from '../apps/server/src/platform/db/db-host.ts';
import { migrateToLatest } from '../apps/server/src/platform/db/migrate.ts';
import { databaseUrl, freshDatabase } from './databases.ts';
import { runLoad } from './load.ts';
import { spawnTarget, type Target } from './targets.ts';

const { values: args } = parseArgs({
  options: {
    deliveries: { type: 'string', default: '30000' },
    seconds: { type: 'string', default: '15' },
    sections: { type: 'string', default: '1,2,3' },
  },
});
const SECTIONS = new Set(args.sections.split(',').map(Number));
const SECONDS = Number(args.seconds);
const ADMIN = { email: 'bench@cdp.local', password: 'bench-password-1' };
const BODY = { title: '双十一会员专享：满 300 减 50', link: 'https://shop.example.cn/p/1', variant: 'A' };

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const line = (label: string, value: string, baseline?: string, ratio?: number) =>
  console.log(
    `  ${label.padEnd(44)} ${value.padStart(14)}${baseline ? `   baseline ${baseline.padStart(10)}` : ''}${ratio === undefined ? '' : `   ratio ${ratio.toFixed(2)}`}`,
  );

async function login(url: string): Promise<(path: string, body?: unknown) => Promise<{ id: string }>> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return async (path, body) => {
    const r = await fetch(`${url}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body ?? {}),
    });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as { id: string };
  };
}

async function server(name: string, env: Record<string, string>): Promise<Target> {
  return spawnTarget(name, ['apps/server/bin/cdp.mjs', 'serve'], {
    CDP_ADMIN_EMAIL: ADMIN.email,
    CDP_ADMIN_PASSWORD: ADMIN.password,
    CDP_ROLE: 'all',
    ...env,
  });
}

/** 1. The worker's deliveries per second against the peer's own request rate. */
async function throughput(): Promise<void> {
  const peer = await spawnTarget('peer', ['bench/baseline-server.mjs'], {});
  const peerHost = new URL(peer.url).host;
  const baseline = await autocannon({
    url: `${peer.url}/hook`,
    connections: 64,
    duration: 10,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'webhook-id': 'x' },
    body: JSON.stringify({ id: 'x', type: 'message', data: BODY }),
  });
  const url = await freshDatabase('cdp_bench_activation');
  const handle = await openDatabase<Database>({ databaseUrl: url, dataDir: '', poolSize: 10 });
  await migrateToLatest(handle.db, MIGRATIONS_DIR);
  const n = Number(args.deliveries);
  await sql`
    insert into destinations (workspace_id, id, name, type, config, concurrency)
    values ('ws_default', 'dst_bench', 'bench', 'webhook', ${JSON.stringify({ url: `${peer.url}/hook` })}::jsonb, 64)`.execute(
    handle.db,
  );
  await sql`
    insert into deliveries (workspace_id, destination_id, message_id, kind, at, payload)
    select 'ws_default', 'dst_bench', 'm-' || g, 'message', now(), ${JSON.stringify({ data: BODY })}::jsonb
      from generate_series(1, ${n}) g`.execute(handle.db);
  await sql`analyze deliveries`.execute(handle.db);
  const worker = new DeliveryWorker(handle.db, pino({ level: 'warn' }), {
    types: DESTINATION_TYPES,
    egress: { allow: [peerHost], ports: [] },
    exportRoot: '.',
    consentDefault: 'granted',
    backoff: { baseMs: 1000, capMs: 10_000 },
  });
  const started = Date.now();
  const cpu = process.cpuUsage();
  worker.start();
  for (;;) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from deliveries where status = 'delivered'`.execute(handle.db);
    if (rows[0].n >= n) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const seconds = (Date.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const workerCpu = (used.user + used.system) / 1e6 / seconds;
  await worker.stop();
  await handle.close();
  await peer.stop();
  const rate = n / seconds;
  console.log(
    `\n1. Delivery throughput to a local webhook peer (${fmt(n)} deliveries, outbox on PostgreSQL)`,
  );
  line(
    'deliveries/s (worker)',
    fmt(rate),
    `${fmt(baseline.requests.average)} req/s`,
    rate / baseline.requests.average,
  );
  line('target', '≥ 2,000/s', undefined, rate / 2000);
  line('worker CPU (cores busy)', workerCpu.toFixed(2));
}

/** 2. Ingestion with both destinations healthy, then with one of them down. */
async function ingestionWithOneDown(): Promise<void> {
  const peer = await spawnTarget('peer', ['bench/baseline-server.mjs'], {});
  const dead = createServer();
  await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
  const deadPort = (dead.address() as AddressInfo).port;
  await new Promise<void>((r) => dead.close(() => r())); // a port that refuses connections
  const peerHost = new URL(peer.url).host;
  const rates: number[] = [];
  for (const [name, second] of [
    ['both healthy', `${peer.url}/second`],
    ['one down', `http://127.0.0.1:${deadPort}/second`],
  ] as const) {
    const url = await freshDatabase('cdp_bench_activation');
    const target = await server(name, {
      DATABASE_URL: url,
      CDP_DESTINATION_ALLOW_HOSTS: `${peerHost},127.0.0.1:${deadPort}`,
    });
    const post = await login(target.url);
    for (const [label, hook] of [
      ['first', `${peer.url}/first`],
      ['second', second],
    ]) {
      const d = await post('/destinations', { name: label, type: 'webhook', config: { url: hook } });
      await post('/syncs', { name: label, destinationId: d.id, spec: { kind: 'events', mode: 'realtime' } });
    }
    const load = await runLoad({
      url: target.url,
      path: '/v1/batch',
      writeKey: target.writeKey,
      connections: 16,
      seconds: SECONDS,
      eventsPerRequest: 100,
      body: (n) => ({
        batch: Array.from({ length: 100 }, (_, i) => ({
          type: 'track',
          messageId: `a-${name}-${n}-${i}`,
          userId: `u-${(n * 100 + i) % 20_000}`,
          event: 'Product Viewed',
          properties: { price: 199, category: '护肤' },
        })),
      }),
    });
    rates.push(load.eventsPerSec);
    await target.stop();
  }
  await peer.stop();
  console.log(`\n2. Ingestion (/v1/batch × 100, role all, two event syncs) for ${SECONDS} s each`);
  line('events/s, both destinations healthy', fmt(rates[0]));
  line('events/s, one destination down', fmt(rates[1]), fmt(rates[0]), rates[1] / rates[0]);
  line('target ratio', '≥ 0.90', undefined, rates[1] / rates[0] / 0.9);
}

/** 3. Audience enter → delivery at the peer. */
async function enterToDelivery(): Promise<void> {
  const arrivals: Array<{ at: number; enteredAt: number; userId: string }> = [];
  const peer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as {
        at: string;
        profile: { identifiers: Array<{ type: string; value: string }> };
      };
      const userId = body.profile.identifiers.find((i) => i.type === 'user_id')?.value ?? '';
      arrivals.push({ at: Date.now(), enteredAt: Date.parse(body.at), userId });
      res.writeHead(200).end('{}');
    });
  });
  await new Promise<void>((r) => peer.listen(0, '127.0.0.1', r));
  const port = (peer.address() as AddressInfo).port;
  const url = await freshDatabase('cdp_bench_activation');
  const target = await server('enter', {
    DATABASE_URL: url,
    CDP_DESTINATION_ALLOW_HOSTS: `127.0.0.1:${port}`,
  });
  const post = await login(target.url);
  const audience = await post('/audiences', {
    name: 'VIP',
    source: {
      kind: 'rule',
      definition: { kind: 'trait', trait: 'level', test: { operator: 'equals', value: 'vip' } },
    },
  });
  const d = await post('/destinations', {
    name: 'crm',
    type: 'webhook',
    config: { url: `http://127.0.0.1:${port}/vip` },
  });
  await post('/syncs', {
    name: 'vip',
    destinationId: d.id,
    spec: { kind: 'audience', audienceId: audience.id, mode: 'realtime' },
  });
  const sentAt = new Map<string, number>();
  const people = 2_000;
  const perSecond = 100;
  const started = Date.now();
  for (let i = 0; i < people; i += 10) {
    const due = started + (i / perSecond) * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    const batch = Array.from({ length: 10 }, (_, k) => ({
      type: 'identify',
      messageId: `e-${i + k}`,
      userId: `vip-${i + k}`,
      traits: { level: 'vip' },
    }));
    for (const m of batch) sentAt.set(m.userId, Date.now());
    void fetch(`${target.url}/v1/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${target.writeKey}:`).toString('base64')}`,
      },
      body: JSON.stringify({ batch }),
    });
  }
  const deadline = Date.now() + 60_000;
  while (arrivals.length < people && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await target.stop();
  peer.close();
  const pct = (xs: number[], p: number) =>
    xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
  const fromEnter = arrivals.map((a) => a.at - a.enteredAt);
  const fromSend = arrivals.map((a) => a.at - (sentAt.get(a.userId) ?? a.at));
  console.log(
    `\n3. Audience enter → delivery at the webhook peer (${fmt(arrivals.length)}/${fmt(people)} people, ${perSecond}/s)`,
  );
  line('enter → delivered p50 / p99 (ms)', `${fmt(pct(fromEnter, 0.5))} / ${fmt(pct(fromEnter, 0.99))}`);
  line(
    'identify sent → delivered p50 / p99 (ms)',
    `${fmt(pct(fromSend, 0.5))} / ${fmt(pct(fromSend, 0.99))}`,
  );
  line('target enter → delivered p99', '≤ 2,000 ms', undefined, 2000 / pct(fromEnter, 0.99));
}

console.log(
  `Activation benchmark — ${cpus().length} cores (${cpus()[0]?.model ?? ''}), Node ${process.version}`,
);
if (SECTIONS.has(1)) await throughput();
if (SECTIONS.has(2)) await ingestionWithOneDown();
if (SECTIONS.has(3)) await enterToDelivery();
const admin = new pg.Client({ connectionString: databaseUrl('postgres') });
await admin.connect();
await admin.query('drop database if exists cdp_bench_activation with (force)');
await admin.end();
