import { sql } from 'kysely';

/** An event of a batch the pipeline applied and the identifier it is indexed under. */
export interface EventOwnerKey {
  readonly key: string;
  readonly eventId: string;
}

/**
 * The events of a batch the pipeline just applied, each with its person (`profile_id`: the profile of
 * the identifier the event is indexed under, null for an event without one), as a subquery to select
 * from (`from (${batchEvents(…)}) e`): what real-time consumers of the batch (event syncs, journey
 * entries) filter and queue in the pipeline's transaction.
 */
export function batchEvents(
  workspaceId: string,
  eventIds: readonly string[],
  owners: readonly EventOwnerKey[],
) {
  return sql`
    select e.*, n.profile_id
      from events e
      left join jsonb_to_recordset(${JSON.stringify(owners)}::jsonb) as o(key text, "eventId" bigint) on o."eventId" = e.id
      left join identity_nodes n on n.workspace_id = ${workspaceId} and n.key = o.key
     where e.id in (select unnest(${eventIds}::bigint[])) and e.workspace_id = ${workspaceId}`;
}
