/** A value with the event time it was asserted at (ISO 8601, UTC). */
export type Stamp = readonly [value: unknown, at: string];

/** One source's word on one trait: the latest value it set, and the first value it set or set-once. */
export interface SourceTrait {
  readonly l?: Stamp;
  readonly f: Stamp;
}

/** Trait → source id → what that source asserted. Small, JSON, and merges without loss. */
export type TraitState = Readonly<Record<string, Readonly<Record<string, SourceTrait>>>>;

/** Traits asserted by one piece of evidence (an identify, an import row) at its event time. */
export interface TraitAssertion {
  readonly set: Readonly<Record<string, unknown>>;
  /** `$set_once`: only ever the first value counts. */
  readonly setOnce: Readonly<Record<string, unknown>>;
  readonly at: string;
  readonly sourceId: string;
}

const text = (v: unknown) => JSON.stringify(v) ?? '';
/** Event time first; equal times are ordered by the value's JSON so any arrival order gives one answer. */
export function compareStamps(a: Stamp, b: Stamp): number {
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  const [x, y] = [text(a[0]), text(b[0])];
  return x < y ? -1 : x > y ? 1 : 0;
}
const later = (a: Stamp | undefined, b: Stamp | undefined) =>
  !a ? b : !b ? a : compareStamps(a, b) >= 0 ? a : b;
const earlier = (a: Stamp, b: Stamp) => (compareStamps(a, b) <= 0 ? a : b);

function mergeSource(a: SourceTrait | undefined, b: SourceTrait): SourceTrait {
  if (!a) return b;
  const l = later(a.l, b.l);
  return l ? { l, f: earlier(a.f, b.f) } : { f: earlier(a.f, b.f) };
}

/**
 * Folds trait states together (a profile's identifiers, a merge). Commutative, associative and
 * idempotent, so the order in which evidence arrives or profiles merge never changes the result.
 */
export function mergeTraitStates(states: Iterable<TraitState | null | undefined>): TraitState {
  const out: Record<string, Record<string, SourceTrait>> = {};
  for (const state of states) {
    if (!state) continue;
    for (const [key, sources] of Object.entries(state)) {
      const target = out[key] ?? {};
      out[key] = target;
      for (const [source, entry] of Object.entries(sources))
        target[source] = mergeSource(target[source], entry);
    }
  }
  return out;
}

/** The state after one more assertion. */
export function assertTraits(state: TraitState | null | undefined, assertion: TraitAssertion): TraitState {
  const own: Record<string, Record<string, SourceTrait>> = {};
  for (const [key, value] of Object.entries(assertion.set)) {
    const stamp: Stamp = [value, assertion.at];
    own[key] = { [assertion.sourceId]: { l: stamp, f: stamp } };
  }
  for (const [key, value] of Object.entries(assertion.setOnce)) {
    const entry: SourceTrait = { f: [value, assertion.at] };
    own[key] = { [assertion.sourceId]: mergeSource(own[key]?.[assertion.sourceId], entry) };
  }
  return mergeTraitStates([state, own]);
}
