import { hash } from 'node:crypto';
import { type Identifier, identifierKey } from '../graph/observation.ts';

/** The identity of a set of identifiers seen together: its sorted `type:value` keys and their hash. */
export function observationSet(identifiers: readonly Identifier[]): { keys: string[]; setHash: string } {
  const keys = [...new Set(identifiers.map(identifierKey))].sort();
  return { keys, setHash: hash('sha1', keys.join('\n'), 'base64url') };
}

/** `type:value` back into an identifier (type names contain no colon). */
export function parseIdentifierKey(key: string): Identifier {
  const colon = key.indexOf(':');
  return { type: key.slice(0, colon), value: key.slice(colon + 1) };
}
