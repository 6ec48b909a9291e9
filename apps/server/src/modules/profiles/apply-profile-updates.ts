import type { Kysely } from 'kysely';
import { type GraphUpdate, graphRepository, type IdentityTables } from '../identity/index.ts';
import { type ChangeWrite, type ProfileWrite, profileStore } from './profile-store.repository.ts';
import type { ProfilesTables } from './profiles.tables.ts';
import { resolveTraits, type TraitRule } from './traits/survivorship.ts';
import {
  assertTraits,
  mergeTraitStates,
  type TraitAssertion,
  type TraitState,
} from './traits/trait-state.ts';

/** Traits asserted by one piece of evidence, attached to its head identifier (highest priority). */
export interface TraitEvidence {
  readonly key: string;
  readonly assertion: TraitAssertion;
}

type Db = Kysely<ProfilesTables & IdentityTables>;

const changedKeys = (before: unknown, after: Record<string, unknown>): string[] => {
  const old = (before ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(old), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(old[k]) !== JSON.stringify(after[k])).sort();
};

function displayName(traits: Record<string, unknown>): string | null {
  if (typeof traits.name === 'string') return traits.name.slice(0, 200);
  const parts = [traits.last_name, traits.first_name].filter((p) => typeof p === 'string');
  return parts.length > 0 ? parts.join('').slice(0, 200) : null;
}

/** History and change-feed entries for a graph update (creations, merges, splits). */
function graphChanges(update: GraphUpdate): { history: ChangeWrite[]; changes: ChangeWrite[] } {
  const history: ChangeWrite[] = [];
  const changes: ChangeWrite[] = [];
  const diff = update.diff;
  if (!diff) return { history, changes };
  for (const id of diff.created) {
    history.push({ kind: 'created', profileId: id, payload: {} });
    changes.push({ kind: 'profile.created', profileId: id, payload: {} });
  }
  for (const { into, from } of diff.merged) {
    history.push({ kind: 'merged', profileId: into, payload: { from } });
    changes.push({ kind: 'profile.merged', profileId: into, payload: { into, from } });
  }
  for (const { from, into } of diff.split) {
    for (const id of into) history.push({ kind: 'split', profileId: id, payload: { from, into } });
    changes.push({ kind: 'profile.split', profileId: from, payload: { from, into } });
  }
  const retracted = new Map<string, string[]>();
  for (const key of diff.dropped) {
    const from = update.before.get(key);
    if (from) retracted.set(from, [...(retracted.get(from) ?? []), key]);
  }
  for (const [from, keys] of retracted) {
    const into = diff.split.find((s) => s.from === from)?.into ?? [];
    if (into.length > 1) continue;
    const target = into[0] ?? from;
    history.push({ kind: 'split', profileId: target, payload: { from, into, retracted: keys } });
    changes.push({ kind: 'profile.split', profileId: from, payload: { from, into, retracted: keys } });
  }
  for (const { id, redirectTo } of diff.removed)
    if (redirectTo && !diff.merged.some((m) => m.into === redirectTo && m.from.includes(id)))
      history.push({ kind: 'renamed', profileId: redirectTo, payload: { from: id } });
  return { history, changes };
}

export interface ProfileUpdateResult {
  readonly rebuilt: number;
  /** Profiles created, merged into, split, or whose traits changed. */
  readonly changed: readonly string[];
  /** Ids that exist no more (merged away, re-anchored). */
  readonly removed: readonly string[];
}

/**
 * Brings profiles up to date after evidence was applied to the identity graph: folds new trait
 * assertions into their identifiers' states, rebuilds every profile whose identifiers or traits
 * changed from its identifiers' states (so merges and splits recompute traits from evidence),
 * removes profiles that were merged away (their ids redirect) and records history and changes.
 */
export async function applyProfileUpdates(
  db: Db,
  workspaceId: string,
  update: GraphUpdate,
  evidence: readonly TraitEvidence[],
  rules: Readonly<Record<string, TraitRule>>,
): Promise<ProfileUpdateResult> {
  const heads = [...new Set(evidence.map((e) => e.key))];
  const states = await profileStore.traitStates(db, workspaceId, heads);
  const asserted = new Map<string, TraitState>();
  for (const { key, assertion } of evidence)
    asserted.set(key, assertTraits(asserted.get(key) ?? states.get(key), assertion));
  await profileStore.writeTraitStates(db, workspaceId, asserted);

  const ids = new Set(update.diff?.assignment.values() ?? []);
  for (const row of await graphRepository.profilesOfKeys(db, workspaceId, heads)) ids.add(row.profile_id);
  if (ids.size === 0) return { rebuilt: 0, changed: [], removed: [] };

  const members = await graphRepository.keysOfProfiles(db, workspaceId, [...ids]);
  const missing = members.map((m) => m.key).filter((k) => !asserted.has(k) && !states.has(k));
  const stored = await profileStore.traitStates(db, workspaceId, missing);
  const stateOf = (key: string) => asserted.get(key) ?? states.get(key) ?? stored.get(key);
  const byProfile = new Map<string, { keys: string[]; firstSeen: string }>();
  for (const m of members) {
    const at = new Date(m.first_seen_at).toISOString();
    const entry = byProfile.get(m.profile_id);
    if (!entry) byProfile.set(m.profile_id, { keys: [m.key], firstSeen: at });
    else {
      entry.keys.push(m.key);
      if (at < entry.firstSeen) entry.firstSeen = at;
    }
  }

  const previous = await profileStore.currentTraits(db, workspaceId, [...byProfile.keys()]);
  const { history, changes } = graphChanges(update);
  const created = new Set(update.diff?.created ?? []);
  const writes: ProfileWrite[] = [];
  // profiles whose traits or identifiers may have changed (their component took new evidence, or a
  // trait changed): tags and audiences re-evaluate them
  const touched = new Set(update.diff?.assignment.values() ?? []);
  for (const [id, { keys, firstSeen }] of byProfile) {
    const { traits, sources } = resolveTraits(mergeTraitStates(keys.map(stateOf)), rules);
    const changed = changedKeys(previous.get(id), traits);
    if (changed.length > 0) touched.add(id);
    if (changed.length > 0 && !created.has(id))
      changes.push({ kind: 'profile.updated', profileId: id, payload: { traits: changed } });
    writes.push({
      id,
      traits,
      traitSources: sources,
      name: displayName(traits),
      identifierCount: keys.length,
      firstSeenAt: firstSeen,
    });
  }
  await profileStore.upsertProfiles(db, workspaceId, writes);
  if (update.diff)
    await profileStore.removeProfiles(db, workspaceId, update.diff.removed, [...byProfile.keys()]);
  await profileStore.record(db, workspaceId, history, changes);
  const removed = update.diff?.removed.map((r) => r.id) ?? [];
  return {
    rebuilt: writes.length,
    changed: [...touched].filter((id) => byProfile.has(id)).sort(),
    removed: [...removed].sort(),
  };
}
