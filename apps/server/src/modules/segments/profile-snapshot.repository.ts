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
  const out = new Map<string, ProfileSnapshot & { audiences: Set<string> }>();
  if (profileIds.length === 0) return out;
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
  const readEvents = events === null || (lookback ?? names ?? []).length > 0;
  // [type, name, epoch milliseconds, properties] per event
  const eventRows = sql`
    select k.type, k.event, floor(date_part('epoch', k."timestamp") * 1000) as t, ${properties} as properties
      from identity_nodes n
      join event_keys k on k.workspace_id = n.workspace_id and k.key = n.key
     where n.workspace_id = p.workspace_id and n.profile_id = p.id ${which}
     ${maxEventsPerProfile ? sql`order by k."timestamp" desc limit ${maxEventsPerProfile}` : sql``}`;
  // one JSON document per profile, built by the database: one statement, one row per person, each
  // part an index lookup for that person whatever the table statistics say
  const { rows } = await sql<{ id: string; doc: string }>`
    select p.id, json_build_object(
      'traits', p.traits,
      'events', ${readEvents ? sql`(select json_agg(json_build_array(x.type, x.event, x.t, x.properties)) from (${eventRows}) as x)` : sql`null`},
      'identifiers', ${reads.identifiers ? sql`(select json_agg(json_build_array(n.type, n.value)) from identity_nodes n where n.workspace_id = p.workspace_id and n.profile_id = p.id)` : sql`null`},
      'tags', ${reads.tags ? sql`(select json_object_agg(v.tag_id, v.value) from tag_values v where v.workspace_id = p.workspace_id and v.profile_id = p.id)` : sql`null`},
      'audiences', (select json_agg(m.audience_id) from audience_members m where m.workspace_id = p.workspace_id and m.profile_id = p.id)
    )::text as doc
      from profiles p
     where p.workspace_id = ${workspaceId} and p.id in (select unnest(${profileIds}::text[]))`.execute(db);
  for (const { id, doc } of rows) {
    const d = JSON.parse(doc) as SnapshotDocument;
    out.set(id, {
      traits: d.traits ?? {},
      events: (d.events ?? []).map(([type, event, t, properties]) => ({
        type,
        event,
        timestamp: new Date(t),
        properties,
      })),
      identifiers: (d.identifiers ?? []).map(([type, value]) => ({ type, value })),
      tags: d.tags ?? {},
      audiences: new Set(d.audiences ?? []),
    });
  }
  return out;
}

/** The document `loadSnapshots` reads per profile. */
interface SnapshotDocument {
  traits: Record<string, unknown> | null;
  events: Array<[type: string, event: string | null, epochMs: number, properties: unknown]> | null;
  identifiers: Array<[type: string, value: string]> | null;
  tags: Record<string, unknown> | null;
  audiences: string[] | null;
}
