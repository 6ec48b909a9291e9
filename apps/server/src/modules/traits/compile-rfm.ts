import type { RfmTagSpec } from '@cdp/protocol';
import { type RawBuilder, sql } from 'kysely';
import { type Clock, compileEventScope, propertyPath } from '../query/index.ts';
import { RFM_GROUPS } from './rfm-scoring.ts';
import { type DesiredRow, inScope, type TagScope } from './tag-scope.ts';

/**
 * RFM for all buyers in one statement. Buyers = profiles with at least one purchase event in the last
 * `windowDays` local days; recency = whole local days since the last purchase, frequency = purchases,
 * monetary = sum of the JSON numbers at `amountPath`. Scores follow `rfm-scoring.ts` (quantiles: tied
 * ntile; thresholds: `width_bucket`), the group comes from its `RFM_GROUPS` table. The value is the
 * group's name; details hold the raw values and the scores.
 */
export function compileRfm(spec: RfmTagSpec, scope: TagScope, clock: Clock): RawBuilder<DesiredRow> {
  const purchases = compileEventScope(
    { event: spec.event },
    { type: 'last_days', days: spec.windowDays },
    'e',
    clock,
  );
  const quantile = spec.scoring.method === 'quantile';
  // Quantiles rank the whole population; thresholds score each buyer alone.
  const buyerScope = quantile ? sql`true` : inScope(sql`e.profile_id`, scope);
  const amount = propertyPath(sql`e`, spec.amountPath);
  const scored =
    spec.scoring.method === 'quantile'
      ? sql`select q.*, min(q.r0) over (partition by q.recency) as r, min(q.f0) over (partition by q.frequency) as f, min(q.m0) over (partition by q.monetary) as m from (select raw.*, ntile(5) over (order by raw.recency desc, raw.profile_id) as r0, ntile(5) over (order by raw.frequency, raw.profile_id) as f0, ntile(5) over (order by raw.monetary, raw.profile_id) as m0 from raw) as q`
      : sql`select raw.*, 5 - width_bucket(raw.recency::numeric, ${spec.scoring.recencyDays}::numeric[]) as r, 1 + width_bucket(raw.frequency::numeric, ${spec.scoring.frequency}::numeric[]) as f, 1 + width_bucket(raw.monetary, ${spec.scoring.monetary}::numeric[]) as m from raw`;
  const level = (column: string) =>
    sql`case when s.${sql.raw(column)} >= ${spec.highScore}::int then 'H' else 'L' end`;
  return sql<DesiredRow>`with buyers as (select e.profile_id, max(e."timestamp") as last_at, count(*)::int as frequency, coalesce(sum(case when jsonb_typeof(a.j) = 'number' then (a.j)::numeric end), 0) as monetary from profile_events as e cross join lateral (select ${amount} as j) as a where e.workspace_id = ${scope.workspaceId}::text and ${buyerScope} and ${purchases} group by e.profile_id), raw as (select b.profile_id, ${clock.today}::date - (b.last_at at time zone ${clock.timeZone}::text)::date as recency, b.frequency, b.monetary from buyers as b join profiles as p on p.workspace_id = ${scope.workspaceId}::text and p.id = b.profile_id), scored as (${scored}) select s.profile_id, to_jsonb(${JSON.stringify(RFM_GROUPS)}::jsonb ->> (${level('r')} || ${level('f')} || ${level('m')})) as value, jsonb_build_object('recency', s.recency, 'frequency', s.frequency, 'monetary', s.monetary, 'r', s.r, 'f', s.f, 'm', s.m) as details from scored as s where ${inScope(sql`s.profile_id`, scope)}`;
}
