import { compareStamps, type Stamp, type TraitState } from './trait-state.ts';

/**
 * How a trait's value is chosen among its assertions: the latest event time (default), the first
 * seen, or the most trusted source (then the latest).
 */
export type TraitRule =
  | { readonly kind: 'latest' }
  | { readonly kind: 'first_seen' }
  | { readonly kind: 'source_priority'; readonly sources: readonly string[] };

export interface ResolvedTraits {
  readonly traits: Record<string, unknown>;
  /** Per trait: the event time and source of the value that won. */
  readonly sources: Record<string, { readonly at: string; readonly sourceId: string }>;
}

type Candidate = { readonly stamp: Stamp; readonly sourceId: string };

function pick(cands: Candidate[], better: (a: Candidate, b: Candidate) => boolean): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of cands) if (!best || better(c, best)) best = c;
  return best;
}
const newer = (a: Candidate, b: Candidate) =>
  compareStamps(a.stamp, b.stamp) > 0 || (compareStamps(a.stamp, b.stamp) === 0 && a.sourceId > b.sourceId);
const older = (a: Candidate, b: Candidate) =>
  compareStamps(a.stamp, b.stamp) < 0 || (compareStamps(a.stamp, b.stamp) === 0 && a.sourceId < b.sourceId);

/**
 * A profile's trait values from its state, per trait by `rules[trait]` (default latest). A trait
 * only ever set-once takes its first value under every rule. Event time decides, never arrival.
 */
export function resolveTraits(
  state: TraitState,
  rules: Readonly<Record<string, TraitRule>> = {},
): ResolvedTraits {
  const traits: Record<string, unknown> = {};
  const sources: Record<string, { at: string; sourceId: string }> = {};
  for (const key of Object.keys(state).sort()) {
    const entries = Object.entries(state[key]);
    const latest = entries.flatMap(([sourceId, e]) => (e.l ? [{ stamp: e.l, sourceId }] : []));
    const first = entries.map(([sourceId, e]) => ({ stamp: e.f, sourceId }));
    const rule = rules[key] ?? { kind: 'latest' };
    let winner: Candidate | undefined;
    if (latest.length === 0 || rule.kind === 'first_seen') winner = pick(first, older);
    else if (rule.kind === 'source_priority') {
      const ranked = rule.sources
        .map((s) => latest.find((c) => c.sourceId === s))
        .find((c) => c !== undefined);
      winner = ranked ?? pick(latest, newer);
    } else winner = pick(latest, newer);
    if (!winner) continue;
    traits[key] = winner.stamp[0];
    sources[key] = { at: winner.stamp[1], sourceId: winner.sourceId };
  }
  return { traits, sources };
}
