import { type Identifier, identifierKey, type ObservationKind } from './observation.ts';
import type { Resolution } from './resolution.ts';

/** One hop of an explanation: `observationId` linked `from` and `to`. */
export interface LinkStep {
  readonly observationId: string;
  readonly at: string;
  readonly kind: ObservationKind;
  readonly from: Identifier;
  readonly to: Identifier;
}

/**
 * Why `a` and `b` are one profile: the shortest chain of accepted links from `a` to `b` (breadth-first,
 * links in replay order, so the answer is deterministic). `[]` when `a` equals `b` and is known;
 * `null` when they are not in one cluster.
 */
export function explainLink(resolution: Resolution, a: Identifier, b: Identifier): LinkStep[] | null {
  const start = identifierKey(a);
  const goal = identifierKey(b);
  if (start === goal) {
    const known = resolution.clusters.some((c) => c.identifiers.some((i) => identifierKey(i) === start));
    return known ? [] : null;
  }
  const linksOf = new Map<string, number[]>();
  resolution.links.forEach((link, index) => {
    for (const identifier of link.identifiers) {
      const key = identifierKey(identifier);
      const indexes = linksOf.get(key);
      if (indexes) indexes.push(index);
      else linksOf.set(key, [index]);
    }
  });

  const cameFrom = new Map<string, { step: LinkStep; previous: string } | null>([[start, null]]);
  const queue: Identifier[] = [a];
  for (let head = 0; head < queue.length && !cameFrom.has(goal); head++) {
    const from = queue[head];
    const current = identifierKey(from);
    for (const index of linksOf.get(current) ?? []) {
      const { observationId, at, kind, identifiers } = resolution.links[index];
      for (const to of identifiers) {
        const key = identifierKey(to);
        if (cameFrom.has(key)) continue;
        cameFrom.set(key, { step: { observationId, at, kind, from, to }, previous: current });
        queue.push(to);
      }
    }
  }
  if (!cameFrom.has(goal)) return null;
  const path: LinkStep[] = [];
  for (let hop = cameFrom.get(goal); hop; hop = cameFrom.get(hop.previous)) path.unshift(hop.step);
  return path;
}
