import type { SplitBody } from '@cdp/protocol';
import { byPriority, type IdentifierRef, identifierKey } from './identifiers.ts';

/** What an operator takes out of a profile: one identifier, or the evidence of one link. */
export type SplitTarget =
  | { readonly kind: 'identifier'; readonly identifier: IdentifierRef }
  | { readonly kind: 'evidence'; readonly evidenceId: string };

export function splitBody(target: SplitTarget, reason: string): SplitBody {
  const why = reason.trim() || undefined;
  return target.kind === 'identifier'
    ? { identifier: { type: target.identifier.type, value: target.identifier.value }, reason: why }
    : { evidenceId: target.evidenceId, reason: why };
}

/**
 * Identifiers to look the person up by when the split profile's id no longer resolves: the
 * profile's identifiers by priority (user id first), without the one taken out.
 */
export function followUpIdentifiers(
  identifiers: readonly IdentifierRef[],
  target: SplitTarget,
): IdentifierRef[] {
  const removed = target.kind === 'identifier' ? identifierKey(target.identifier) : null;
  return byPriority(identifiers).filter((i) => identifierKey(i) !== removed);
}
