/**
 * Ingestion benchmark: durable ingestion through /v1/batch (100 messages per request) and /v1/track
 * (one per request, 50 connections) against a bare node:http JSON handler in the same run.
 *   npm run bench [-- --seconds 20 --soak 300 --backends embedded,postgres]
 * PostgreSQL is used when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { readEnv } from '../apps/server/src/platform/config.ts';
import { type LoadResult, runLoad } from './load.ts';
import { rssMb, spawnTarget, type Target } from './targets.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '20' },
    soak: { type: 'string', default: '0' },
    backends: { type: 'string', default: '' },
  },
});
const SECONDS = Number(args.seconds);
const SOAK = Number(args.soak);

let seq = 0;
const message = (n: number, i: number) => ({
  type: 'track',
  messageId: `bench-${process.pid}-${seq}-${n}-${i}`,
  userId: `user-${(n * 100 + i) % 100_000}`,
  event: 'Product Viewed',
  properties: {
    product_id: `sku-${i}`,
    price: 199.9,
    currency: 'CNY',
    category: '护肤',
    name: '玻尿酸保湿精华 30ml',
  },
  context: {
    library: { name: 'bench', version: '1' },
    ip: '36.110.12.34',
    locale: 'zh-CN',
    page: { path: '/p', url: 'https://shop.example.cn/p' },
  },
  timestamp: new Date().toISOString(),
});

async function scenarios(t: Target): Promise<{ batch: LoadResult; track: LoadResult }> {
  seq++;
  const batch = await runLoad({
    url: t.url,
    path: '/v1/batch',
    writeKey: t.writeKey,
    connections: 16,
    seconds: SECONDS,
    eventsPerRequest: 100,
    body: (n) => ({ batch: Array.from({ length: 100 }, (_, i) => message(n, i)) }),
  });
  seq++;
  const track = await runLoad({
    url: t.url,
    path: '/v1/track',
    writeKey: t.writeKey,
    connections: 50,
    seconds: SECONDS,
    eventsPerRequest: 1,
    body: (n) => message(n, 0),
  });
  return { batch, track };
}

async function postgresUrl(): Promise<string | null> {
  const base = readEnv('BENCH_DATABASE_URL') ?? readEnv('TEST_DATABASE_URL');
  if (!base) return null;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query('drop database if exists cdp_bench with (force)');
  await admin.query('create database cdp_bench');
  await admin.end();
  const url = new URL(base);
  url.pathname = '/cdp_bench';
  return url.toString();
}

const CDP = ['apps/server/bin/cdp.mjs', 'serve'];
const rows: Array<{ target: string; scenario: string; r: LoadResult }> = [];
const wanted = args.backends ? args.backends.split(',') : ['embedded', 'postgres'];

console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(`each scenario runs ${SECONDS} s; load generator and server share the machine\n`);

const baseline = await spawnTarget('baseline (node:http + JSON.parse)', ['bench/baseline-server.mjs'], {});
const base = await scenarios(baseline);
await baseline.stop();
rows.push(
  { target: 'baseline', scenario: 'batch', r: base.batch },
  { target: 'baseline', scenario: 'track', r: base.track },
);

for (const kind of wanted) {
  // the collector alone (`api` role): identity and profiles are measured by `npm run bench:identity`
  const env: Record<string, string> = { CDP_ROLE: 'api' };
  let dataDir: string | null = null;
  if (kind === 'postgres') {
    const url = await postgresUrl();
    if (!url) {
      console.log('postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
      continue;
    }
    env.DATABASE_URL = url;
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'cdp-bench-'));
    env.CDP_DATA_DIR = dataDir;
  }
  const target = await spawnTarget(kind, CDP, env);
  const r = await scenarios(target);
  rows.push({ target: kind, scenario: 'batch', r: r.batch }, { target: kind, scenario: 'track', r: r.track });
  if (SOAK > 0) {
    const samples: number[] = [];
    const timer = setInterval(() => samples.push(rssMb(target.pid)), 5000);
    const soakStart = rssMb(target.pid);
    seq++;
    const soak = await runLoad({
      url: target.url,
      path: '/v1/batch',
      writeKey: target.writeKey,
      connections: 8,
      seconds: SOAK,
      eventsPerRequest: 100,
      body: (n) => ({ batch: Array.from({ length: 100 }, (_, i) => message(n, i)) }),
    });
    clearInterval(timer);
    const firstMinute = samples.slice(0, 12);
    const lastMinute = samples.slice(-12);
    const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    console.log(
      `${kind} soak ${SOAK} s /v1/batch: ${Math.round(soak.eventsPerSec)} events/s, RSS start ${soakStart.toFixed(0)} MB, ` +
        `first-minute avg ${avg(firstMinute).toFixed(0)} MB, last-minute avg ${avg(lastMinute).toFixed(0)} MB, max ${Math.max(...samples).toFixed(0)} MB`,
    );
  }
  await target.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

const baseOf = (scenario: string) => rows.find((x) => x.target === 'baseline' && x.scenario === scenario)!.r;
console.log(
  '\n| target | scenario | events/s | requests/s | p50 ms | p99 ms | non-2xx | errors | ratio to baseline |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
for (const { target, scenario, r } of rows) {
  const ratio = r.eventsPerSec / baseOf(scenario).eventsPerSec;
  console.log(
    `| ${target} | ${scenario === 'batch' ? '/v1/batch ×100, 16 conn' : '/v1/track, 50 conn'} | ${Math.round(r.eventsPerSec)} | ${Math.round(r.requestsPerSec)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${ratio.toFixed(2)} |`,
  );
}
