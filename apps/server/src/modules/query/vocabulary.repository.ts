import { type Kysely, sql } from 'kysely';
import type { Database } from '../../database.ts';

type Db = Kysely<Database>;

/** Latest events read to list names and properties: bounded work however large the log is. */
const RECENT_EVENTS = 200_000;
const PROPERTY_SAMPLE = 1_000;
const PROFILE_SAMPLE = 10_000;

type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'array';

/**
 * What the data holds, read from recent events and a sample of profiles, for the pickers of the
 * audience and tag builders (names the user can choose instead of typing them).
 */
export const vocabularyRepository = {
  async eventNames(db: Db, workspaceId: string, q: string | undefined, limit: number) {
    const { rows } = await sql<{ name: string; count: number; last_seen_at: Date }>`
      select event as name, count(*)::int as count, max("timestamp") as last_seen_at
        from events
       where workspace_id = ${workspaceId} and event is not null
         and id > (select coalesce(max(id), 0) - ${RECENT_EVENTS} from events)
         ${q ? sql`and strpos(lower(event), lower(${q})) > 0` : sql``}
       group by event order by count(*) desc, event limit ${limit}`.execute(db);
    return rows.map((r) => ({
      name: r.name,
      count: r.count,
      lastSeenAt: new Date(r.last_seen_at).toISOString(),
    }));
  },

  /** Property paths (top level and one level down) of the latest events of that name, with samples. */
  async eventProperties(db: Db, workspaceId: string, event: string) {
    const { rows } = await sql<{ path: string[]; types: JsonType[]; samples: unknown[] }>`
      with recent as (
        select properties from events
         where workspace_id = ${workspaceId} and event = ${event} and properties is not null
         order by id desc limit ${PROPERTY_SAMPLE}
      ),
      top as (select array[k] as path, v from recent, jsonb_each(properties) as p(k, v)),
      nested as (
        select array[t.path[1], k] as path, v2 as v from top t, jsonb_each(t.v) as n(k, v2)
         where jsonb_typeof(t.v) = 'object'
      ),
      everything as (select * from top union all select * from nested)
      select path, array_agg(distinct jsonb_typeof(v)) filter (where jsonb_typeof(v) <> 'null') as types,
             (array_agg(distinct v) filter (where jsonb_typeof(v) in ('string', 'number', 'boolean')))[1:10] as samples
        from everything group by path order by path`.execute(db);
    return rows.map((r) => ({ path: r.path, types: r.types ?? [], samples: r.samples ?? [] }));
  },

  async traitKeys(db: Db, workspaceId: string) {
    const { rows } = await sql<{ key: string; count: number; types: JsonType[] }>`
      with sample as (select traits from profiles where workspace_id = ${workspaceId} limit ${PROFILE_SAMPLE})
      select k as key, count(*)::int as count,
             array_agg(distinct jsonb_typeof(v)) filter (where jsonb_typeof(v) <> 'null') as types
        from sample, jsonb_each(traits) as t(k, v)
       group by k order by count(*) desc, k`.execute(db);
    return rows.map((r) => ({ key: r.key, count: r.count, types: r.types ?? [] }));
  },

  async traitValues(db: Db, workspaceId: string, key: string, q: string | undefined, limit: number) {
    const { rows } = await sql<{ value: unknown; count: number }>`
      with sample as (select traits -> ${key}::text as v from profiles
                       where workspace_id = ${workspaceId} and traits ? ${key}::text limit ${PROFILE_SAMPLE * 10})
      select v as value, count(*)::int as count from sample
       where jsonb_typeof(v) in ('string', 'number', 'boolean')
         ${q ? sql`and strpos(lower(v #>> '{}'), lower(${q})) > 0` : sql``}
       group by v order by count(*) desc, v limit ${limit}`.execute(db);
    return rows;
  },
};
