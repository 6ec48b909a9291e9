import { type Kysely, sql } from 'kysely';
import type { TraitsTables } from './traits.tables.ts';

/** Uploaded values of imported tags, stored by identifier key. */
export class TagImportsRepository {
  constructor(private readonly db: Kysely<TraitsTables>) {}

  /** The keys among `keys` that the identity graph knows (an identifier some profile holds). */
  async knownKeys(workspaceId: string, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const { rows } = await sql<{ key: string }>`
      select key from identity_nodes where workspace_id = ${workspaceId}::text and key = any(${[...keys]}::text[])`.execute(
      this.db,
    );
    return new Set(rows.map((r) => r.key));
  }

  /**
   * Stores values by key (one row per key: the caller keeps the last of duplicates), after the values
   * of earlier uploads (`seq` grows); `replace` first drops every earlier upload of the tag.
   */
  async save(
    workspaceId: string,
    tagId: string,
    rows: readonly { key: string; value: unknown }[],
    replace: boolean,
  ) {
    if (replace)
      await this.db
        .deleteFrom('tag_import_rows')
        .where('workspace_id', '=', workspaceId)
        .where('tag_id', '=', tagId)
        .execute();
    if (rows.length === 0) return;
    await sql`
      insert into tag_import_rows (workspace_id, tag_id, key, value, seq)
      select ${workspaceId}::text, ${tagId}::text, u.key, u.value::jsonb,
             (select coalesce(max(seq), 0) from tag_import_rows where workspace_id = ${workspaceId}::text and tag_id = ${tagId}::text) + u.ord
        from unnest(${rows.map((r) => r.key)}::text[], ${rows.map((r) => JSON.stringify(r.value))}::text[]) with ordinality as u(key, value, ord)
      on conflict (workspace_id, tag_id, key) do update set value = excluded.value, seq = excluded.seq`.execute(
      this.db,
    );
  }
}
