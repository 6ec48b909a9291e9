import { type Kysely, sql } from 'kysely';
import { preparedAs } from '../../platform/db/db-host.ts';
import type { IdentityTables } from '../identity/index.ts';
import type { ProfilesTables } from './profiles.tables.ts';

type Db = Kysely<ProfilesTables & IdentityTables>;

export interface ProfileWanted {
  readonly workspaceId: string;
  /** A profile id or an identifier key (`phone:+8613800138000`). */
  readonly value: string;
}

/** A timestamp column as JavaScript's `toISOString` writes it (`2026-05-01T08:00:00.000Z`). */
const isoUtc = (column: string) =>
  sql`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

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

  /**
   * Profiles as the API's JSON (built by the database: no row decoding and re-encoding per request),
   * in one round trip for many wanted ones (concurrent lookups share it), by profile id or by
   * identifier key; the answer is in the order asked, `undefined` where there is none.
   */
  async profilesJson(by: 'id' | 'key', wanted: readonly ProfileWanted[]): Promise<(string | undefined)[]> {
    const workspaces = wanted.map((w) => w.workspaceId);
    const values = wanted.map((w) => w.value);
    const target =
      by === 'id'
        ? sql`select w.ord, w.ws, w.v as id from unnest(${workspaces}::text[], ${values}::text[]) with ordinality as w(ws, v, ord)`
        : sql`select w.ord, w.ws, n.profile_id as id
                from unnest(${workspaces}::text[], ${values}::text[]) with ordinality as w(ws, v, ord)
                join identity_nodes n on n.workspace_id = w.ws and n.key = w.v`;
    const { rows } = await sql<{ ord: string; json: string }>`${preparedAs(`profiles_json_by_${by}`)}
      with t as (${target})
      select t.ord, json_build_object(
               'id', p.id, 'redirectedFrom', null, 'name', p.name, 'traits', p.traits,
               'traitSources', p.trait_sources,
               'identifiers', coalesce((
                  select json_agg(json_build_object('type', n.type, 'value', n.value, 'firstSeenAt', ${isoUtc('n.first_seen_at')})
                                  order by n.first_seen_at, n.key)
                    from identity_nodes n where n.workspace_id = p.workspace_id and n.profile_id = p.id), '[]'),
               'consent', p.consent, 'firstSeenAt', ${isoUtc('p.first_seen_at')},
               'createdAt', ${isoUtc('p.created_at')}, 'updatedAt', ${isoUtc('p.updated_at')}
             )::text as json
        from t join profiles p on p.workspace_id = t.ws and p.id = t.id`.execute(this.db);
    const out = new Array<string | undefined>(wanted.length).fill(undefined);
    for (const { ord, json } of rows) out[Number(ord) - 1] = json;
    return out;
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
