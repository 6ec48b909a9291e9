import {
  BUILT_IN_IDENTIFIER_TYPES,
  COMMON_JUNK_VALUES,
  type IdentifierType,
} from '../identifiers/identifier-types.ts';
import type { Identifier } from './observation.ts';

/** What the replay needs to know about identifier types. */
export interface IdentifierRules {
  readonly limitOf: (type: string) => number;
  readonly isJunk: (identifier: Identifier) => boolean;
  /** Highest priority first, then by type name, then by value. */
  readonly compare: (a: Identifier, b: Identifier) => number;
}

/** A type not in the list: lowest priority, five values per profile, the common junk values. */
const UNKNOWN = { priority: 0, maxPerProfile: 5, junkValues: COMMON_JUNK_VALUES } as const;

export function identifierRules(
  types: readonly IdentifierType[] = BUILT_IN_IDENTIFIER_TYPES,
): IdentifierRules {
  const byName = new Map(types.map((t) => [t.name, t]));
  const typeOf = (name: string) => byName.get(name) ?? UNKNOWN;
  return {
    limitOf: (type) => typeOf(type).maxPerProfile,
    isJunk: ({ type, value }) => value === '' || typeOf(type).junkValues.includes(value.toLowerCase()),
    compare: (a, b) =>
      typeOf(b.type).priority - typeOf(a.type).priority ||
      compareText(a.type, b.type) ||
      compareText(a.value, b.value),
  };
}

/** Code-unit order, independent of locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
