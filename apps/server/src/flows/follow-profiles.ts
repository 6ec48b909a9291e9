import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { graphRepository } from '../modules/identity/index.ts';
import type { ProfileUpdateResult } from '../modules/profiles/index.ts';
import { evaluateTouchedProfiles, lockWorkspaceAudiences } from '../modules/segments/index.ts';
import { computeTagsForProfiles } from '../modules/traits/index.ts';

/** The events of a pipeline batch and the identifier each is indexed under (its owner). */
export interface BatchEvents {
  readonly events: ReadonlyArray<{ readonly id: string; readonly event: string | null }>;
  readonly owners: ReadonlyArray<{ readonly key: string; readonly eventId: string }>;
}

/**
 * Tags and audiences follow a change of profiles in the same transaction: the profiles that got
 * events (by event name), changed (traits, identifiers, merges, splits) or were merged away are
 * re-evaluated — real-time tags first, then audiences (which may read tags) — so values and
 * memberships are never behind the profiles they describe. Called by the pipeline (with its
 * events), splits, rule publishing and matching.
 */
export async function followProfiles(
  db: Kysely<Database>,
  workspaceId: string,
  profiles: ProfileUpdateResult,
  timeZone: string | undefined,
  batch: BatchEvents = { events: [], owners: [] },
): Promise<void> {
  const nameOf = new Map(batch.events.map((e) => [e.id, e.event ?? '']));
  const keys = [...new Set(batch.owners.map((o) => o.key))];
  const profileOf = new Map(
    (await graphRepository.profilesOfKeys(db, workspaceId, keys)).map((r) => [r.key, r.profile_id]),
  );
  const named = new Map<string, Set<string>>();
  for (const { key, eventId } of batch.owners) {
    const profileId = profileOf.get(key);
    if (!profileId) continue;
    const names = named.get(profileId) ?? new Set<string>();
    names.add(nameOf.get(eventId) ?? '');
    named.set(profileId, names);
  }
  const asOf = new Date();
  const changed = new Set(profiles.changed);
  // changed profiles: every real-time tag; profiles that only got events: the tags reading them
  await computeTagsForProfiles(db, workspaceId, [...changed, ...profiles.removed], { asOf });
  const eventOnly = [...named.keys()].filter((id) => !changed.has(id));
  const names = [...new Set([...named.values()].flatMap((n) => [...n]))];
  const tagged = await computeTagsForProfiles(db, workspaceId, eventOnly, {
    asOf,
    changes: { events: names },
  });
  // a tag value moved: audiences reading tags must see these profiles as changed
  if (tagged.some((r) => r.added + r.changed + r.removed > 0)) for (const id of eventOnly) changed.add(id);
  await lockWorkspaceAudiences(db, workspaceId);
  await evaluateTouchedProfiles(
    db,
    workspaceId,
    { events: named, profiles: changed, removed: profiles.removed },
    { asOf, timeZone },
  );
}
