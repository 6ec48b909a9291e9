import type { EventFilter } from '@cdp/protocol';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../database.ts';
import { batchEvents, type EventOwnerKey } from '../identity/index.ts';
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
  owners: readonly EventOwnerKey[],
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
      insert into deliveries (workspace_id, destination_id, sync_id, message_id, kind, event_id, profile_id, at)
      select ${workspaceId}, ${sync.destination_id}, ${sync.id}, ${sync.id} || ':' || e.id, 'event', e.id,
             e.profile_id, e."timestamp"
        from (${batchEvents(workspaceId, eventIds, owners)}) as e
       where ${compileEventFilter(sync.filter as EventFilter, timeZone)}
      on conflict do nothing`.execute(db);
    queued += Number(result.numAffectedRows ?? 0);
  }
  return queued;
}
