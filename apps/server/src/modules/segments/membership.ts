import type { Condition } from '@cdp/protocol';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../database.ts';
import { analyzeAfterBulkWrite } from '../../platform/db/analyze.ts';
import { holdTransactionLock } from '../../platform/db/transaction-lock.ts';
import { compileForWorkspace, compilePredicate } from '../query/index.ts';

type Db = Kysely<Database>;

/** The audience as the engine needs it. */
export interface AudienceRule {
  readonly workspaceId: string;
  readonly id: string;
  readonly kind: 'rule' | 'file' | 'combination';
  /** Rule and combination audiences; `null` for a file audience. */
  readonly definition: Condition | null;
}

export interface EvaluationTime {
  readonly asOf: Date;
  readonly timeZone?: string;
}

/** Why members entered or left: stored with every change (`event`, `profile`, `schedule`, `definition` …). */
export type Cause = Readonly<Record<string, unknown>>;

export interface MembershipDelta {
  readonly entered: readonly string[];
  readonly exited: readonly string[];
}

const onlyIds = (column: RawBuilder<unknown>, ids: readonly string[] | null) =>
  ids ? sql`and ${column} in (select unnest(${ids}::text[]))` : sql``;

/**
 * The profiles that belong to the audience now, as a `select id`: for a definition, the compiled
 * predicate over `profiles p`; for a file audience, the profiles holding an uploaded identifier.
 * `ids` restricts it to some profiles (real-time evaluation).
 */
export function targetQuery(audience: AudienceRule, time: EvaluationTime, ids: readonly string[] | null) {
  if (audience.definition === null)
    return sql<{ id: string }>`
      select distinct n.profile_id as id
        from audience_file_keys k
        join identity_nodes n on n.workspace_id = k.workspace_id and n.key = k.key
       where k.workspace_id = ${audience.workspaceId} and k.audience_id = ${audience.id}
         ${onlyIds(sql.ref('n.profile_id'), ids)}`;
  if (ids)
    return sql<{ id: string }>`
      select p.id from profiles as p
       where p.workspace_id = ${audience.workspaceId}::text ${onlyIds(sql.ref('p.id'), ids)}
         and ${compilePredicate(audience.definition, time)}`;
  // all profiles: event conditions as grouped subqueries joined once, not one subquery per profile
  const { joins, predicate } = compileForWorkspace(audience.definition, {
    ...time,
    workspaceId: audience.workspaceId,
  });
  return sql<{ id: string }>`
    select p.id from profiles as p${joins}
     where p.workspace_id = ${audience.workspaceId}::text and ${predicate}`;
}

/**
 * Brings the audience's members in line with its target in ONE statement: inserts who entered,
 * deletes who left, and records each enter and exit with its cause (at the time of recording; `time`
 * is the instant the definition is evaluated at). `ids` limits the work to some
 * profiles (those an incoming change touched, including ids merged away, which always leave);
 * `causes` gives a cause per profile id (else `cause`). Callers hold the workspace's audience lock.
 */
export async function applyMembership(
  db: Db,
  audience: AudienceRule,
  time: EvaluationTime,
  ids: readonly string[] | null,
  cause: Cause,
  causes: Readonly<Record<string, Cause>> = {},
): Promise<MembershipDelta> {
  const { workspaceId, id } = audience;
  const causeOf = sql`coalesce(${JSON.stringify(causes)}::jsonb -> profile_id, ${JSON.stringify(cause)}::jsonb)`;
  const { rows } = await sql<{ profile_id: string; change: 'enter' | 'exit' }>`
    with target as (${targetQuery(audience, time, ids)}),
    entered as (
      insert into audience_members (workspace_id, audience_id, profile_id, entered_at)
      select ${workspaceId}, ${id}, t.id, now() from target t
      on conflict do nothing
      returning profile_id
    ),
    exited as (
      delete from audience_members m
       where m.workspace_id = ${workspaceId} and m.audience_id = ${id} ${onlyIds(sql.ref('m.profile_id'), ids)}
         and not exists (select 1 from target t where t.id = m.profile_id)
      returning m.profile_id
    ),
    changes as (
      select profile_id, 'enter' as change from entered
      union all
      select profile_id, 'exit' from exited
    ),
    logged as (
      insert into audience_changes (workspace_id, audience_id, profile_id, change, at, cause)
      select ${workspaceId}, ${id}, profile_id, change, now(), ${causeOf} from changes
    ),
    sized as (
      update audiences set size = size
        + (select count(*) from entered)::int - (select count(*) from exited)::int
       where workspace_id = ${workspaceId} and id = ${id}
    )
    select profile_id, change from changes`.execute(db);
  // a recomputation may write a large part of the table: keep the plans of per-person reads right
  await analyzeAfterBulkWrite(db, ['audience_members', 'audience_changes'], rows.length);
  return {
    entered: rows.filter((r) => r.change === 'enter').map((r) => r.profile_id),
    exited: rows.filter((r) => r.change === 'exit').map((r) => r.profile_id),
  };
}

