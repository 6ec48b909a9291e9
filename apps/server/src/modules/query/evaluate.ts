import type { Condition, Definition } from '@cdp/protocol';
import { type Clock, clockOf, type EvaluationOptions } from './clock.ts';
import { matchEvent } from './event-condition.ts';
import type { Explanation, LeafResult } from './explanation.ts';
import { matchAudience, matchIdentifier, matchTag, matchTrait } from './profile-conditions.ts';
import type { ProfileSnapshot } from './profile-snapshot.ts';
import { matchSequence } from './sequence-condition.ts';

/**
 * Evaluates a definition for one profile in memory, with exactly the semantics of the compiled SQL, and
 * explains every node: whether it held and, for leaves, what was observed. Every node is evaluated (no
 * short-circuit) so that the explanation is complete.
 */
export function evaluate(
  definition: Definition,
  profile: ProfileSnapshot,
  options: EvaluationOptions,
): { readonly matched: boolean; readonly explanation: Explanation } {
  const explanation = explain(definition, '$', profile, clockOf(options));
  return { matched: explanation.held, explanation };
}

function explain(node: Condition, path: string, profile: ProfileSnapshot, clock: Clock): Explanation {
  const key = node.id ?? path;
  if (node.kind === 'and' || node.kind === 'or') {
    const children = node.conditions.map((child, i) => explain(child, `${path}.${i}`, profile, clock));
    const held = node.kind === 'and' ? children.every((c) => c.held) : children.some((c) => c.held);
    return { key, kind: node.kind, held, children };
  }
  if (node.kind === 'not') {
    const child = explain(node.condition, `${path}.0`, profile, clock);
    return { key, kind: node.kind, held: !child.held, children: [child] };
  }
  const { held, observed } = matchLeaf(node, profile, clock);
  return { key, kind: node.kind, held, observed };
}

function matchLeaf(
  node: Exclude<Condition, { kind: 'and' | 'or' | 'not' }>,
  profile: ProfileSnapshot,
  clock: Clock,
): LeafResult {
  switch (node.kind) {
    case 'trait':
      return matchTrait(node, profile, clock);
    case 'event':
      return matchEvent(node, profile, clock);
    case 'sequence':
      return matchSequence(node, profile, clock);
    case 'tag':
      return matchTag(node, profile, clock);
    case 'audience':
      return matchAudience(node, profile);
    case 'identifier':
      return matchIdentifier(node, profile);
  }
}
