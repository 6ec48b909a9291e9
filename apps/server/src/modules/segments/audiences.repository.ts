import type { Audience, AudienceRunSummary, Combination, Condition } from '@cdp/protocol';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../database.ts';
import type { Dependencies } from '../query/index.ts';
import type { AudienceRule } from './membership.ts';
import type { AudienceRunsTable, AudiencesTable } from './segments.tables.ts';

type Db = Kysely<Database>;
export type AudienceRow = Selectable<AudiencesTable>;
export type RunRow = Selectable<AudienceRunsTable>;
export type RunReason = AudienceRunSummary['reason'];

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export function toRule(row: AudienceRow): AudienceRule {
  return {
    workspaceId: row.workspace_id,
    id: row.id,
    kind: row.kind as AudienceRule['kind'],
    definition: (row.definition as Condition | null) ?? null,
  };
}

export const dependenciesOf = (row: AudienceRow) => row.dependencies as Dependencies;

export function toRunSummary(run: RunRow): AudienceRunSummary {
  return {
    id: String(run.id),
    reason: run.reason as RunReason,
    status: run.status as AudienceRunSummary['status'],
    version: run.version,
    before: run.before_size,
    after: run.after_size,
    entered: run.entered,
    exited: run.exited,
    error: run.error,
    createdAt: iso(run.created_at),
    finishedAt: isoOrNull(run.finished_at),
  };
}

export function toAudience(row: AudienceRow, lastRun: RunRow | undefined): Audience {
  const deps = dependenciesOf(row);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind as Audience['kind'],
    definition: (row.definition as Condition | null) ?? null,
    combination: (row.combination as Combination | null) ?? null,
    fileIdentifiers:
      row.kind === 'file' ? { total: row.file_total ?? 0, unmatched: row.file_unmatched ?? 0 } : null,
    status: row.status as Audience['status'],
    version: row.version,
    size: row.size,
    timeRelative: row.time_relative,
    dependencies: {
      traits: [...deps.traits],
      events: [...deps.events],
      anyEvent: deps.anyEvent,
      tags: [...deps.tags],
      audiences: [...deps.audiences],
      identifierTypes: [...deps.identifierTypes],
    },
    computedAt: isoOrNull(row.computed_at),
    lastRun: lastRun ? toRunSummary(lastRun) : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Audience rows, runs and the members' reads that are not the engine's statements. */
export const audiencesRepository = {
  list(db: Db, workspaceId: string, statuses?: readonly string[]) {
    let q = db.selectFrom('audiences').selectAll().where('workspace_id', '=', workspaceId);
    if (statuses) q = q.where('status', 'in', statuses);
    return q.orderBy('created_at').orderBy('id').execute();
  },

  get(db: Db, workspaceId: string, id: string) {
    return db
      .selectFrom('audiences')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** The latest run of each audience. */
  async lastRuns(db: Db, workspaceId: string, ids: readonly string[]): Promise<Map<string, RunRow>> {
    if (ids.length === 0) return new Map();
    const { rows } = await sql<RunRow>`
      select distinct on (audience_id) * from audience_runs
       where workspace_id = ${workspaceId} and audience_id in (select unnest(${ids}::text[]))
       order by audience_id, id desc`.execute(db);
    return new Map(rows.map((r) => [r.audience_id, r]));
  },

  async queueRun(db: Db, row: AudienceRow, reason: RunReason): Promise<void> {
    await db
      .insertInto('audience_runs')
      .values({ workspace_id: row.workspace_id, audience_id: row.id, version: row.version, reason })
      .execute();
  },

  /**
   * Locks the oldest queued run for the caller's transaction (SKIP LOCKED: several workers share the
   * queue; a worker that dies releases its run, which stays queued).
   */
  async claimRun(db: Db): Promise<RunRow | undefined> {
    const { rows } = await sql<RunRow>`
      select * from audience_runs where status = 'queued' order by id limit 1 for update skip locked`.execute(
      db,
    );
    return rows[0];
  },

  async finishRun(
    db: Db,
    id: string,
    result:
      | { before: number; after: number; entered: number; exited: number; startedAt: Date }
      | { error: string },
  ): Promise<void> {
    await db
      .updateTable('audience_runs')
      .set(
        'error' in result
          ? { status: 'failed', error: result.error.slice(0, 2000), finished_at: new Date() }
          : {
              status: 'done',
              started_at: result.startedAt,
              before_size: result.before,
              after_size: result.after,
              entered: result.entered,
              exited: result.exited,
              finished_at: new Date(),
            },
      )
      .where('id', '=', id)
      .execute();
  },

  /** Active audiences with "now"-relative conditions last computed before `before`, without a queued run. */
  async dueForRecheck(db: Db, before: Date) {
    const { rows } = await sql<AudienceRow>`
      select a.* from audiences a
       where a.status = 'active' and a.time_relative
         and (a.computed_at is null or a.computed_at < ${before})
         and not exists (select 1 from audience_runs r where r.workspace_id = a.workspace_id
                          and r.audience_id = a.id and r.status in ('queued', 'running'))`.execute(db);
    return rows;
  },

  async markComputed(db: Db, row: AudienceRow, at: Date): Promise<number> {
    const { rows } = await sql<{ size: number }>`
      update audiences set computed_at = ${at}, computed_version = ${row.version},
             size = (select count(*)::int from audience_members m
                      where m.workspace_id = ${row.workspace_id} and m.audience_id = ${row.id})
       where workspace_id = ${row.workspace_id} and id = ${row.id}
      returning size`.execute(db);
    return rows[0]?.size ?? 0;
  },

  async replaceFileKeys(db: Db, workspaceId: string, audienceId: string, keys: readonly string[]) {
    await db
      .deleteFrom('audience_file_keys')
      .where('workspace_id', '=', workspaceId)
      .where('audience_id', '=', audienceId)
      .execute();
    for (let i = 0; i < keys.length; i += 10_000)
      await sql`
        insert into audience_file_keys (workspace_id, audience_id, key)
        select ${workspaceId}, ${audienceId}, unnest(${keys.slice(i, i + 10_000)}::text[])
        on conflict do nothing`.execute(db);
  },

  /** How many of the keys no identifier node holds (file audiences report them). */
  async unmatchedKeys(db: Db, workspaceId: string, audienceId: string): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from audience_file_keys k
       where k.workspace_id = ${workspaceId} and k.audience_id = ${audienceId}
         and not exists (select 1 from identity_nodes n where n.workspace_id = k.workspace_id and n.key = k.key)`.execute(
      db,
    );
    return rows[0].n;
  },

  /** File keys of one audience that a profile holds. */
  async matchedKeys(db: Db, workspaceId: string, audienceId: string, profileId: string) {
    const { rows } = await sql<{ key: string }>`
      select k.key from audience_file_keys k
        join identity_nodes n on n.workspace_id = k.workspace_id and n.key = k.key
       where k.workspace_id = ${workspaceId} and k.audience_id = ${audienceId} and n.profile_id = ${profileId}
       order by k.key`.execute(db);
    return rows.map((r) => r.key);
  },
};