/** How many profiles the audience selects now, and a few of them (the builder's live estimate). */
export async function estimate(db: Db, audience: AudienceRule, time: EvaluationTime, sampleSize = 10) {
  const { rows } = await sql<{ size: number; sample: Array<{ id: string; name: string | null }> | null }>`
    with target as (${targetQuery(audience, time, null)})
    select (select count(*)::int from target) as size,
           (select json_agg(json_build_object('id', s.id, 'name', s.name)) from (
              select p.id, p.name from target t
                join profiles p on p.workspace_id = ${audience.workspaceId} and p.id = t.id
               order by p.id limit ${sampleSize}) s) as sample`.execute(db);
  return { size: rows[0].size, sample: rows[0].sample ?? [] };
}

/** Whether one profile is selected now (the SQL verdict the matcher's explanation is checked against). */
export async function selects(db: Db, audience: AudienceRule, time: EvaluationTime, profileId: string) {
  const { rows } = await targetQuery(audience, time, [profileId]).execute(db);
  return rows.length > 0;
}

/**
 * Serialises membership changes of one workspace: real-time evaluation (inside the profile pipeline's
 * transaction) and full recomputations never interleave.
 */
export async function lockWorkspaceAudiences(db: Db, workspaceId: string): Promise<void> {
  await holdTransactionLock(db, `cdp.audiences:${workspaceId}`);
}

/** One enter or exit decided in memory (real-time evaluation), to be written with the others. */
export interface MembershipChange {
  readonly audienceId: string;
  readonly profileId: string;
  readonly change: 'enter' | 'exit';
  readonly cause: Cause;
}

/**
 * Writes the enters and exits of a batch, across audiences, in ONE statement: members inserted and
 * deleted, each change logged with its cause, sizes adjusted. Only changes that took effect are logged.
 */
export async function recordChanges(
  db: Db,
  workspaceId: string,
  changes: readonly MembershipChange[],
): Promise<void> {
  if (changes.length === 0) return;
  await sql`
    with c as (
      select * from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb)
        as c("audienceId" text, "profileId" text, change text, cause jsonb)
    ),
    entered as (
      insert into audience_members (workspace_id, audience_id, profile_id, entered_at)
      select ${workspaceId}, "audienceId", "profileId", now() from c where change = 'enter'
      on conflict do nothing
      returning audience_id, profile_id
    ),
    exited as (
      delete from audience_members m using c
       where m.workspace_id = ${workspaceId} and c.change = 'exit'
         and m.audience_id = c."audienceId" and m.profile_id = c."profileId"
      returning m.audience_id, m.profile_id
    ),
    done as (
      select audience_id, profile_id, 'enter' as change from entered
      union all
      select audience_id, profile_id, 'exit' from exited
    ),
    logged as (
      insert into audience_changes (workspace_id, audience_id, profile_id, change, at, cause)
      select ${workspaceId}, d.audience_id, d.profile_id, d.change, now(), c.cause
        from done d join c on c."audienceId" = d.audience_id and c."profileId" = d.profile_id and c.change = d.change
    )
    update audiences a set size = a.size + s.delta
      from (select audience_id, sum(case change when 'enter' then 1 else -1 end)::int as delta
              from done group by audience_id) s
     where a.workspace_id = ${workspaceId} and a.id = s.audience_id`.execute(db);
}

/** Ends every membership of profiles that exist no more (merged away), logged with `cause`. */
export async function removeMembers(
  db: Db,
  workspaceId: string,
  profileIds: readonly string[],
  cause: Cause,
) {
  if (profileIds.length === 0) return;
  await sql`
    with exited as (
      delete from audience_members
       where workspace_id = ${workspaceId} and profile_id in (select unnest(${profileIds}::text[]))
      returning audience_id, profile_id
    ),
    logged as (
      insert into audience_changes (workspace_id, audience_id, profile_id, change, at, cause)
      select ${workspaceId}, audience_id, profile_id, 'exit', now(), ${JSON.stringify(cause)}::jsonb from exited
    )
    update audiences a set size = a.size - s.n
      from (select audience_id, count(*)::int as n from exited group by audience_id) s
     where a.workspace_id = ${workspaceId} and a.id = s.audience_id`.execute(db);
}
