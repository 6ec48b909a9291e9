import { type Kysely, sql } from 'kysely';
import type { Database } from '../../database.ts';
import { ANY_EVENT, type Dependencies, type ProfileSnapshot } from '../query/index.ts';

/**
 * Which events to load: all (`null`), these names, or per name (`ANY_EVENT`: every name) the
 * earliest event time that can matter (`null`: all of history; see eventLookback).
 */
export type EventReads = readonly string[] | ReadonlyMap<string, Date | null> | null;

/** Events read per explanation at most (newest first): a person with more is explained on these. */
const MAX_EVENTS = 20_000;

/**
 * What the in-memory matcher needs to explain one profile: traits, the events the definition reads
 * (by name, or all; the newest `MAX_EVENTS`), identifiers, tag values and memberships. `undefined`
 * when no such profile.
 */
export async function loadSnapshot(
  db: Kysely<Database>,
  workspaceId: string,
  profileId: string,
  deps: Pick<Dependencies, 'events' | 'anyEvent'>,
): Promise<ProfileSnapshot | undefined> {
  const names = deps.anyEvent ? null : deps.events;
  const snapshots = await loadSnapshots(db, workspaceId, [profileId], names, undefined, MAX_EVENTS);
  return snapshots.get(profileId);
}

/**
 * Snapshots of many profiles at once (real-time evaluation of a batch): five statements whatever
 * the number of profiles, with the events `events` reads. Profiles that do not exist are absent from
 * the map.
 */
export async function loadSnapshots(
  db: Kysely<Database>,
  workspaceId: string,
  profileIds: readonly string[],
  events: EventReads,
  /**
   * What the evaluated definitions read besides traits, events and memberships; `eventProperties`:
   * the names whose properties they read (`ANY_EVENT`: every name; omitted: all properties). Other
   * events come from the index alone, with `properties: null`.
   */
  reads: {
    readonly tags: boolean;
    readonly identifiers: boolean;
    readonly eventProperties?: ReadonlySet<string>;
  } = { tags: true, identifiers: true },
  /** At most this many events per profile, the newest (explanations of very active people). */
  maxEventsPerProfile?: number,
): Promise<Map<string, ProfileSnapshot & { audiences: Set<string> }>> {
  const out = new Map<
    string,
    {
      traits: Record<string, unknown>;
      events: ProfileSnapshot['events'][number][];
      identifiers: Array<{ type: string; value: string }>;
      tags: Record<string, unknown>;
      audiences: Set<string>;
    }
  >();
  if (profileIds.length === 0) return out;
  const ids = sql`(select unnest(${profileIds}::text[]))`;
  const { rows: profiles } = await sql<{ id: string; traits: Record<string, unknown> }>`
    select id, traits from profiles where workspace_id = ${workspaceId} and id in ${ids}`.execute(db);
  for (const p of profiles)
    out.set(p.id, { traits: p.traits, events: [], identifiers: [], tags: {}, audiences: new Set() });
  if (out.size === 0) return out;
  const lookback = events instanceof Map ? [...events] : null;
  const names = Array.isArray(events) ? events : null;
  // type, name and time come from the index (`event_keys` carries them); properties from `events`
  const which = lookback
    ? sql`and exists (select 1 from unnest(${lookback.map(([n]) => n)}::text[], ${lookback.map(([, since]) => since)}::timestamptz[]) as w(name, since)
                       where (w.name = k.event or w.name = ${ANY_EVENT}) and (w.since is null or k."timestamp" >= w.since))`
    : names
      ? sql`and k.event in (select unnest(${names}::text[]))`
      : sql``;
  const fetch = sql`(select e.properties from events e where e.id = k.event_id)`;
  const withProperties = reads.eventProperties;
  const properties =
    withProperties === undefined || withProperties.has(ANY_EVENT)
      ? fetch
      : withProperties.size === 0
        ? sql`null::jsonb`
        : sql`case when k.event in (select unnest(${[...withProperties]}::text[])) then ${fetch} end`;
  if (events === null || (lookback ?? names ?? []).length > 0) {
    const { rows } = await sql<{
      profile_id: string;
      type: string;
      event: string | null;
      timestamp: Date;
      properties: unknown;
    }>`
      select profile_id, type, event, "timestamp", properties from (
        select n.profile_id, k.type, k.event, k."timestamp", ${properties} as properties,
               ${maxEventsPerProfile ? sql`row_number() over (partition by n.profile_id order by k."timestamp" desc)` : sql`0`} as n
          from identity_nodes n
          join event_keys k on k.workspace_id = n.workspace_id and k.key = n.key
         where n.workspace_id = ${workspaceId} and n.profile_id in ${ids}
           ${which}) as e
       ${maxEventsPerProfile ? sql`where n <= ${maxEventsPerProfile} order by "timestamp" desc` : sql``}`.execute(
      db,
    );
    for (const e of rows)
      out.get(e.profile_id)?.events.push({
        type: e.type,
        event: e.event,
        timestamp: new Date(e.timestamp),
        properties: e.properties,
      });
  }
  if (reads.identifiers) {
    const { rows: nodes } = await sql<{ profile_id: string; type: string; value: string }>`
      select profile_id, type, value from identity_nodes
       where workspace_id = ${workspaceId} and profile_id in ${ids}`.execute(db);
    for (const n of nodes) out.get(n.profile_id)?.identifiers.push({ type: n.type, value: n.value });
  }
  if (reads.tags) {
    const { rows: tags } = await sql<{ profile_id: string; tag_id: string; value: unknown }>`
      select profile_id, tag_id, value from tag_values
       where workspace_id = ${workspaceId} and profile_id in ${ids}`.execute(db);
    for (const t of tags) {
      const snapshot = out.get(t.profile_id);
      if (snapshot) snapshot.tags[t.tag_id] = t.value;
    }
  }
  const { rows: members } = await sql<{ profile_id: string; audience_id: string }>`
    select profile_id, audience_id from audience_members
     where workspace_id = ${workspaceId} and profile_id in ${ids}`.execute(db);
  for (const m of members) out.get(m.profile_id)?.audiences.add(m.audience_id);
  return out;
}
