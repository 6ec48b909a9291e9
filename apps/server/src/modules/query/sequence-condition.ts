import type { SequenceCondition } from '@cdp/protocol';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Clock } from './clock.ts';
import { compileEventScope, inEventScope } from './event-scope.ts';
import type { LeafResult } from './explanation.ts';
import type { ProfileSnapshot } from './profile-snapshot.ts';

/**
 * Did `first`, then `next` strictly later and at most `withinSeconds` after it, both inside the window:
 * SQL over two aliases `a`, `b` of `profile_events` correlated with `p`.
 */
export function compileSequence(condition: SequenceCondition, clock: Clock): RawBuilder<SqlBool> {
  const first = compileEventScope(condition.first, condition.window, 'a', clock);
  const next = compileEventScope(condition.next, condition.window, 'b', clock);
  return sql`exists (select 1 from profile_events a join profile_events b on b.workspace_id = a.workspace_id and b.profile_id = a.profile_id where a.workspace_id = p.workspace_id and a.profile_id = p.id and ${first} and ${next} and b."timestamp" > a."timestamp" and b."timestamp" <= a."timestamp" + ${condition.withinSeconds}::double precision * interval '1 second')`;
}

/** The in-memory twin of `compileSequence`; observes the first matching pair found. */
export function matchSequence(
  condition: SequenceCondition,
  profile: ProfileSnapshot,
  clock: Clock,
): LeafResult {
  const times = (match: SequenceCondition['first']) =>
    profile.events
      .filter((event) => inEventScope(event, match, condition.window, clock))
      .map((event) => event.timestamp.getTime())
      .sort((x, y) => x - y);
  const firsts = times(condition.first);
  const nexts = times(condition.next);
  const limit = condition.withinSeconds * 1000;
  for (const a of firsts) {
    const b = nexts.find((t) => t > a && t - a <= limit);
    if (b !== undefined)
      return { held: true, observed: { first: new Date(a).toISOString(), next: new Date(b).toISOString() } };
  }
  return { held: false, observed: { firsts: firsts.length, nexts: nexts.length } };
}
