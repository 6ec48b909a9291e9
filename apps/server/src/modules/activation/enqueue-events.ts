import type { EventFilter } from '@cdp/protocol';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../database.ts';
import { compileEventFilter } from './event-filter.ts';

/**
 * Queues the deliveries of real-time event syncs for a batch of events just applied to profiles,
 * in the caller's transaction (the pipeline's): an event is forwarded if and only if it was
 * applied. One statement per sync; the event's profile comes from the identifier it is indexed
 * under (`owners`). The idempotency key is `<sync>:<event id>`.
 */
export async function enqueueEventDeliveries(
  db: Kysely<Database>,
  workspaceId: string,
  eventIds: readonly string[],
  owners: ReadonlyArray<{ readonly key: string; readonly eventId: string }>,
  timeZone: string | undefined,
): Promise<number> {
  if (eventIds.length === 0) return 0;
  const syncs = await db
    .selectFrom('syncs')
    .select(['id', 'destination_id', 'filter'])
    .where('workspace_id', '=', workspaceId)
    .where('kind', '=', 'events')
    .where('mode', '=', 'realtime')
    .where('enabled', '=', true)
    .execute();
  let queued = 0;
  for (const sync of syncs) {
    const result = await sql`
      with o as (
        select * from jsonb_to_recordset(${JSON.stringify(owners)}::jsonb) as o(key text, "eventId" bigint)
      )
      insert into deliveries (workspace_id, destination_id, sync_id, message_id, kind, event_id, profile_id, at)
      select ${workspaceId}, ${sync.destination_id}, ${sync.id}, ${sync.id} || ':' || e.id, 'event', e.id,
             n.profile_id, e."timestamp"
        from events e
        left join o on o."eventId" = e.id
        left join identity_nodes n on n.workspace_id = ${workspaceId} and n.key = o.key
       where e.id in (select unnest(${eventIds}::bigint[])) and e.workspace_id = ${workspaceId}
         and ${compileEventFilter(sync.filter as EventFilter, timeZone)}
      on conflict do nothing`.execute(db);
    queued += Number(result.numAffectedRows ?? 0);
  }
  return queued;
}
