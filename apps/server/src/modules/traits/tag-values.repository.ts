import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { TraitsTables } from './traits.tables.ts';

type Db = Kysely<TraitsTables>;

/** Values of a tag as of now (`tag_values`) or a past instant (`tag_value_history`), as `(profile_id, value, since)`. */
export function valuesOf(
  workspaceId: string,
  tagId: string,
  asOf?: Date,
): RawBuilder<{ profile_id: string; value: unknown; since: Date }> {
  return asOf === undefined
    ? sql`select v.profile_id, v.value, v.updated_at as since from tag_values as v where v.workspace_id = ${workspaceId}::text and v.tag_id = ${tagId}::text`
    : sql`select h.profile_id, h.value, h.valid_from as since from tag_value_history as h where h.workspace_id = ${workspaceId}::text and h.tag_id = ${tagId}::text and ${validAt(sql`h`, asOf)}`;
}

/** `valid_from <= D < coalesce(valid_to, infinity)`. */
const validAt = (h: RawBuilder<unknown>, asOf: Date) =>
  sql<SqlBool>`${h}.valid_from <= ${asOf.toISOString()}::timestamptz and (${h}.valid_to is null or ${h}.valid_to > ${asOf.toISOString()}::timestamptz)`;

/** Reads of tag values: members of a tag and tags of a profile, now or in the past. */
export class TagValuesRepository {
  constructor(private readonly db: Db) {}

  /** A page of a tag's holders ordered by profile id, after `cursor`, optionally only those with `value` (JSON). */
  async members(
    workspaceId: string,
    tagId: string,
    q: { value?: string; asOf?: Date; limit: number; cursor?: string },
  ) {
    const { rows } = await sql<{ profile_id: string; value: unknown; since: Date }>`
      select m.profile_id, m.value, m.since from (${valuesOf(workspaceId, tagId, q.asOf)}) as m
       where ${q.value === undefined ? sql`true` : sql`m.value = ${q.value}::jsonb`}
         and ${q.cursor === undefined ? sql`true` : sql`m.profile_id > ${q.cursor}::text`}
       order by m.profile_id limit ${q.limit + 1}::int`.execute(this.db);
    return rows;
  }

  /** The tags a profile holds (current, or as of a past instant) with the tag's name and type. */
  async profileTags(workspaceId: string, profileId: string, asOf?: Date) {
    const source =
      asOf === undefined
        ? sql`select v.tag_id, v.value, v.details, v.updated_at as since from tag_values as v where v.workspace_id = ${workspaceId}::text and v.profile_id = ${profileId}::text`
        : sql`select h.tag_id, h.value, null::jsonb as details, h.valid_from as since from tag_value_history as h where h.workspace_id = ${workspaceId}::text and h.profile_id = ${profileId}::text and ${validAt(sql`h`, asOf)}`;
    const { rows } = await sql<{
      tag_id: string;
      name: string;
      value_type: string;
      value: unknown;
      details: unknown;
      since: Date;
    }>`
      select s.tag_id, t.name, t.value_type, s.value, s.details, s.since from (${source}) as s
        join tags as t on t.workspace_id = ${workspaceId}::text and t.id = s.tag_id
       order by t.name, t.id`.execute(this.db);
    return rows;
  }

  /** The live id of a profile: itself, or where a merge redirected it; null when unknown. */
  async liveProfileId(workspaceId: string, id: string): Promise<string | null> {
    const { rows } = await sql<{ id: string }>`
      select p.id from profiles as p where p.workspace_id = ${workspaceId}::text and p.id = ${id}::text
      union all
      select r.new_id from profile_redirects as r where r.workspace_id = ${workspaceId}::text and r.old_id = ${id}::text
      limit 1`.execute(this.db);
    return rows[0]?.id ?? null;
  }
}
