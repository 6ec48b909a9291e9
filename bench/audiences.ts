/**
 * Tags and audiences benchmark on PostgreSQL, each figure with its baseline in the same run:
 *  1. size estimate of a trait-only audience;
 *  2. full recomputation of an audience with a 30-day event condition and a trait condition:
 *     the compiled selection against the same query hand-written in SQL, and the whole run
 *     (selection + membership writes + change log);
 *  3. RFM and lifecycle tags computed for all profiles;
 * The data set (P profiles with traits, 10 events each over a year: views, carts, orders with
 * revenue and category) is generated in SQL with one user id per person, the shape `cdp demo` makes,
 * so that identity resolution (measured by bench:identity) is not part of these figures.
 *   npm run bench:audiences [-- --profiles 1000000] [--reuse]
 * Needs PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL.
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { type Condition, CreateTagBody } from '@cdp/protocol';
import { sql } from 'kysely';
import pino from 'pino';
import { buildServices, MIGRATIONS_DIR } from '../apps/server/src/app.ts';
import type { Database } from '../apps/server/src/database.ts';
import { countProfiles } from '../apps/server/src/modules/query/index.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { openDatabase } from '../apps/server/src/platform/db/db-host.ts';
import { migrateToLatest } from '../apps/server/src/platform/db/migrate.ts';
import { databaseUrl, freshDatabase } from './databases.ts';

const { values: args } = parseArgs({
  options: {
    profiles: { type: 'string', default: '1000000' },
    'events-per-profile': { type: 'string', default: '10' },
    /** Keep the data set of a previous run (same size) instead of generating it again. */
    reuse: { type: 'boolean', default: false },
    /** Which figures to measure (1 estimate, 2 recomputation, 3 RFM/lifecycle, 4 real time). */
    sections: { type: 'string' },
  },
});
const P = Number(args.profiles);
const EVENTS = P * Number(args['events-per-profile']);
const WS = 'ws_default';

const seconds = (started: number) => (performance.now() - started) / 1000;
async function timed<T>(run: () => Promise<T>): Promise<{ s: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { s: seconds(started), value };
}
/** Best of three: the figure without a cold cache or a checkpoint in the middle. */
async function best<T>(run: () => Promise<T>): Promise<{ s: number; value: T }> {
  const runs = [await timed(run), await timed(run), await timed(run)];
  return runs.sort((a, b) => a.s - b.s)[0];
}

