import type { FieldMapping } from '@cdp/protocol';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../database.ts';
import { groupBy } from '../../platform/group-by.ts';
import type { DeliveryEvent, DeliveryMessage, DeliveryProfile } from './destination.ts';

/** A delivery row as the worker claims it. */
export interface DeliveryRow {
  id: string;
  workspace_id: string;
  destination_id: string;
  sync_id: string | null;
  message_id: string;
  kind: DeliveryMessage['kind'];
  event_id: string | null;
  profile_id: string | null;
  audience_id: string | null;
  change: string | null;
  at: Date;
  payload: Record<string, unknown>;
  attempts: number;
  retry_since: Date;
  created_at: Date;
}

/** A message ready to send, with what consent needs to know about its person. */
export interface LoadedMessage {
  readonly message: DeliveryMessage;
  /** the person's consent per purpose (`{}` when there is no person or nothing is recorded) */
  readonly consent: Readonly<Record<string, unknown>>;
}

interface EventRow {
  id: string;
  source_id: string;
  message_id: string;
  type: string;
  event: string | null;
  name: string | null;
  user_id: string | null;
  anonymous_id: string | null;
  properties: Record<string, unknown> | null;
  traits: Record<string, unknown> | null;
  context: Record<string, unknown> | null;
  timestamp: Date;
  received_at: Date;
}

export const EVENT_COLUMNS = sql`id, source_id, message_id, type, event, name, user_id, anonymous_id, properties,
  traits, context, "timestamp", received_at`;

/** An event row in the Segment spec's shape. */
export function toDeliveryEvent(e: EventRow): DeliveryEvent {
  return {
    messageId: e.message_id,
    type: e.type,
    event: e.event,
    name: e.name,
    userId: e.user_id,
    anonymousId: e.anonymous_id,
    properties: e.properties ?? {},
    traits: e.traits ?? {},
    context: e.context ?? {},
    timestamp: new Date(e.timestamp).toISOString(),
    receivedAt: new Date(e.received_at).toISOString(),
    sourceId: e.source_id,
  };
}

/** The value at `path` of a JSON-like object (object keys only), undefined when missing. */
function at(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const key of path) {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** The sync's field mapping applied to an event; the event itself when the sync maps nothing. */
export function applyMapping(
  event: DeliveryEvent,
  mapping: readonly FieldMapping[],
): Record<string, unknown> {
  if (mapping.length === 0) return { ...event };
  const out: Record<string, unknown> = {};
  for (const { to, from } of mapping) {
    const value = at(event, from);
    if (value === undefined) continue;
    let target = out;
    for (const key of to.slice(0, -1)) {
      const next = target[key];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) target[key] = {};
      target = target[key] as Record<string, unknown>;
    }
    target[to[to.length - 1]] = value;
  }
  return out;
}

interface ProfileRow {
  requested: string;
  id: string;
  traits: Record<string, unknown>;
  consent: Record<string, unknown>;
  identifiers: Array<{ type: string; value: string }>;
}

/**
 * Profiles by id, following merges (a profile merged away since the delivery was queued is its
 * survivor now), with their identifiers and consent.
 */
export async function loadProfiles(
  db: Kysely<Database>,
  workspaceId: string,
  ids: readonly string[],
): Promise<Map<string, { profile: DeliveryProfile; consent: Record<string, unknown> }>> {
  const out = new Map<string, { profile: DeliveryProfile; consent: Record<string, unknown> }>();
  if (ids.length === 0) return out;
  const { rows } = await sql<ProfileRow>`
    with wanted as (select unnest(${[...new Set(ids)]}::text[]) as requested),
    resolved as (
      select w.requested, coalesce(r.new_id, w.requested) as id
        from wanted w
        left join profile_redirects r on r.workspace_id = ${workspaceId} and r.old_id = w.requested)
    select x.requested, p.id, p.traits, p.consent,
           coalesce((select json_agg(json_build_object('type', n.type, 'value', n.value) order by n.first_seen_at, n.key)
                       from identity_nodes n where n.workspace_id = p.workspace_id and n.profile_id = p.id), '[]') as identifiers
      from resolved x join profiles p on p.workspace_id = ${workspaceId} and p.id = x.id`.execute(db);
  for (const r of rows)
    out.set(r.requested, {
      profile: { id: r.id, traits: r.traits, identifiers: r.identifiers },
      consent: r.consent,
    });
  return out;
}

/**
 * The messages of claimed deliveries of one kind mix: events, profiles and audiences are read in one
 * query each for the whole batch.
 */
export async function loadMessages(
  db: Kysely<Database>,
  rows: readonly DeliveryRow[],
): Promise<Map<string, LoadedMessage>> {
  const out = new Map<string, LoadedMessage>();
  for (const [workspaceId, list] of groupBy(rows, (r) => r.workspace_id)) {
    const eventIds = list.flatMap((r) => (r.event_id ? [r.event_id] : []));
    const events = new Map<string, EventRow>();
    if (eventIds.length > 0) {
      const { rows: found } = await sql<EventRow>`
        select ${EVENT_COLUMNS} from events where id in (select unnest(${eventIds}::bigint[]))`.execute(db);
      for (const e of found) events.set(String(e.id), e);
    }
    const profiles = await loadProfiles(
      db,
      workspaceId,
      list.flatMap((r) => (r.profile_id ? [r.profile_id] : [])),
    );
    const audienceIds = [...new Set(list.flatMap((r) => (r.audience_id ? [r.audience_id] : [])))];
    const audiences = new Map(
      audienceIds.length === 0
        ? []
        : (
            await db
              .selectFrom('audiences')
              .select(['id', 'name'])
              .where('workspace_id', '=', workspaceId)
              .where('id', 'in', audienceIds)
              .execute()
          ).map((a) => [a.id, a]),
    );
    const syncIds = [...new Set(list.flatMap((r) => (r.sync_id ? [r.sync_id] : [])))];
    const mappings = new Map(
      syncIds.length === 0
        ? []
        : (
            await db
              .selectFrom('syncs')
              .select(['id', 'mapping'])
              .where('workspace_id', '=', workspaceId)
              .where('id', 'in', syncIds)
              .execute()
          ).map((s) => [s.id, s.mapping as FieldMapping[]]),
    );
    for (const r of list) {
      const eventRow = r.event_id ? events.get(String(r.event_id)) : undefined;
      const event = eventRow ? toDeliveryEvent(eventRow) : undefined;
      const person = r.profile_id ? profiles.get(r.profile_id) : undefined;
      const audience = r.audience_id ? audiences.get(r.audience_id) : undefined;
      const data =
        r.kind === 'event' && event
          ? applyMapping(event, (r.sync_id && mappings.get(r.sync_id)) || [])
          : ((r.payload.data as Record<string, unknown> | undefined) ?? {});
      const message: DeliveryMessage = {
        id: r.message_id,
        kind: r.kind,
        workspaceId,
        at: new Date(r.at).toISOString(),
        profile: person?.profile,
        event,
        audience: audience ? { id: audience.id, name: audience.name } : undefined,
        change: r.change === 'enter' || r.change === 'exit' ? r.change : undefined,
        data,
      };
      out.set(r.id, { message, consent: person?.consent ?? {} });
    }
  }
  return out;
}
