import type { JourneyDefinition } from '@cdp/protocol';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../database.ts';
import { batchEvents, type EventOwnerKey } from '../identity/index.ts';
import { clockOf, compileEventScope } from '../query/index.ts';

/**
 * Wakes people waiting in journeys whose events just arrived, and queues the people whose events (of a batch the pipeline just applied) enter a running journey,
 * in the pipeline's transaction: an entry is never lost nor counted for an event that was not
 * applied. The event's person is the profile of the identifier it is indexed under (`owners`).
 */
export async function enqueueJourneyEvents(
  db: Kysely<Database>,
  workspaceId: string,
  eventIds: readonly string[],
  owners: readonly EventOwnerKey[],
  timeZone: string | undefined,
): Promise<void> {
  if (eventIds.length === 0) return;
  const running =
    await sql`select 1 from journeys where workspace_id = ${workspaceId} and status = 'active' limit 1`.execute(
      db,
    );
  if (running.rows.length === 0) return;
  // people waiting in a journey (for an event) look at their new events now, not at the next poll
  await sql`
    update journey_states s set wake_at = now()
      from (select distinct n.profile_id from identity_nodes n
             where n.workspace_id = ${workspaceId}
               and n.key in (select o->>'key' from jsonb_array_elements(${JSON.stringify(owners)}::jsonb) o)) p
     where s.workspace_id = ${workspaceId} and s.profile_id = p.profile_id and s.status = 'active'
       and s.waiting_since is not null and s.wake_at > now()`.execute(db);
  const { rows: journeys } = await sql<{ id: string; definition: JourneyDefinition }>`
    select j.id, v.definition from journeys j
      join journey_versions v on v.workspace_id = j.workspace_id and v.journey_id = j.id and v.version = j.published_version
     where j.workspace_id = ${workspaceId} and j.status = 'active' and v.definition #>> '{entry,type}' = 'event'`.execute(
    db,
  );
  const clock = clockOf({ asOf: new Date(), timeZone });
  for (const j of journeys) {
    if (j.definition.entry.type !== 'event') continue;
    await sql`
      insert into journey_inbox (workspace_id, journey_id, profile_id, at)
      select distinct on (e.profile_id) ${workspaceId}, ${j.id}, e.profile_id, e."timestamp"
        from (${batchEvents(workspaceId, eventIds, owners)}) as e
       where e.profile_id is not null
         and ${compileEventScope(j.definition.entry.match, undefined, 'e', clock)}
       order by e.profile_id, e."timestamp"`.execute(db);
  }
}
