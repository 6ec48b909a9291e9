import type { Tag, TagLineage, TagSpec } from '@cdp/protocol';

/** What changed for the profiles handed to a realtime computation (omit = anything may have changed). */
export interface TagChanges {
  /** Names of the events that arrived. */
  readonly events?: readonly string[];
  /** Trait keys whose values changed. */
  readonly traits?: readonly string[];
  /** Tags whose values changed (e.g. imported, or computed earlier in the batch). */
  readonly tags?: readonly string[];
  /** Audiences whose membership changed. */
  readonly audiences?: readonly string[];
  /** Identifiers were added, or profiles merged or split: every event- or identifier-based tag may change. */
  readonly identities?: boolean;
}

type Dependent = { readonly id: string; readonly spec: TagSpec; readonly lineage: TagLineage };

const meets = (a: readonly string[], b: ReadonlySet<string> | readonly string[]) => {
  const set = b instanceof Set ? b : new Set(b as readonly string[]);
  return a.some((x) => set.has(x));
};

/** Whether a change can alter a tag's values (its lineage meets what changed). */
export function affects(
  tag: Dependent,
  changes: TagChanges | undefined,
  changedTags: ReadonlySet<string>,
): boolean {
  if (!changes) return true;
  const l = tag.lineage;
  if (meets(l.tags, changedTags) || meets(l.tags, changes.tags ?? [])) return true;
  const readsPerson =
    tag.spec.kind === 'imported' ||
    l.anyEvent ||
    l.events.length > 0 ||
    l.identifierTypes.length > 0 ||
    l.traits.length > 0;
  if (changes.identities && readsPerson) return true;
  const events = changes.events ?? [];
  if (events.length > 0 && (l.anyEvent || meets(l.events, events))) return true;
  return meets(l.traits, changes.traits ?? []) || meets(l.audiences, changes.audiences ?? []);
}

/**
 * Tags ordered so that every tag comes after the tags it reads (stable: otherwise by input order).
 * Tags read from outside the list are ignored; a cycle (refused when saving) keeps input order.
 */
export function orderByDependencies<T extends Dependent>(tags: readonly T[]): T[] {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const out: T[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (tag: T) => {
    if (state.has(tag.id)) return;
    state.set(tag.id, 'visiting');
    for (const dep of tag.lineage.tags) {
      const d = byId.get(dep);
      if (d) visit(d);
    }
    state.set(tag.id, 'done');
    out.push(tag);
  };
  for (const tag of tags) visit(tag);
  return out;
}

/** A dependency cycle through `tagId` when it reads `reads` (other tags' reads by id), else null. */
export function findCycle(
  tagId: string,
  reads: readonly string[],
  readsOf: ReadonlyMap<string, readonly string[]>,
): string[] | null {
  const seen = new Set<string>();
  const walk = (id: string, path: string[]): string[] | null => {
    if (id === tagId) return [...path, id];
    if (seen.has(id)) return null;
    seen.add(id);
    for (const next of readsOf.get(id) ?? []) {
      const found = walk(next, [...path, id]);
      if (found) return found;
    }
    return null;
  };
  for (const id of reads) {
    const found = walk(id, [tagId]);
    if (found) return found;
  }
  return null;
}

/**
 * Whether an active tag is due for a full recompute at `now`: never computed; scheduled and its
 * interval has passed; or realtime but reading "now" (last N days, days since…) and last computed more
 * than a day ago (realtime updates only re-check the profiles an event touches).
 */
export function isDue(
  tag: Pick<Tag, 'status' | 'update' | 'lineage' | 'lastComputedAt'>,
  now: Date,
): boolean {
  if (tag.status !== 'active') return false;
  if (tag.lastComputedAt === null) return true;
  const since = now.getTime() - Date.parse(tag.lastComputedAt);
  if (tag.update.mode === 'scheduled') return since >= tag.update.intervalMinutes * 60_000;
  return tag.lineage.timeRelative && since >= 86_400_000;
}
