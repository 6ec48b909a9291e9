/**
 * OneID benchmark, three figures, each with its baseline in the same run:
 *  1. identity resolution + profile build over N import rows (≈ N/2.5 people, 1–3 identifiers per
 *     row) through the real profile pipeline, against resolving the same evidence in memory;
 *  2. profile lookup by identifier through the HTTP API on a data set of P profiles, against a
 *     bare node:http handler;
 *  3. the live path: ingestion p99 with and without the profile pipeline running, and how long a
 *     new identify takes to show in its profile while /v1/track is under load.
 *   npm run bench:identity [-- --rows 1000000 --profiles 1000000 --seconds 20 --sections build,lookup,live --rate 1000]
 * Needs PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL.
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pino from 'pino';
import { buildServices, MIGRATIONS_DIR } from '../apps/server/src/app.ts';
import type { Database } from '../apps/server/src/database.ts';
import { type Observation, resolveIdentities } from '../apps/server/src/modules/identity/index.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { openDatabase } from '../apps/server/src/platform/db/db-host.ts';
import { migrateToLatest } from '../apps/server/src/platform/db/migrate.ts';
import { freshDatabase } from './databases.ts';
import { liveScenario, lookupScenario } from './identity-http.ts';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    profiles: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '20' },
    sections: { type: 'string', default: 'build,lookup,live' },
    /** Requests per second of the live path's fixed-rate load. */
    rate: { type: 'string', default: '1000' },
  },
});
const ROWS = Number(args.rows);
const PROFILES = Number(args.profiles);
const SECONDS = Number(args.seconds);
const SECTIONS = new Set(args.sections.split(','));

/** Row i belongs to person i mod P; its k-th row (k = i div P) carries a different subset of ids. */
const PEOPLE = Math.round(ROWS / 2.5);
const idsOf = (i: number) => {
  const p = i % PEOPLE;
  const k = Math.floor(i / PEOPLE);
  const member = `M${p}`;
  const phone = `+86139${String(p).padStart(8, '0')}`;
  const email = `c${p}@163.com`;
  return k === 0 ? { member, phone } : k === 1 ? { phone, email } : { email, member };
};

function inMemoryBaseline() {
  const started = performance.now();
  const observations: Observation[] = [];
  for (let i = 0; i < ROWS; i++) {
    const ids = idsOf(i);
    const identifiers = [
      ...(ids.member ? [{ type: 'member_id', value: ids.member }] : []),
      ...(ids.phone ? [{ type: 'phone', value: ids.phone }] : []),
      ...(ids.email ? [{ type: 'email', value: ids.email }] : []),
    ];
    observations.push({
      id: `src/b${i}`,
      at: new Date(Date.UTC(2026, 0, 1, 0, i % 1000)).toISOString(),
      kind: 'import',
      identifiers,
    });
  }
  const { clusters } = resolveIdentities(observations);
  return { seconds: (performance.now() - started) / 1000, profiles: clusters.length };
}

async function pipelineBuild(url: string) {
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'warn' });
  const handle = await openDatabase<Database>({ databaseUrl: url, dataDir: '', poolSize: 4 });
  await migrateToLatest(handle.db, MIGRATIONS_DIR);
  const db = handle.db;
  // the rows as a file import stores them: identify events with the ids and a few traits
  await sql`
    insert into events (workspace_id, source_id, message_id, type, "timestamp", received_at, traits)
    select 'ws_default', 'src_import', 'imp-' || i, 'identify',
           timestamp '2026-01-01' + (i % 1000) * interval '1 minute', now(),
           jsonb_strip_nulls(jsonb_build_object(
             'member_id', case when i / ${PEOPLE} in (0, 2) then 'M' || (i % ${PEOPLE}) end,
             'phone', case when i / ${PEOPLE} in (0, 1) then '+86139' || lpad((i % ${PEOPLE})::text, 8, '0') end,
             'email', case when i / ${PEOPLE} in (1, 2) then 'c' || (i % ${PEOPLE}) || '@163.com' end,
             'name', '客户' || (i % ${PEOPLE}), 'city', '上海市'))
      from generate_series(0, ${ROWS - 1}) as i`.execute(db);
  await sql`insert into event_pipeline (event_ids) select array_agg(id order by id) from events group by id / 2000`.execute(
    db,
  );
  const pipeline = buildServices(db, config, pino({ level: 'warn' })).pipeline;
  const started = performance.now();
  await pipeline.drain();
  const seconds = (performance.now() - started) / 1000;
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from profiles`.execute(db);
  await handle.close();
  return { seconds, profiles: rows[0].n };
}

console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`,
);
if (SECTIONS.has('build')) {
  const base = inMemoryBaseline();
  console.log(
    `baseline: in-memory resolution of ${ROWS} rows → ${base.profiles} profiles in ${base.seconds.toFixed(1)} s`,
  );
  const build = await pipelineBuild(await freshDatabase('cdp_bench_identity'));
  console.log(
    `profile pipeline on PostgreSQL: ${ROWS} rows → ${build.profiles} profiles in ${build.seconds.toFixed(1)} s ` +
      `(${Math.round(ROWS / build.seconds)} rows/s; ratio to in-memory ${(base.seconds / build.seconds).toFixed(2)})`,
  );
  if (build.profiles !== base.profiles)
    console.log(`!! profile counts differ: ${build.profiles} vs ${base.profiles}`);
}
if (SECTIONS.has('lookup'))
  await lookupScenario({ profiles: PROFILES, seconds: SECONDS, freshDatabase, autocannon });
if (SECTIONS.has('live'))
  await liveScenario({ seconds: SECONDS, freshDatabase, autocannon, rate: Number(args.rate) });
