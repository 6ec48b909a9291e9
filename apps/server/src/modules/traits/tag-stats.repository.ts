import type { TagDistribution, TagValue, TagValueType } from '@cdp/protocol';
import { type Kysely, type RawBuilder, sql } from 'kysely';

const TOP_VALUES = 20;
const BUCKETS = 10;

/**
 * Coverage and distribution of a set of `(profile_id, value)` rows: the current values, the values as
 * of a past date, or a preview's values that were never saved. Profiles: all of the workspace, or as
 * of a past date those created by then.
 */
export async function tagStats<DB>(
  db: Kysely<DB>,
  workspaceId: string,
  values: RawBuilder<unknown>,
  valueType: TagValueType,
  asOf?: Date,
): Promise<{ profiles: number; withValue: number; coverage: number; distribution: TagDistribution }> {
  const created = asOf === undefined ? sql`true` : sql`created_at <= ${asOf.toISOString()}::timestamptz`;
  const { rows } = await sql<{ profiles: number; with_value: number }>`
    select (select count(*) from profiles where workspace_id = ${workspaceId}::text and ${created})::int as profiles,
           (select count(*) from (${values}) as s)::int as with_value`.execute(db);
  const { profiles, with_value: withValue } = rows[0];
  const coverage = profiles === 0 ? 0 : Math.min(1, withValue / profiles);
  const distribution =
    valueType === 'number' ? await histogram(db, values) : await topValues(db, values, withValue);
  return { profiles, withValue, coverage, distribution };
}

async function topValues<DB>(
  db: Kysely<DB>,
  values: RawBuilder<unknown>,
  total: number,
): Promise<TagDistribution> {
  const { rows } = await sql<{ value: TagValue; count: number }>`
    select s.value, count(*)::int as count from (${values}) as s
     group by s.value order by count(*) desc, s.value limit ${TOP_VALUES}::int`.execute(db);
  const shown = rows.reduce((n, r) => n + r.count, 0);
  return { type: 'values', values: rows, otherCount: total - shown };
}

/** Ten equal-width buckets from the smallest to the largest value (one bucket when all are equal). */
async function histogram<DB>(db: Kysely<DB>, values: RawBuilder<unknown>): Promise<TagDistribution> {
  const { rows } = await sql<{ bucket: number; count: number; lo: string; hi: string }>`
    with s as (select (v.value)::numeric as n from (${values}) as v where jsonb_typeof(v.value) = 'number'),
         r as (select min(n) as lo, max(n) as hi from s)
    select case when r.hi = r.lo then 1 else least(width_bucket(s.n, r.lo, r.hi, ${BUCKETS}::int), ${BUCKETS}::int) end as bucket,
           count(*)::int as count, r.lo::text as lo, r.hi::text as hi
      from s cross join r group by 1, r.lo, r.hi order by 1`.execute(db);
  if (rows.length === 0) return { type: 'histogram', buckets: [] };
  const [lo, hi] = [Number(rows[0].lo), Number(rows[0].hi)];
  const n = lo === hi ? 1 : BUCKETS;
  const width = (hi - lo) / n;
  const counts = new Map(rows.map((r) => [r.bucket, r.count]));
  const buckets = Array.from({ length: n }, (_, i) => ({
    from: lo + i * width,
    to: i === n - 1 ? hi : lo + (i + 1) * width,
    count: counts.get(i + 1) ?? 0,
  }));
  return { type: 'histogram', buckets };
}
