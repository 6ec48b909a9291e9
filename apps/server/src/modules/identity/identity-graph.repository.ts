import { type Kysely, sql } from 'kysely';
import type { IdentityTables } from './identity.tables.ts';

export interface ObservationRow {
  readonly setHash: string;
  /** Retracted by an operator: its identifiers stay known but it links nothing. */
  readonly retracted?: boolean;
  readonly keys: readonly string[];
  readonly evidenceId: string;
  readonly kind: string;
  readonly sourceId: string | null;
  readonly at: string;
  /** What a probabilistic or reviewed link carried (score, match id). */
  readonly details?: unknown;
}

/** An event and the identifier it is indexed under (its head identifier). */
export interface IndexedEvent {
  readonly key: string;
  readonly eventId: string;
  readonly type: string;
  readonly event: string | null;
  readonly timestamp: Date;
}

export interface NodeWrite {
  readonly key: string;
  readonly profileId: string;
  readonly firstSeenAt: string;
}

export interface ConflictWrite {
  readonly setHash: string;
  readonly reason: string;
  readonly leftOut: readonly string[];
  readonly profileId: string | null;
  readonly evidenceId: string;
  readonly at: string;
}

type Db = Kysely<IdentityTables>;
const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

async function writeNodeChunk(db: Db, workspaceId: string, nodes: readonly NodeWrite[]) {
  await sql`
      insert into identity_nodes (workspace_id, key, type, value, profile_id, first_seen_at)
      select ${workspaceId}, key, split_part(key, ':', 1), substr(key, strpos(key, ':') + 1), "profileId", "firstSeenAt"
        from jsonb_to_recordset(${JSON.stringify(nodes)}::jsonb) as n(key text, "profileId" text, "firstSeenAt" timestamptz)
      order by key collate "C"
      on conflict (workspace_id, key) do update
        set profile_id = excluded.profile_id, first_seen_at = excluded.first_seen_at
        where (identity_nodes.profile_id, identity_nodes.first_seen_at) is distinct from (excluded.profile_id, excluded.first_seen_at)`.execute(
    db,
  );
}

