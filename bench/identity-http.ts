import { execFileSync } from 'node:child_process';
import type autocannonType from 'autocannon';
import pg from 'pg';
import { percentile, runFixedRate, runLoad } from './load.ts';
import { spawnTarget, type Target } from './targets.ts';

type Autocannon = typeof autocannonType;
interface Context {
  readonly seconds: number;
  readonly freshDatabase: (name: string) => Promise<string>;
  readonly autocannon: Autocannon;
}

const CDP = ['apps/server/bin/cdp.mjs', 'serve'];
const rand = (n: number) => Math.floor(Math.random() * n);

function token(url: string): string {
  const out = execFileSync(
    process.execPath,
    ['apps/server/bin/cdp.mjs', 'tokens', 'create', '--name', 'bench', '--json'],
    {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    },
  );
  return (JSON.parse(out.toString()) as { token: string }).token;
}

async function getLoad(
  autocannon: Autocannon,
  base: string,
  headers: Record<string, string>,
  path: () => string,
  seconds: number,
  connections = 50,
) {
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    headers,
    requests: [{ setupRequest: (req) => ({ ...req, method: 'GET', path: path() }) }],
  });
  const ok = result.requests.total - result.non2xx;
  return { rps: ok / seconds, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
}

/** Profile lookup by phone through the HTTP API on `profiles` profiles (2 identifiers each). */
export async function lookupScenario(ctx: Context & { readonly profiles: number }) {
  const baseline = await spawnTarget('baseline', ['bench/baseline-server.mjs'], {});
  const base = await getLoad(ctx.autocannon, baseline.url, {}, () => '/lookup', ctx.seconds);
  await baseline.stop();

  const url = await ctx.freshDatabase('cdp_bench_lookup');
  let server: Target = await spawnTarget('cdp', CDP, { DATABASE_URL: url });
  await server.stop(); // migrated and bootstrapped; load the data set without it running
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const n = ctx.profiles;
  await client.query(`
    insert into profiles (workspace_id, id, traits, trait_sources, name, identifier_count, first_seen_at)
    select 'ws_default', 'prof_' || lpad(i::text, 24, '0'),
           jsonb_build_object('name', '客户' || i, 'city', '上海市', 'phone', '+86139' || lpad(i::text, 8, '0')),
           '{}', '客户' || i, 2, now()
      from generate_series(0, ${n - 1}) as i`);
  await client.query(`
    insert into identity_nodes (workspace_id, key, type, value, profile_id, first_seen_at)
    select 'ws_default', t || ':' || v, t, v, 'prof_' || lpad(i::text, 24, '0'), now()
      from generate_series(0, ${n - 1}) as i,
           lateral (values ('phone', '+86139' || lpad(i::text, 8, '0')), ('member_id', 'M' || i)) as x(t, v)`);
  await client.query('vacuum analyze');
  await client.query('checkpoint'); // the load's own writes are not part of the measurement
  await client.end();
  const bearer = token(url);
  server = await spawnTarget('cdp', CDP, { DATABASE_URL: url });
  const lookup = (connections: number, seconds: number) =>
    getLoad(
      ctx.autocannon,
      server.url,
      { authorization: `Bearer ${bearer}` },
      () => `/api/v1/profiles/lookup?type=phone&value=139${String(rand(n)).padStart(8, '0')}`,
      seconds,
      connections,
    );
  await lookup(50, 5); // warm-up: JIT, connection pool, prepared statements
  const rows: string[] = [];
  for (const connections of [16, 32, 50]) {
    const ours = await lookup(connections, ctx.seconds);
    rows.push(
      `| GET /api/v1/profiles/lookup, ${connections} connections | ${Math.round(ours.rps)} | ${ours.p50} | ${ours.p99} | ${ours.non2xx} | ${(ours.rps / base.rps).toFixed(2)} |`,
    );
  }
  await server.stop();
  console.log(
    `\nProfile lookup by phone (national format, normalised by the server), ${n} profiles, after a 5 s warm-up:`,
  );
  console.log(
    '| target | requests/s | p50 ms | p99 ms | non-2xx | ratio to baseline |\n|---|---:|---:|---:|---:|---:|',
  );
  console.log(
    `| baseline (node:http, static JSON), 50 connections | ${Math.round(base.rps)} | ${base.p50} | ${base.p99} | ${base.non2xx} | 1.00 |`,
  );
  for (const row of rows) console.log(row);
}

