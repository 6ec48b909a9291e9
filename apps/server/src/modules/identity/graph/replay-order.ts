import { compareText, type IdentifierRules } from './identifier-rules.ts';
import { type Identifier, identifierKey, type Observation } from './observation.ts';

/** What an operator took back: whole observations (a split) or identifiers everywhere. */
export interface Retraction {
  readonly observationIds?: readonly string[];
  readonly identifiers?: readonly Identifier[];
}

/**
 * The observations to replay, as a function of the input SET: retracted observations dropped,
 * retracted identifiers removed, each observation's identifiers deduplicated and in priority order
 * (`rules.compare`), exact duplicates collapsed, sorted by event time, then `at` text, then id, then
 * content (so two different observations sharing an id still replay in one order). An `at` that does
 * not parse sorts last.
 */
export function replayOrder(
  observations: readonly Observation[],
  rules: IdentifierRules,
  retracted: Retraction = {},
): Observation[] {
  const droppedObservations = new Set(retracted.observationIds ?? []);
  const droppedIdentifiers = new Set((retracted.identifiers ?? []).map(identifierKey));
  const unique = new Map<string, { observation: Observation; time: number; content: string }>();
  for (const observation of observations) {
    if (droppedObservations.has(observation.id)) continue;
    const seen = new Set<string>();
    const identifiers = observation.identifiers
      .filter((identifier) => {
        const key = identifierKey(identifier);
        if (seen.has(key) || droppedIdentifiers.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map(({ type, value }) => ({ type, value }))
      .sort(rules.compare);
    const { id, at, kind } = observation;
    const content = JSON.stringify([id, at, kind, identifiers.map(identifierKey)]);
    const parsed = Date.parse(at);
    const time = Number.isNaN(parsed) ? Number.POSITIVE_INFINITY : parsed;
    unique.set(content, { observation: { id, at, kind, identifiers }, time, content });
  }
  return [...unique.values()]
    .sort(
      (a, b) =>
        (a.time < b.time ? -1 : a.time > b.time ? 1 : 0) ||
        compareText(a.observation.at, b.observation.at) ||
        compareText(a.observation.id, b.observation.id) ||
        compareText(a.content, b.content),
    )
    .map((entry) => entry.observation);
}
