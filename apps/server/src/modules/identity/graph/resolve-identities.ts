import type { IdentifierType } from '../identifiers/identifier-types.ts';
import { clusterId } from './cluster-id.ts';
import { identifierRules } from './identifier-rules.ts';
import { type Identifier, identifierKey, type Observation } from './observation.ts';
import { type Retraction, replayOrder } from './replay-order.ts';
import type { Cluster, Conflict, Link, Resolution } from './resolution.ts';
import { IdentityUnionFind } from './union-find.ts';

export interface ResolveOptions {
  /** Evidence taken back by an operator; resolving without it gives the split result. */
  readonly retracted?: Retraction;
  /** Identifier types with priorities and limits; defaults to the built-in ones. */
  readonly types?: readonly IdentifierType[];
}

/**
 * Stitches identifiers into profiles. Replays the observations in (event time, id) order (see
 * replay-order.ts), so the result depends only on the set of observations. Per observation, the
 * highest-priority identifier is kept, and each next one, in priority order, is linked to it unless
 * the merged cluster would hold more than `maxPerProfile` values of some type (so two user_ids never
 * merge): then it is left out, stays in its own cluster, and a `limit_exceeded` conflict names it.
 * Junk values (the type's `junkValues`, or empty) are never linked nor kept (`junk` conflict).
 */
export function resolveIdentities(
  observations: readonly Observation[],
  options: ResolveOptions = {},
): Resolution {
  const rules = identifierRules(options.types);
  const graph = new IdentityUnionFind();
  const placements: Array<{ observationId: string; key: string }> = [];
  const links: Link[] = [];
  const conflicts: Conflict[] = [];
  const identifierOf = new Map<string, Identifier>();

  for (const { id, at, kind, identifiers } of replayOrder(observations, rules, options.retracted)) {
    const junk = identifiers.filter(rules.isJunk);
    const accepted: Identifier[] = [];
    const leftOut: Identifier[] = [];
    for (const identifier of identifiers) {
      if (rules.isJunk(identifier)) continue;
      const key = identifierKey(identifier);
      const isNew = !graph.has(key);
      graph.add(key, identifier.type);
      identifierOf.set(key, identifier);
      const head = accepted[0] && identifierKey(accepted[0]);
      if (head === undefined || graph.canUnion(head, key, rules.limitOf)) {
        if (head !== undefined) graph.union(head, key);
        accepted.push(identifier);
      } else {
        leftOut.push(identifier);
        if (isNew) placements.push({ observationId: id, key });
      }
    }
    if (accepted[0]) placements.push({ observationId: id, key: identifierKey(accepted[0]) });
    if (accepted.length > 1) links.push({ observationId: id, at, kind, identifiers: accepted });
    if (leftOut.length > 0) conflicts.push({ observationId: id, at, reason: 'limit_exceeded', leftOut });
    if (junk.length > 0) conflicts.push({ observationId: id, at, reason: 'junk', leftOut: junk });
  }

  return { clusters: collectClusters(graph, placements, identifierOf, rules.compare), conflicts, links };
}

function collectClusters(
  graph: IdentityUnionFind,
  placements: ReadonlyArray<{ observationId: string; key: string }>,
  identifierOf: ReadonlyMap<string, Identifier>,
  compare: (a: Identifier, b: Identifier) => number,
): Cluster[] {
  const byRoot = new Map<string, { identifiers: Identifier[]; evidence: Set<string> }>();
  const entry = (key: string) => {
    const root = graph.find(key);
    const found = byRoot.get(root) ?? { identifiers: [], evidence: new Set<string>() };
    byRoot.set(root, found);
    return found;
  };
  for (const key of graph.keys()) entry(key).identifiers.push(identifierOf.get(key)!);
  for (const { observationId, key } of placements) entry(key).evidence.add(observationId);
  return [...byRoot]
    .map(([root, { identifiers, evidence }]) => ({
      id: clusterId(graph.anchorOf(root)),
      identifiers: identifiers.sort(compare),
      evidence: [...evidence],
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