let seq = 0;
const trackBody = (n: number) => ({
  type: 'track',
  messageId: `live-${process.pid}-${seq}-${n}`,
  userId: `user-${n % 50_000}`,
  anonymousId: `anon-${seq}-${n}`,
  event: 'Product Viewed',
  properties: { sku: `sku-${n % 500}`, price: 199 },
  timestamp: new Date().toISOString(),
});

/** How long until an identify shows in its profile, sampled while /v1/track is under load. */
async function visibility(target: Target, bearer: string, until: () => boolean): Promise<number[]> {
  const samples: number[] = [];
  for (let k = 0; until(); k++) {
    const userId = `probe-${process.pid}-${k}`;
    const started = performance.now();
    await fetch(`${target.url}/v1/identify`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${target.writeKey}:`).toString('base64')}`,
      },
      body: JSON.stringify({ userId, traits: { probe: k } }),
    });
    for (;;) {
      const res = await fetch(`${target.url}/api/v1/profiles/lookup?type=user_id&value=${userId}`, {
        headers: { authorization: `Bearer ${bearer}` },
      });
      await res.arrayBuffer();
      if (res.ok) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    samples.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 200));
  }
  return samples;
}

/**
 * What the live identity + profile pipeline adds to ingestion: the same /v1/track traffic with the
 * pipeline off (role api) and on, at saturation (50 connections) and at a fixed rate below it (open
 * loop: latency counted from when each request was due), and how soon an identify shows in its
 * profile while the fixed-rate load runs.
 */
export async function liveScenario(ctx: Context & { readonly rate: number }) {
  const rows: string[] = [];
  const p99: Record<string, number> = {};
  // the collector alone; with the pipeline in its process; with the pipeline in a worker process
  const setups = {
    api: 'pipeline off (CDP_ROLE=api)',
    all: 'pipeline on, same process',
    split: 'pipeline on, worker process',
  };
  for (const role of ['api', 'all', 'split'] as const) {
    const url = await ctx.freshDatabase('cdp_bench_live');
    const target = await spawnTarget('cdp', CDP, {
      DATABASE_URL: url,
      CDP_ROLE: role === 'split' ? 'api' : role,
    });
    const worker =
      role === 'split' ? await spawnTarget('worker', CDP, { DATABASE_URL: url, CDP_ROLE: 'worker' }) : null;
    const bearer = token(url);
    seq++;
    const fixedLoad = (seconds: number) =>
      runFixedRate({
        url: target.url,
        path: '/v1/track',
        writeKey: target.writeKey,
        rate: ctx.rate,
        seconds,
        body: trackBody,
      });
    await fixedLoad(3); // warm-up: connections, JIT
    let running = true;
    const probe = role !== 'api' ? visibility(target, bearer, () => running) : Promise.resolve([]);
    const fixed = await fixedLoad(ctx.seconds);
    running = false;
    const seen = await probe;
    // then at saturation (after the fixed-rate figure: its backlog must not weigh on that one)
    const saturated = await runLoad({
      url: target.url,
      path: '/v1/track',
      writeKey: target.writeKey,
      connections: 50,
      seconds: ctx.seconds,
      eventsPerRequest: 1,
      body: trackBody,
    });
    await target.stop();
    await worker?.stop();
    p99[role] = fixed.p99;
    rows.push(
      `| ${setups[role]} | ${Math.round(saturated.requestsPerSec)} | ${saturated.p99} | ` +
        `${fixed.p50.toFixed(1)} | ${fixed.p99.toFixed(1)} | ${saturated.non2xx + fixed.non2xx} | ` +
        (seen.length
          ? `${percentile(seen, 0.5).toFixed(0)} / ${percentile(seen, 0.99).toFixed(0)} ms (${seen.length} probes)`
          : '—') +
        ' |',
    );
  }
  console.log(
    `\nLive path: /v1/track, each event a new (userId, anonymousId) pair; saturation = 50 connections, fixed rate = ${ctx.rate} requests/s (open loop):`,
  );
  console.log(
    '| server | saturation requests/s | saturation p99 ms | fixed rate p50 ms | fixed rate p99 ms | non-2xx | identify → visible in profile p50 / p99 |\n|---|---:|---:|---:|---:|---:|---|',
  );
  for (const row of rows) console.log(row);
  console.log(
    `added p99 at ${ctx.rate} requests/s: same process ${(p99.all - p99.api).toFixed(1)} ms, worker process ${(p99.split - p99.api).toFixed(1)} ms`,
  );
}
