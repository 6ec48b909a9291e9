import type { TagValue } from '@cdp/protocol';
import { type RawBuilder, type SqlBool, sql } from 'kysely';

/** Which profiles a computation covers: the whole workspace, or a few profiles (realtime). */
export interface TagScope {
  readonly workspaceId: string;
  /** Only these profiles; undefined = all profiles of the workspace. */
  readonly profileIds?: readonly string[];
}

/** One value a tag should hold: the rows every tag compiler selects. */
export interface DesiredRow {
  readonly profile_id: string;
  readonly value: TagValue;
  readonly details: Record<string, unknown> | null;
}

/** `<column> = any($ids)` when the scope lists profiles, else `true`. */
export function inScope(column: RawBuilder<unknown>, scope: TagScope): RawBuilder<SqlBool> {
  return scope.profileIds === undefined
    ? sql<SqlBool>`true`
    : sql<SqlBool>`${column} = any(${[...scope.profileIds]}::text[])`;
}

/** Keeps the rows of existing profiles in scope (a merged-away profile holds no value). */
export function ofLiveProfiles(rows: RawBuilder<unknown>, scope: TagScope): RawBuilder<DesiredRow> {
  return sql<DesiredRow>`select v.profile_id, v.value, v.details from (${rows}) as v join profiles as p on p.workspace_id = ${scope.workspaceId}::text and p.id = v.profile_id where v.value is not null and ${inScope(sql`v.profile_id`, scope)}`;
}
