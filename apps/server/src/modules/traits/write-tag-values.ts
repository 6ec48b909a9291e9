import { type Kysely, type RawBuilder, sql } from 'kysely';
import { analyzeAfterBulkWrite } from '../../platform/db/analyze.ts';
import { holdTransactionLock } from '../../platform/db/transaction-lock.ts';
import { type DesiredRow, inScope, type TagScope } from './tag-scope.ts';

/** What one write changed. */
export interface WriteCounts {
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  /** Profiles in scope holding a value after the write. */
  readonly total: number;
}

/**
 * Makes `tag_values` of the profiles in scope equal to `desired`, in ONE statement: inserts new
 * values, updates changed ones (and RFM details), deletes values that no longer hold or whose profile
 * is gone (merged away), and in the same statement closes the history row of every changed or removed
 * value at `asOf` and opens one for every new value (PostgreSQL runs every data-modifying `with` part
 * once, referenced or not). Run inside `lockTag`'s transaction.
 */
export async function writeTagValues<DB>(
  db: Kysely<DB>,
  tagId: string,
  scope: TagScope,
  desired: RawBuilder<DesiredRow>,
  asOf: Date,
): Promise<WriteCounts> {
  const w = sql`${scope.workspaceId}::text`;
  const t = sql`${tagId}::text`;
  const at = sql`${asOf.toISOString()}::timestamptz`;
  const { rows } = await sql<WriteCounts>`
    with desired as (select d.profile_id, d.value, d.details from (${desired}) as d where ${inScope(sql`d.profile_id`, scope)}),
    current as (select v.profile_id, v.value, v.details from tag_values as v where v.workspace_id = ${w} and v.tag_id = ${t} and ${inScope(sql`v.profile_id`, scope)}),
    diff as (
      select d.profile_id, d.value, d.details, c.profile_id is null as is_new, c.value is distinct from d.value as value_changed
        from desired as d left join current as c on c.profile_id = d.profile_id
       where c.profile_id is null or c.value <> d.value or c.details is distinct from d.details),
    gone as (select c.profile_id from current as c where not exists (select 1 from desired as d where d.profile_id = c.profile_id)),
    upserted as (
      insert into tag_values (workspace_id, tag_id, profile_id, value, details, updated_at)
      select ${w}, ${t}, profile_id, value, details, ${at} from diff
      on conflict (workspace_id, tag_id, profile_id) do update
        set details = excluded.details,
            updated_at = case when tag_values.value = excluded.value then tag_values.updated_at else excluded.updated_at end,
            value = excluded.value
      returning 1),
    deleted as (
      delete from tag_values as v using gone as g
       where v.workspace_id = ${w} and v.tag_id = ${t} and v.profile_id = g.profile_id
      returning 1),
    closed as (
      update tag_value_history as h set valid_to = greatest(h.valid_from, ${at})
       where h.workspace_id = ${w} and h.tag_id = ${t} and h.valid_to is null
         and h.profile_id in (select profile_id from diff where value_changed union all select profile_id from gone)
      returning 1),
    opened as (
      insert into tag_value_history (workspace_id, tag_id, profile_id, value, valid_from)
      select ${w}, ${t}, profile_id, value, ${at} from diff where value_changed
      returning 1)
    select (select count(*) from diff where is_new)::int as added,
           (select count(*) from diff where not is_new and value_changed)::int as changed,
           (select count(*) from deleted)::int as removed,
           (select count(*) from desired)::int as total`.execute(db);
  const { added, changed, removed, total } = rows[0];
  // a write for the whole workspace may change a large part of the table: keep per-person plans right
  if (!scope.profileIds)
    await analyzeAfterBulkWrite(db, ['tag_values', 'tag_value_history'], added + changed + removed);
  return { added, changed, removed, total };
}

/** Runs `work` in a transaction holding the tag's lock: one computation of a tag at a time. */
export async function lockTag<DB, T>(
  db: Kysely<DB>,
  workspaceId: string,
  tagId: string,
  work: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  const locked = async (trx: Kysely<DB>) => {
    await holdTransactionLock(trx, `cdp.tag:${workspaceId}:${tagId}`);
    return work(trx);
  };
  return db.isTransaction ? locked(db) : db.transaction().execute(locked);
}
