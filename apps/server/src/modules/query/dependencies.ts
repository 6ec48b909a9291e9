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
