import type { Definition, EventMatch, EventWindow, TimeTest, ValueTest } from '@cdp/protocol';
import { walk } from './walk.ts';

/** What a definition reads: to re-evaluate only what an incoming change can affect, and for lineage. */
export interface Dependencies {
  readonly traits: readonly string[];
  /** Event names read by name. */
  readonly events: readonly string[];
  /** Some condition reads events of any name (every incoming event can matter). */
  readonly anyEvent: boolean;
  readonly tags: readonly string[];
  readonly audiences: readonly string[];
  readonly identifierTypes: readonly string[];
  /** Some condition depends on "now" (relative days, birthdays, last-N-days windows): re-check on a schedule. */
  readonly timeRelative: boolean;
}

const RELATIVE = new Set([
  'within_last_days',
  'within_next_days',
  'more_than_days_ago',
  'birthday_within_next_days',
]);

/** The traits, events, tags, audiences and identifier types a definition reads, each sorted and unique. */
export function dependencies(definition: Definition): Dependencies {
  const traits = new Set<string>();
  const events = new Set<string>();
  const tags = new Set<string>();
  const audiences = new Set<string>();
  const identifierTypes = new Set<string>();
  let anyEvent = false;
  let timeRelative = false;
  const test = (t: ValueTest | TimeTest) => {
    timeRelative ||= RELATIVE.has(t.operator);
  };
  const readEvents = (match: EventMatch, window: EventWindow | undefined) => {
    if (match.event === undefined) anyEvent = true;
    else events.add(match.event);
    for (const filter of match.where ?? []) test(filter.test);
    timeRelative ||= window?.type === 'last_days';
  };
  for (const { node } of walk(definition)) {
    if (node.kind === 'trait') {
      traits.add(node.trait);
      test(node.test);
    } else if (node.kind === 'tag') {
      tags.add(node.tag);
      test(node.test);
    } else if (node.kind === 'event') {
      readEvents(node, node.window);
      if (node.measure.type === 'first' || node.measure.type === 'last') test(node.measure.test);
    } else if (node.kind === 'sequence') {
      readEvents(node.first, node.window);
      readEvents(node.next, node.window);
    } else if (node.kind === 'audience') audiences.add(node.audience);
    else if (node.kind === 'identifier') identifierTypes.add(node.identifierType);
  }
  const sorted = (set: Set<string>) => [...set].sort();
  return {
    traits: sorted(traits),
    events: sorted(events),
    anyEvent,
    tags: sorted(tags),
    audiences: sorted(audiences),
    identifierTypes: sorted(identifierTypes),
    timeRelative,
  };
}

/** Any event name (a condition on events of every name). */
export const ANY_EVENT = '*';
const DAY_MS = 86_400_000;

/**
 * How far back events can matter to a definition, per event name read (`ANY_EVENT` for conditions
 * on every name): the earliest event time, or `null` when all of history matters (an `ever` window).
 * Windows bound event times only (see EventWindow), so events older than this never change the
 * result; the bound keeps a day of slack for any time zone's local days.
 */
export function eventLookback(definition: Definition, asOf: Date): Map<string, Date | null> {
  const out = new Map<string, Date | null>();
  const read = (match: EventMatch, window: EventWindow | undefined) =>
    widen(out, match.event ?? ANY_EVENT, earliest(window, asOf));
  for (const { node } of walk(definition)) {
    if (node.kind === 'event') read(node, node.window);
    else if (node.kind === 'sequence') {
      read(node.first, node.window);
      read(node.next, node.window);
    }
  }
  return out;
}

/**
 * The event names whose properties a definition reads (`ANY_EVENT` when a condition on events of
 * every name reads them): property filters and aggregates of a property. Events of other names are
 * evaluated on their type, name and time alone.
 */
export function eventPropertyReads(definition: Definition): Set<string> {
  const out = new Set<string>();
  const read = (match: EventMatch, aggregates = false) => {
    if (aggregates || (match.where?.length ?? 0) > 0) out.add(match.event ?? ANY_EVENT);
  };
  for (const { node } of walk(definition)) {
    if (node.kind === 'event') read(node, node.measure.type === 'aggregate');
    else if (node.kind === 'sequence') {
      read(node.first);
      read(node.next);
    }
  }
  return out;
}

function earliest(window: EventWindow | undefined, asOf: Date): Date | null {
  if (window === undefined || window.type === 'ever') return null;
  if (window.type === 'last_days') return new Date(asOf.getTime() - (window.days + 1) * DAY_MS);
  const from = Date.parse(window.from.length === 10 ? `${window.from}T00:00:00Z` : window.from);
  return Number.isNaN(from) ? null : new Date(from - DAY_MS);
}

/** The lookbacks of several definitions together: per name, the earliest of them. */
export function mergeLookbacks(lookbacks: Iterable<Map<string, Date | null>>): Map<string, Date | null> {
  const out = new Map<string, Date | null>();
  for (const lookback of lookbacks) for (const [name, since] of lookback) widen(out, name, since);
  return out;
}

/** Keeps, per name, the earliest bound seen (`null`, all of history, wins). */
function widen(out: Map<string, Date | null>, name: string, since: Date | null): void {
  const known = out.get(name);
  if (known === null) return;
  out.set(name, since === null || known === undefined || since < known ? since : known);
}
