import { type Kysely, sql } from 'kysely';
import type { Database } from '../../database.ts';
import type { Dependencies, ProfileSnapshot } from '../query/index.ts';

/** Events read per explanation at most (newest first): a person with more is explained on these. */
const MAX_EVENTS = 20_000;

/**
 * What the in-memory matcher needs to explain one profile: traits, the events the definition reads
 * (by name, or all), identifiers, tag values and memberships. `undefined` when no such profile.
 */
export async function loadSnapshot(
  db: Kysely<Database>,
  workspaceId: string,
  profileId: string,
  deps: Pick<Dependencies, 'events' | 'anyEvent'>,
): Promise<ProfileSnapshot | undefined> {
  const profile = await db
    .selectFrom('profiles')
    .select('traits')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', profileId)
    .executeTakeFirst();
  if (!profile) return undefined;
  const names = deps.anyEvent ? null : deps.events;
  const events =
    names !== null && names.length === 0
      ? []
      : (
          await sql<{ type: string; event: string | null; timestamp: Date; properties: unknown }>`
            select type, event, "timestamp", properties from profile_events
             where workspace_id = ${workspaceId} and profile_id = ${profileId}
               ${names ? sql`and event in (select unnest(${names}::text[]))` : sql``}
             order by "timestamp" desc limit ${MAX_EVENTS}`.execute(db)
        ).rows;
  const identifiers = await db
    .selectFrom('identity_nodes')
    .select(['type', 'value'])
    .where('workspace_id', '=', workspaceId)
    .where('profile_id', '=', profileId)
    .execute();
  const { rows: tags } = await sql<{ tag_id: string; value: unknown }>`
    select tag_id, value from tag_values where workspace_id = ${workspaceId} and profile_id = ${profileId}`.execute(
    db,
  );
  const audiences = await db
    .selectFrom('audience_members')
    .select('audience_id')
    .where('workspace_id', '=', workspaceId)
    .where('profile_id', '=', profileId)
    .execute();
  return {
    traits: profile.traits as Record<string, unknown>,
    events: events.map((e) => ({ ...e, timestamp: new Date(e.timestamp) })),
    identifiers,
    tags: Object.fromEntries(tags.map((t) => [t.tag_id, t.value])),
    audiences: new Set(audiences.map((a) => a.audience_id)),
  };
}