console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`,
);
const url = args.reuse ? databaseUrl('cdp_bench_audiences') : await freshDatabase('cdp_bench_audiences');
const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'warn' });
const handle = await openDatabase<Database>({ databaseUrl: url, dataDir: '', poolSize: 4 });
await migrateToLatest(handle.db, MIGRATIONS_DIR);
const db = handle.db;
const services = buildServices(db, config, pino({ level: 'warn' }));

const { rows: existing } = await sql<{ n: number }>`select count(*)::int as n from profiles`.execute(db);
const load = await timed(async () => {
  if (existing[0].n >= P) return;
  await sql`
    insert into profiles (workspace_id, id, traits, trait_sources, name, identifier_count, first_seen_at)
    select ${WS}, 'prof_' || lpad(i::text, 10, '0'),
           jsonb_build_object(
             'city', (array['上海市','北京市','广州市','深圳市','杭州市','成都市','武汉市','南京市'])[1 + i % 8],
             'gender', case when i % 2 = 0 then 'female' else 'male' end,
             'birthday', to_char(date '1970-01-01' + (i % 15000), 'YYYY-MM-DD'),
             'vip', i % 10 = 0),
           '{}', '客户' || i, 1, now() - (i % 365) * interval '1 day'
      from generate_series(1, ${P}) i`.execute(db);
  await sql`
    insert into identity_nodes (workspace_id, key, type, value, profile_id, first_seen_at)
    select ${WS}, 'user_id:u' || i, 'user_id', 'u' || i, 'prof_' || lpad(i::text, 10, '0'), now()
      from generate_series(1, ${P}) i`.execute(db);
  await sql`
    insert into events (workspace_id, source_id, message_id, type, event, user_id, "timestamp", received_at, properties)
    select ${WS}, 'src_bench', 'b-' || g, 'track',
           (array['Product Viewed','Product Viewed','Product Viewed','Product Viewed','Product Viewed',
                  'Add to Cart','Add to Cart','Order Completed','Order Completed','Page Liked'])[1 + g % 10],
           'u' || (1 + (g::bigint * 7919) % ${P}),
           now() - ((g::bigint * 104729) % 525600) * interval '1 minute', now(),
           jsonb_build_object('revenue', (g % 500) + 9.9, 'category', (array['护肤','彩妆','香水','个护'])[1 + g % 4])
      from generate_series(1, ${EVENTS}) g`.execute(db);
  await sql`insert into event_keys (workspace_id, key, event_id, type, event, "timestamp") select workspace_id, 'user_id:' || user_id, id, type, event, "timestamp" from events`.execute(
    db,
  );
  await sql`analyze`.execute(db);
});
console.log(
  existing[0].n >= P
    ? `data set: ${P} profiles, ${EVENTS} events (kept from the previous run)\n`
    : `data set: ${P} profiles, ${EVENTS} events generated and indexed in ${load.s.toFixed(0)} s\n`,
);
const run = Date.now().toString(36);

console.log('| figure | profiles selected / valued | seconds | baseline s | ratio | target |');
console.log('|---|---:|---:|---:|---:|---|');
/** Prints a result row as soon as it is measured. */
const row = (...cells: Array<string | number>) => console.log(`| ${cells.join(' | ')} |`);
const sections = new Set((args.sections ?? '1,2,3,4').split(','));

const inShanghai: Condition = { kind: 'trait', trait: 'city', test: { operator: 'equals', value: '上海市' } };

// 1. live size estimate of a trait-only audience
async function estimateFigure() {
  const estimate = await best(() =>
    services.audiences.estimate(WS, { kind: 'rule', definition: inShanghai }),
  );
  const estimateBase = await best(async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from profiles where workspace_id = ${WS} and traits ->> 'city' = '上海市'`.execute(
      db,
    );
    return rows[0].n;
  });
  row(
    'size estimate, trait only',
    `${estimate.value.size}`,
    estimate.s.toFixed(2),
    estimateBase.s.toFixed(2),
    (estimate.s / estimateBase.s).toFixed(2),
    '≤ 1 s',
  );
}

// 2. full recomputation: 30-day event condition + trait condition
async function recomputeFigure() {
  const definition: Condition = {
    kind: 'and',
    conditions: [
      inShanghai,
      {
        kind: 'event',
        event: 'Order Completed',
        window: { type: 'last_days', days: 30 },
        measure: { type: 'did' },
      },
    ],
  };
  const compiled = countProfiles(definition, { workspaceId: WS, asOf: new Date() });
  const selection = await best(async () => (await db.executeQuery(compiled)).rows[0].count);
  const handWritten = await best(async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from profiles p
       where p.workspace_id = ${WS} and p.traits ->> 'city' = '上海市'
         and exists (select 1 from identity_nodes n
                       join event_keys k on k.workspace_id = n.workspace_id and k.key = n.key
                       join events e on e.id = k.event_id
                      where n.workspace_id = p.workspace_id and n.profile_id = p.id
                        and e.event = 'Order Completed'
                        and e."timestamp" >= date_trunc('day', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai' - interval '29 days')`.execute(
      db,
    );
    return rows[0].n;
  });
  if (selection.value !== handWritten.value)
    console.log(
      `!! the compiled query selects ${selection.value}, the hand-written one ${handWritten.value}`,
    );
  row(
    'audience selection: 30-day event + trait',
    `${selection.value}`,
    selection.s.toFixed(2),
    handWritten.s.toFixed(2),
    (selection.s / handWritten.s).toFixed(2),
    'ratio ≤ 1.5',
  );
  const audience = await services.audiences.create(
    WS,
    { name: `bench ${run}`, source: { kind: 'rule', definition }, status: 'active' },
    null,
  );
  const recompute = await timed(() => services.audienceRunner.runOne());
  const after = await services.audiences.get(WS, audience.id);
  row(
    'full recomputation (selection + members + change log)',
    `${after.size}`,
    recompute.s.toFixed(2),
    handWritten.s.toFixed(2),
    (recompute.s / handWritten.s).toFixed(2),
    '≤ 10 s',
  );
}

