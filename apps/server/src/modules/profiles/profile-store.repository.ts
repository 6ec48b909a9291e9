import { type Kysely, sql } from 'kysely';
import type { ProfilesTables } from './profiles.tables.ts';
import type { TraitRule } from './traits/survivorship.ts';
import type { TraitState } from './traits/trait-state.ts';

type Db = Kysely<ProfilesTables>;

export interface ProfileWrite {
  readonly id: string;
  readonly traits: Record<string, unknown>;
  readonly traitSources: Record<string, unknown>;
  readonly name: string | null;
  readonly identifierCount: number;
  readonly firstSeenAt: string;
}

export interface ChangeWrite {
  readonly kind: string;
  readonly profileId: string;
  readonly payload: unknown;
}

/** Writes of the profile pipeline: trait states, profile rows, redirects, history and changes. */
export const profileStore = {
  async traitStates(db: Db, workspaceId: string, keys: readonly string[]): Promise<Map<string, TraitState>> {
    if (keys.length === 0) return new Map();
    const rows = await db
      .selectFrom('identifier_traits')
      .select(['key', 'state'])
      .where('workspace_id', '=', workspaceId)
      .where(sql<boolean>`key in (select unnest(${keys}::text[]))`)
      .execute();
    return new Map(rows.map((r) => [r.key, r.state as TraitState]));
  },

  async writeTraitStates(db: Db, workspaceId: string, states: ReadonlyMap<string, TraitState>) {
    if (states.size === 0) return;
    const rows = [...states].map(([key, state]) => ({ key, state }));
    await sql`
      insert into identifier_traits (workspace_id, key, state)
      select ${workspaceId}, key, state from json_to_recordset(${JSON.stringify(rows)}::json) as t(key text, state json)
      order by key collate "C"
      on conflict (workspace_id, key) do update set state = excluded.state`.execute(db);
  },

  async currentTraits(db: Db, workspaceId: string, ids: readonly string[]) {
    if (ids.length === 0) return new Map<string, unknown>();
    const rows = await db
      .selectFrom('profiles')
      .select(['id', 'traits'])
      .where('workspace_id', '=', workspaceId)
      .where(sql<boolean>`id in (select unnest(${ids}::text[]))`)
      .execute();
    return new Map(rows.map((r) => [r.id, r.traits]));
  },

  async upsertProfiles(db: Db, workspaceId: string, profiles: readonly ProfileWrite[]) {
    if (profiles.length === 0) return;
    await sql`
      insert into profiles (workspace_id, id, traits, trait_sources, name, identifier_count, first_seen_at)
      select ${workspaceId}, id, traits, "traitSources", name, "identifierCount", "firstSeenAt"
        from json_to_recordset(${JSON.stringify(profiles)}::json)
          as p(id text, traits jsonb, "traitSources" json, name text, "identifierCount" int, "firstSeenAt" timestamptz)
      order by id collate "C"
      on conflict (workspace_id, id) do update set
        traits = excluded.traits, trait_sources = excluded.trait_sources, name = excluded.name,
        identifier_count = excluded.identifier_count, first_seen_at = excluded.first_seen_at, updated_at = now()`.execute(
      db,
    );
  },

  /** Removes profiles that no longer exist and points their ids (and ids that pointed at them) onward. */
  async removeProfiles(
    db: Db,
    workspaceId: string,
    removed: ReadonlyArray<{ readonly id: string; readonly redirectTo: string | null }>,
    live: readonly string[],
  ) {
    if (live.length > 0)
      await db
        .deleteFrom('profile_redirects')
        .where('workspace_id', '=', workspaceId)
        .where(sql<boolean>`old_id in (select unnest(${live}::text[]))`)
        .execute();
    if (removed.length === 0) return;
    const ids = removed.map((r) => r.id);
    await db
      .deleteFrom('profiles')
      .where('workspace_id', '=', workspaceId)
      .where(sql<boolean>`id in (select unnest(${ids}::text[]))`)
      .execute();
    const redirects = removed.filter((r) => r.redirectTo !== null);
    if (redirects.length === 0) return;
    const payload = JSON.stringify(redirects);
    await sql`
      update profile_redirects r set new_id = x."redirectTo", at = now()
        from jsonb_to_recordset(${payload}::jsonb) as x(id text, "redirectTo" text)
       where r.workspace_id = ${workspaceId} and r.new_id = x.id`.execute(db);
    await sql`
      insert into profile_redirects (workspace_id, old_id, new_id)
      select ${workspaceId}, id, "redirectTo" from jsonb_to_recordset(${payload}::jsonb) as x(id text, "redirectTo" text)
      on conflict (workspace_id, old_id) do update set new_id = excluded.new_id, at = now()`.execute(db);
    // a profile's history goes with its id
    await sql`
      update profile_history h set profile_id = x."redirectTo"
        from jsonb_to_recordset(${payload}::jsonb) as x(id text, "redirectTo" text)
       where h.workspace_id = ${workspaceId} and h.profile_id = x.id`.execute(db);
  },

  async record(
    db: Db,
    workspaceId: string,
    history: readonly ChangeWrite[],
    changes: readonly ChangeWrite[],
  ) {
    if (history.length > 0)
      await sql`
        insert into profile_history (workspace_id, profile_id, kind, details)
        select ${workspaceId}, "profileId", kind, payload
          from jsonb_to_recordset(${JSON.stringify(history)}::jsonb) as h(kind text, "profileId" text, payload jsonb)`.execute(
        db,
      );
    if (changes.length > 0)
      await sql`
        insert into profile_changes (workspace_id, profile_id, kind, payload)
        select ${workspaceId}, "profileId", kind, payload
          from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb) as c(kind text, "profileId" text, payload jsonb)`.execute(
        db,
      );
  },
};

/** The workspace's per-trait survivorship rules (none: latest event time wins everywhere). */
export async function loadTraitRules(db: Db, workspaceId: string): Promise<Record<string, TraitRule>> {
  const row = await db
    .selectFrom('profile_settings')
    .select('trait_rules')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return (row?.trait_rules ?? {}) as Record<string, TraitRule>;
}

/** Replaces every trait state of a workspace (after identity rules changed which identifier heads evidence). */
export async function replaceTraitStates(
  db: Db,
  workspaceId: string,
  states: ReadonlyMap<string, TraitState>,
) {
  await db.deleteFrom('identifier_traits').where('workspace_id', '=', workspaceId).execute();
  const entries = [...states];
  for (let i = 0; i < entries.length; i += 5000)
    await profileStore.writeTraitStates(db, workspaceId, new Map(entries.slice(i, i + 5000)));
}
