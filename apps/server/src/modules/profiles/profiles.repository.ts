import { type Kysely, sql } from 'kysely';
import type { IdentityTables } from '../identity/index.ts';
import type { ProfilesTables } from './profiles.tables.ts';

type Db = Kysely<ProfilesTables & IdentityTables>;

/** Escapes `%`, `_` and `\` for a LIKE prefix. */
const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Read side of profiles: by id (following redirects), by identifier, search, history. */
export class ProfilesRepository {
  constructor(private readonly db: Db) {}

  async resolveId(workspaceId: string, id: string): Promise<string | null> {
    const redirect = await this.db
      .selectFrom('profile_redirects')
      .select('new_id')
      .where('workspace_id', '=', workspaceId)
      .where('old_id', '=', id)
      .executeTakeFirst();
    return redirect?.new_id ?? null;
  }

  /** A profile and its identifiers in one round trip, by profile id or by one of its identifier keys. */
  async profileWith(workspaceId: string, by: { id: string } | { key: string }) {
    const target =
      'id' in by
        ? sql`select ${by.id}::text as id`
        : sql`select profile_id as id from identity_nodes where workspace_id = ${workspaceId} and key = ${by.key}`;
    const { rows } = await sql<{
      id: string;
      name: string | null;
      traits: unknown;
      trait_sources: unknown;
      consent: unknown;
      first_seen_at: Date;
      created_at: Date;
      updated_at: Date;
      identifiers: Array<{ type: string; value: string; first_seen_at: string }>;
    }>`
      with t as (${target})
      select p.id, p.name, p.traits, p.trait_sources, p.consent, p.first_seen_at, p.created_at, p.updated_at,
             coalesce((select json_agg(json_build_object('type', n.type, 'value', n.value, 'first_seen_at', n.first_seen_at)
                                       order by n.first_seen_at, n.key)
                         from identity_nodes n where n.workspace_id = p.workspace_id and n.profile_id = p.id), '[]') as identifiers
        from profiles p join t on p.id = t.id
       where p.workspace_id = ${workspaceId}`.execute(this.db);
    return rows[0];
  }

  profile(workspaceId: string, id: string) {
    return this.db
      .selectFrom('profiles')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  identifiers(workspaceId: string, profileIds: readonly string[]) {
    if (profileIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('identity_nodes')
      .select(['profile_id', 'type', 'value', 'first_seen_at'])
      .where('workspace_id', '=', workspaceId)
      .where(sql<boolean>`profile_id in (select unnest(${profileIds}::text[]))`)
      .orderBy('first_seen_at')
      .orderBy('key')
      .execute();
  }

  /** Profile ids whose identifiers of `types` equal or start with `value`. */
  async byIdentifier(
    workspaceId: string,
    types: readonly string[],
    value: string,
    prefix: boolean,
    limit: number,
  ) {
    const rows = await this.db
      .selectFrom('identity_nodes')
      .select('profile_id')
      .distinct()
      .where('workspace_id', '=', workspaceId)
      .where(sql<boolean>`type in (select unnest(${types}::text[]))`)
      .where(prefix ? sql<boolean>`value like ${likePrefix(value)}` : sql<boolean>`value = ${value}`)
      .limit(limit)
      .execute();
    return rows.map((r) => r.profile_id);
  }

  async byName(workspaceId: string, name: string, prefix: boolean, limit: number) {
    const rows = await this.db
      .selectFrom('profiles')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where(prefix ? sql<boolean>`name like ${likePrefix(name)}` : sql<boolean>`name = ${name}`)
      .orderBy('name')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  profiles(workspaceId: string, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('profiles')
      .select(['id', 'name', 'first_seen_at', 'updated_at'])
      .where('workspace_id', '=', workspaceId)
      .where(sql<boolean>`id in (select unnest(${ids}::text[]))`)
      .execute();
  }

  history(workspaceId: string, profileId: string) {
    return this.db
      .selectFrom('profile_history')
      .select(['id', 'kind', 'details', 'at'])
      .where('workspace_id', '=', workspaceId)
      .where('profile_id', '=', profileId)
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
  }

  conflicts(workspaceId: string, profileId: string) {
    return this.db
      .selectFrom('identity_conflicts')
      .select(['evidence_id', 'reason', 'left_out', 'at'])
      .where('workspace_id', '=', workspaceId)
      .where('profile_id', '=', profileId)
      .orderBy('at')
      .limit(500)
      .execute();
  }
}