// 3. RFM and lifecycle for all profiles
async function tagsFigure() {
  for (const [name, spec] of [
    ['RFM', { kind: 'rfm' }],
    ['lifecycle', { kind: 'lifecycle' }],
  ] as const) {
    const body = CreateTagBody.parse({
      name: `${name} ${run}`,
      valueType: 'string',
      spec,
      update: { mode: 'scheduled', intervalMinutes: 1440 },
      status: 'active',
    });
    const tag = await services.tags.create(WS, body, null);
    const first = await timed(() => services.tags.compute(WS, tag.id));
    row(
      `${name} tag, first computation (all values written)`,
      `${first.value.total}`,
      first.s.toFixed(2),
      '—',
      '—',
      '—',
    );
    // the scheduled case: every profile evaluated again, only changed values written
    const again = await timed(() => services.tags.compute(WS, tag.id));
    row(
      `${name} tag, recomputation for all profiles`,
      `${again.value.total}`,
      again.s.toFixed(2),
      '—',
      '—',
      '≤ 30 s',
    );
  }
}

// 4. real time: the pipeline applies events (identity, profiles, tags, audiences) with 20 active
// audiences, against none; and how long after an event's commit its audience entry is recorded
/** Queues `n` events of existing people as ingestion does (events + one pipeline group per 500). */
async function queueEvents(n: number, event: (g: number) => string, user: (g: number) => string) {
  const { rows } = await sql<{ id: string }>`select coalesce(max(id), 0)::text as id from events`.execute(db);
  const names = Array.from({ length: n }, (_, g) => event(g));
  const users = Array.from({ length: n }, (_, g) => user(g));
  // `identify` events carry the person's traits; the others are track events with an order's fields
  await sql`
    insert into events (workspace_id, source_id, message_id, type, event, user_id, "timestamp", received_at, properties, traits)
    select ${WS}, 'src_bench', 'rt-' || ${run} || '-' || ${rows[0].id} || '-' || g,
           case when name = 'identify' then 'identify' else 'track' end,
           case when name = 'identify' then null else name end, uid, now(), now(),
           case when name = 'identify' then null else jsonb_build_object('revenue', 99.9, 'category', '护肤') end,
           case when name = 'identify' then jsonb_build_object(
             'city', (array['上海市','北京市','广州市','深圳市','杭州市','成都市','武汉市','南京市'])[1 + g % 8],
             'gender', case when g % 2 = 0 then 'female' else 'male' end) end
      from unnest(${names}::text[], ${users}::text[]) with ordinality as t(name, uid, g)`.execute(db);
  await sql`
    insert into event_pipeline (event_ids)
    select array_agg(id order by id) from events where id > ${rows[0].id}::bigint group by (id - ${rows[0].id}::bigint - 1) / 500`.execute(
    db,
  );
}
const EVENT_MIX = ['Product Viewed', 'Product Viewed', 'Add to Cart', 'Order Completed'];
/**
 * The people of the real-time figure are made by the pipeline itself (an identify each), so that
 * their profiles, evidence and trait states are what live traffic would have made.
 */
