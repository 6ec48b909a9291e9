import { identifierKey } from './observation.ts';
import type { Cluster } from './resolution.ts';

/** How a component's profiles changed between the stored assignment and a new resolution. */
export interface AssignmentDiff {
  /** Identifier key → its profile now. */
  readonly assignment: ReadonlyMap<string, string>;
  /** Keys that were assigned before and belong to no profile now (retracted). */
  readonly dropped: readonly string[];
  readonly created: readonly string[];
  /** A profile that absorbed others (`from` no longer exist, or were split off from). */
  readonly merged: ReadonlyArray<{ readonly into: string; readonly from: readonly string[] }>;
  /** A profile whose identifiers now belong to several. */
  readonly split: ReadonlyArray<{ readonly from: string; readonly into: readonly string[] }>;
  /** Ids that exist no more, and where their identifiers mostly went (`null`: nowhere). */
  readonly removed: ReadonlyArray<{ readonly id: string; readonly redirectTo: string | null }>;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Compares the stored assignment of a closed component (identifier key → profile id) with the
 * clusters of its new resolution. Pure and deterministic: every list is sorted.
 */
export function diffAssignment(
  before: ReadonlyMap<string, string>,
  clusters: readonly Cluster[],
): AssignmentDiff {
  const assignment = new Map<string, string>();
  for (const cluster of clusters)
    for (const i of cluster.identifiers) assignment.set(identifierKey(i), cluster.id);

  const newIds = new Set(clusters.map((c) => c.id));
  const created: string[] = [];
  const merged: Array<{ into: string; from: string[] }> = [];
  for (const cluster of clusters) {
    const olds = new Set<string>();
    for (const i of cluster.identifiers) {
      const old = before.get(identifierKey(i));
      if (old !== undefined) olds.add(old);
    }
    if (olds.size === 0) created.push(cluster.id);
    if (olds.size > 1)
      merged.push({ into: cluster.id, from: [...olds].filter((id) => id !== cluster.id).sort(byText) });
  }

  const destinations = new Map<string, Map<string, number>>();
  const dropped: string[] = [];
  for (const [key, old] of before) {
    const now = assignment.get(key);
    if (now === undefined) {
      dropped.push(key);
      continue;
    }
    const counts = destinations.get(old) ?? new Map<string, number>();
    counts.set(now, (counts.get(now) ?? 0) + 1);
    destinations.set(old, counts);
  }
  const split: Array<{ from: string; into: string[] }> = [];
  const removed: Array<{ id: string; redirectTo: string | null }> = [];
  for (const old of new Set(before.values())) {
    const counts = destinations.get(old) ?? new Map<string, number>();
    if (counts.size > 1) split.push({ from: old, into: [...counts.keys()].sort(byText) });
    if (newIds.has(old)) continue;
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || byText(a[0], b[0]));
    removed.push({ id: old, redirectTo: ranked[0]?.[0] ?? null });
  }
  return {
    assignment,
    dropped: dropped.sort(byText),
    created: created.sort(byText),
    merged: merged.sort((a, b) => byText(a.into, b.into)),
    split: split.sort((a, b) => byText(a.from, b.from)),
    removed: removed.sort((a, b) => byText(a.id, b.id)),
  };
}