/** The stored identity graph of one workspace: evidence, identifiers and their profiles, conflicts. */
export const graphRepository = {
  async existingSets(db: Db, workspaceId: string, hashes: readonly string[]) {
    if (hashes.length === 0) return new Map<string, { at: string; evidenceId: string }>();
    const rows = await db
      .selectFrom('identity_observations')
      .select(['set_hash', 'at', 'evidence_id'])
      .where('workspace_id', '=', workspaceId)
      .where(sql<boolean>`set_hash in (select unnest(${hashes}::text[]))`)
      .execute();
    return new Map(rows.map((r) => [r.set_hash, { at: iso(r.at), evidenceId: r.evidence_id }]));
  },

  /** Inserts new sets; an existing set takes the given evidence only when it is earlier. */
  async upsertObservations(db: Db, workspaceId: string, rows: readonly ObservationRow[]) {
    if (rows.length === 0) return;
    const payload = rows.map((r) => ({ ...r, workspaceId }));
    await sql`
      insert into identity_observations (workspace_id, set_hash, keys, evidence_id, kind, source_id, at, details)
      select "workspaceId", "setHash", array(select jsonb_array_elements_text(keys)), "evidenceId", kind, "sourceId", at, details
        from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb)
          as r("workspaceId" text, "setHash" text, keys jsonb, "evidenceId" text, kind text, "sourceId" text, at timestamptz, details jsonb)
      order by "setHash" collate "C"
      on conflict (workspace_id, set_hash) do update
        set evidence_id = excluded.evidence_id, kind = excluded.kind, source_id = excluded.source_id, at = excluded.at,
            details = excluded.details
        where (excluded.at, excluded.evidence_id collate "C") < (identity_observations.at, identity_observations.evidence_id collate "C")`.execute(
      db,
    );
    // each identifier of each set, for lookups by identifier (new sets only; a set's keys never change)
    await sql`
      insert into identity_observation_keys (workspace_id, key, set_hash)
      select ${workspaceId}, jsonb_array_elements_text(keys), "setHash"
        from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ setHash: r.setHash, keys: r.keys })))}::jsonb)
          as r("setHash" text, keys jsonb)
      on conflict do nothing`.execute(db);
  },

  async profilesOfKeys(db: Db, workspaceId: string, keys: readonly string[]) {
    if (keys.length === 0) return [];
    return db
      .selectFrom('identity_nodes')
      .select(['key', 'profile_id'])
      .where('workspace_id', '=', workspaceId)
      .where(sql<boolean>`key in (select unnest(${keys}::text[]))`)
      .execute();
  },

  async keysOfProfiles(db: Db, workspaceId: string, profileIds: readonly string[]) {
    if (profileIds.length === 0) return [];
    return db
      .selectFrom('identity_nodes')
      .select(['key', 'profile_id', 'first_seen_at'])
      .where('workspace_id', '=', workspaceId)
      .where(sql<boolean>`profile_id in (select unnest(${profileIds}::text[]))`)
      .orderBy('key')
      .execute();
  },

  /** Evidence that mentions any of `keys`, retracted or not. */
  async observationsTouching(
    db: Db,
    workspaceId: string,
    keys: readonly string[],
  ): Promise<ObservationRow[]> {
    if (keys.length === 0) return [];
    const rows = await db
      .selectFrom('identity_observations')
      .select(['set_hash', 'keys', 'evidence_id', 'kind', 'source_id', 'at', 'retracted_at'])
      .where('workspace_id', '=', workspaceId)
      .where(
        sql<boolean>`set_hash in (select k.set_hash from identity_observation_keys k
          where k.workspace_id = ${workspaceId} and k.key in (select unnest(${keys}::text[])))`,
      )
      .execute();
    return rows.map((r) => ({
      setHash: r.set_hash,
      retracted: r.retracted_at !== null,
      keys: r.keys,
      evidenceId: r.evidence_id,
      kind: r.kind,
      sourceId: r.source_id,
      at: iso(r.at),
    }));
  },

  async retractedKeys(db: Db, workspaceId: string, keys: readonly string[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const rows = await db
      .selectFrom('identity_retractions')
      .select('key')
      .where('workspace_id', '=', workspaceId)
      .where(sql<boolean>`key in (select unnest(${keys}::text[]))`)
      .execute();
    return rows.map((r) => r.key);
  },

  /** Sets each identifier's profile (inserting new ones) and removes identifiers that left the graph. */
  async writeNodes(db: Db, workspaceId: string, nodes: readonly NodeWrite[], dropped: readonly string[]) {
    if (dropped.length > 0)
      await db
        .deleteFrom('identity_nodes')
        .where('workspace_id', '=', workspaceId)
        .where(sql<boolean>`key in (select unnest(${dropped}::text[]))`)
        .execute();
    for (let i = 0; i < nodes.length; i += 5000)
      await writeNodeChunk(db, workspaceId, nodes.slice(i, i + 5000));
  },

  /** Replaces the conflicts recorded for the given evidence sets. */
  async replaceConflicts(
    db: Db,
    workspaceId: string,
    setHashes: readonly string[],
    conflicts: readonly ConflictWrite[],
  ) {
    if (setHashes.length > 0)
      await db
        .deleteFrom('identity_conflicts')
        .where('workspace_id', '=', workspaceId)
        .where(sql<boolean>`set_hash in (select unnest(${setHashes}::text[]))`)
        .execute();
    if (conflicts.length === 0) return;
    await sql`
      insert into identity_conflicts (workspace_id, set_hash, reason, left_out, profile_id, evidence_id, at)
      select ${workspaceId}, "setHash", reason, array(select jsonb_array_elements_text("leftOut")), "profileId", "evidenceId", at
        from jsonb_to_recordset(${JSON.stringify(conflicts)}::jsonb)
          as c("setHash" text, reason text, "leftOut" jsonb, "profileId" text, "evidenceId" text, at timestamptz)
      on conflict do nothing`.execute(db);
  },

  async addQuality(
    db: Db,
    rows: ReadonlyArray<{
      workspaceId: string;
      sourceId: string;
      day: string;
      metric: string;
      count: number;
    }>,
  ) {
    if (rows.length === 0) return;
    await sql`
      insert into data_quality_stats (workspace_id, source_id, day, metric, count)
      select "workspaceId", "sourceId", day, metric, count
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as q("workspaceId" text, "sourceId" text, day date, metric text, count int)
      order by "sourceId" collate "C", day, metric collate "C"
      on conflict (source_id, day, metric) do update set count = data_quality_stats.count + excluded.count`.execute(
      db,
    );
  },

  async retractIdentifier(
    db: Db,
    workspaceId: string,
    key: string,
    reason: string | null,
    by: string | null,
  ) {
    await db
      .insertInto('identity_retractions')
      .values({ workspace_id: workspaceId, key, reason, created_by: by })
      .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
      .execute();
  },

  /** Takes back one piece of evidence; returns how many sets it was the evidence of (0 or 1). */
  async retractEvidence(
    db: Db,
    workspaceId: string,
    evidenceId: string,
    reason: string | null,
  ): Promise<number> {
    const result = await db
      .updateTable('identity_observations')
      .set({ retracted_at: new Date(), retracted_reason: reason })
      .where('workspace_id', '=', workspaceId)
      .where('evidence_id', '=', evidenceId)
      .where('retracted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  /** Every identifier of the workspace and its profile. */
  async allNodes(db: Db, workspaceId: string): Promise<Map<string, string>> {
    const rows = await db
      .selectFrom('identity_nodes')
      .select(['key', 'profile_id'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    return new Map(rows.map((r) => [r.key, r.profile_id]));
  },

  /** Set hashes an operator retracted. */
  async retractedSets(db: Db, workspaceId: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('identity_observations')
      .select('set_hash')
      .where('workspace_id', '=', workspaceId)
      .where('retracted_at', 'is not', null)
      .execute();
    return new Set(rows.map((r) => r.set_hash));
  },

  /** Replaces all evidence of a workspace (keeping operators' retractions by set). */
  async replaceAllObservations(db: Db, workspaceId: string, rows: readonly ObservationRow[]) {
    const retracted = await graphRepository.retractedSets(db, workspaceId);
    await db.deleteFrom('identity_observations').where('workspace_id', '=', workspaceId).execute();
    await db.deleteFrom('identity_observation_keys').where('workspace_id', '=', workspaceId).execute();
    await db.deleteFrom('identity_conflicts').where('workspace_id', '=', workspaceId).execute();
    for (let i = 0; i < rows.length; i += 5000)
      await graphRepository.upsertObservations(db, workspaceId, rows.slice(i, i + 5000));
    if (retracted.size > 0)
      await db
        .updateTable('identity_observations')
        .set({ retracted_at: new Date() })
        .where('workspace_id', '=', workspaceId)
        .where(sql<boolean>`set_hash in (select unnest(${[...retracted]}::text[]))`)
        .execute();
  },

  async recentConflicts(db: Db, workspaceId: string, limit: number) {
    return db
      .selectFrom('identity_conflicts')
      .select(['evidence_id', 'reason', 'left_out', 'profile_id', 'at'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('at', 'desc')
      .limit(limit)
      .execute();
  },

  async qualitySince(db: Db, workspaceId: string, since: string) {
    return db
      .selectFrom('data_quality_stats')
      .select(['source_id', 'metric', (eb) => eb.fn.sum<string>('count').as('count')])
      .where('workspace_id', '=', workspaceId)
      .where(sql<boolean>`day >= ${since}::date`)
      .groupBy(['source_id', 'metric'])
      .orderBy('source_id')
      .orderBy('metric')
      .execute();
  },

  /**
   * Indexes events under their head identifier: with the graph, each event's profile
   * (`profile_events`). The event's type, name and time ride along, so loads filter in the index.
   */
  async indexEvents(db: Db, workspaceId: string, rows: readonly IndexedEvent[]) {
    if (rows.length === 0) return;
    await sql`
      insert into event_keys (workspace_id, key, event_id, type, event, "timestamp")
      select ${workspaceId}, key, "eventId"::bigint, type, event, "timestamp"
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as e(key text, "eventId" text, type text, event text, "timestamp" timestamptz)
      on conflict do nothing`.execute(db);
  },
};