const LIVE_PEOPLE = Math.min(20_000, P);
const randomUser = () => `live-${run}-${1 + Math.floor(Math.random() * LIVE_PEOPLE)}`;
async function pipelineRate(n: number): Promise<number> {
  await queueEvents(n, (g) => EVENT_MIX[g % 4], randomUser);
  const { s } = await timed(() => services.pipeline.drain());
  return n / s;
}
async function realtimeFigure() {
  await sql`update audiences set status = 'paused'`.execute(db);
  await sql`update tags set status = 'paused'`.execute(db);
  const REALTIME_EVENTS = Math.min(50_000, P);
  await queueEvents(
    LIVE_PEOPLE,
    () => 'identify',
    (g) => `live-${run}-${g + 1}`,
  );
  await services.pipeline.drain();
  await pipelineRate(2_000); // warm-up
  const rateNone = await pipelineRate(REALTIME_EVENTS);
  const cities = ['上海市', '北京市', '广州市', '深圳市', '杭州市'];
  const twenty: Condition[] = [
    ...cities.map(
      (city): Condition => ({
        kind: 'and',
        conditions: [
          { kind: 'trait', trait: 'city', test: { operator: 'equals', value: city } },
          {
            kind: 'event',
            event: 'Order Completed',
            window: { type: 'last_days', days: 30 },
            measure: { type: 'did' },
          },
        ],
      }),
    ),
    ...[1, 2, 3, 5, 8].map(
      (n): Condition => ({
        kind: 'event',
        event: 'Add to Cart',
        window: { type: 'last_days', days: 7 },
        measure: { type: 'count', operator: 'at_least', value: n },
      }),
    ),
    ...[100, 200, 500, 1000].map(
      (amount): Condition => ({
        kind: 'event',
        event: 'Order Completed',
        window: { type: 'last_days', days: 90 },
        measure: {
          type: 'aggregate',
          function: 'sum',
          path: ['revenue'],
          test: { operator: 'gte', value: amount },
        },
      }),
    ),
    ...cities.map(
      (city): Condition => ({ kind: 'trait', trait: 'city', test: { operator: 'equals', value: city } }),
    ),
    { kind: 'event', event: 'Probe', measure: { type: 'did' } },
  ];
  const probe = { id: '' };
  for (const [i, definition] of twenty.entries()) {
    const created = await services.audiences.create(
      WS,
      { name: `realtime ${run} ${i}`, source: { kind: 'rule', definition }, status: 'active' },
      null,
    );
    if (i === twenty.length - 1) probe.id = created.id;
  }
  await services.audienceRunner.drain();
  const rate20 = await pipelineRate(REALTIME_EVENTS);
  row(
    'real time: events applied/s, 20 audiences vs none',
    `${Math.round(rate20)} vs ${Math.round(rateNone)}`,
    '—',
    '—',
    (rate20 / rateNone).toFixed(2),
    'ratio ≥ 0.70',
  );

  // latency: under a steady background load of half the measured rate, a probe event for a new
  // person; the time from its commit to its audience entry being committed
  services.pipeline.start();
  let loading = true;
  const background = (async () => {
    const perTick = Math.max(1, Math.round(rate20 / 2 / 10));
    while (loading) {
      await queueEvents(perTick, (g) => EVENT_MIX[g % 4], randomUser);
      services.pipeline.notify();
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const lags: number[] = [];
  for (let i = 0; i < 40; i++) {
    const user = `live-${run}-${1 + ((i * 7919 + 17) % LIVE_PEOPLE)}`;
    const started = Date.now();
    await queueEvents(
      1,
      () => 'Probe',
      () => user,
    );
    services.pipeline.notify();
    for (;;) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from audience_changes c join identity_nodes n
          on n.workspace_id = c.workspace_id and n.profile_id = c.profile_id
         where c.workspace_id = ${WS} and c.audience_id = ${probe.id}
           and n.workspace_id = ${WS} and n.key = ${`user_id:${user}`}`.execute(db);
      if (rows[0].n > 0 || Date.now() - started > 20_000) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    lags.push(Date.now() - started);
    if ((lags.at(-1) ?? 0) > 20_000) break; // the pipeline does not keep up with the background load
    await new Promise((r) => setTimeout(r, 200));
  }
  loading = false;
  await background;
  await services.pipeline.stop();
  lags.sort((a, b) => a - b);
  row(
    'real time: event → audience entry committed (ms)',
    `p50 ${lags[Math.floor(lags.length / 2)]} / p99 ${lags[Math.ceil(lags.length * 0.99) - 1]}`,
    '—',
    '—',
    '—',
    'p99 ≤ 1,000 ms',
  );
}

if (sections.has('1')) await estimateFigure();
if (sections.has('2')) await recomputeFigure();
if (sections.has('3')) await tagsFigure();
if (sections.has('4')) await realtimeFigure();
await handle.close();
