import type { ComputedTagSpec, TagValueType } from '@cdp/protocol';
import { type RawBuilder, sql } from 'kysely';
import { type Clock, compileEventScope, propertyPath } from '../query/index.ts';
import { type DesiredRow, inScope, ofLiveProfiles, type TagScope } from './tag-scope.ts';

/** The JSON type a value-reading function keeps (a `datetime` tag reads text). */
const JSON_TYPE: Record<TagValueType, string> = {
  string: 'string',
  datetime: 'string',
  number: 'number',
  boolean: 'boolean',
};

const number = sql`case when jsonb_typeof(a.j) = 'number' then (a.j)::numeric end`;

/**
 * A computed tag over the profiles in scope, one grouped statement over `profile_events`. Semantics
 * are documented on `ComputedTagSpec`: sums and counts of matching events without usable values are
 * 0, averages are rounded to 6 decimals, most frequent ties go to the value seen last, then the smaller
 * value (numbers by size, text by code points) — `mostFrequent` is the reference.
 */
export function compileComputed(
  spec: ComputedTagSpec,
  valueType: TagValueType,
  scope: TagScope,
  clock: Clock,
): RawBuilder<DesiredRow> {
  const j = spec.path === undefined ? sql`null::jsonb` : propertyPath(sql`e`, spec.path);
  const from = sql`from profile_events as e cross join lateral (select ${j} as j) as a where e.workspace_id = ${scope.workspaceId}::text and ${inScope(sql`e.profile_id`, scope)} and ${compileEventScope(spec, spec.window, 'e', clock)}`;
  const typed = sql`jsonb_typeof(a.j) = ${JSON_TYPE[valueType]}::text`;
  const grouped = (value: RawBuilder<unknown>) =>
    sql`select e.profile_id, to_jsonb(${value}) as value, null::jsonb as details ${from} group by e.profile_id`;
  switch (spec.function) {
    case 'count':
      return ofLiveProfiles(grouped(sql`count(*)`), scope);
    case 'sum':
      return ofLiveProfiles(grouped(sql`coalesce(sum(${number}), 0)`), scope);
    case 'avg':
      return ofLiveProfiles(grouped(sql`trim_scale(round(avg(${number}), 6))`), scope);
    case 'min':
    case 'max':
      return ofLiveProfiles(grouped(sql`${sql.raw(spec.function)}(${number})`), scope);
    case 'distinct_count':
      return ofLiveProfiles(
        grouped(
          sql`count(distinct case when jsonb_typeof(a.j) in ('string', 'number', 'boolean') then a.j end)`,
        ),
        scope,
      );
    case 'days_since_last':
      return ofLiveProfiles(
        grouped(sql`${clock.today}::date - (max(e."timestamp") at time zone ${clock.timeZone}::text)::date`),
        scope,
      );
    case 'most_frequent':
      return ofLiveProfiles(
        sql`select distinct on (x.profile_id) x.profile_id, x.j as value, null::jsonb as details from (select e.profile_id, a.j, count(*) as n, max(e."timestamp") as last_at ${from} and ${typed} group by e.profile_id, a.j) as x order by x.profile_id, x.n desc, x.last_at desc, case when jsonb_typeof(x.j) = 'number' then (x.j)::numeric end, (x.j #>> '{}') collate "C"`,
        scope,
      );
    case 'first_value':
    case 'last_value': {
      const direction = sql.raw(spec.function === 'first_value' ? 'asc' : 'desc');
      return ofLiveProfiles(
        sql`select distinct on (e.profile_id) e.profile_id, a.j as value, null::jsonb as details ${from} and ${typed} order by e.profile_id, e."timestamp" ${direction}, e.event_id ${direction}`,
        scope,
      );
    }
  }
}
