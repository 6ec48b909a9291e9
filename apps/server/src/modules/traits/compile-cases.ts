import type { TagSpec } from '@cdp/protocol';
import { type RawBuilder, sql } from 'kysely';
import { compileAllForWorkspace, compilePredicate, type EvaluationOptions } from '../query/index.ts';
import { type DesiredRow, inScope, type TagScope } from './tag-scope.ts';
import { casesOf } from './tag-spec.ts';

/**
 * A rule or lifecycle tag over all profiles in scope, one statement:
 * `case when <definition 1> then <value 1> when … else <default> end` (the first case that holds wins;
 * a null default gives no value). `evaluateCases` is its in-memory twin.
 */
export function compileCases(
  spec: Extract<TagSpec, { kind: 'rule' | 'lifecycle' }>,
  scope: TagScope,
  options: EvaluationOptions,
): RawBuilder<DesiredRow> {
  const { cases, defaultValue } = casesOf(spec);
  // the whole workspace: event conditions as grouped subqueries joined once (shared by the cases)
  const whole =
    scope.profileIds === undefined
      ? compileAllForWorkspace(
          cases.map((c) => c.definition),
          { ...options, workspaceId: scope.workspaceId },
        )
      : null;
  const whens = cases.map(
    (c, i) =>
      sql`when ${whole ? whole.predicates[i] : compilePredicate(c.definition, options)} then ${JSON.stringify(c.value)}::jsonb`,
  );
  const otherwise = defaultValue === null ? sql`null::jsonb` : sql`${JSON.stringify(defaultValue)}::jsonb`;
  return sql<DesiredRow>`select x.profile_id, x.value, null::jsonb as details from (select p.id as profile_id, case ${sql.join(whens, sql` `)} else ${otherwise} end as value from profiles as p${whole ? whole.joins : sql``} where p.workspace_id = ${scope.workspaceId}::text and ${inScope(sql`p.id`, scope)}) as x where x.value is not null`;
}
