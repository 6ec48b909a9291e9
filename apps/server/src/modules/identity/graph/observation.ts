/** One identifier as seen in evidence; `value` is already normalised (see normalize-identifier.ts). */
export interface Identifier {
  readonly type: string;
  readonly value: string;
}

export type ObservationKind = 'event' | 'identify' | 'alias' | 'import' | 'manual' | 'probabilistic';

/** One piece of evidence (an event, identify, alias, import row or operator action) that saw identifiers together. */
export interface Observation {
  /** Evidence id, e.g. the message id or `import_row:42`. */
  readonly id: string;
  /** ISO 8601 event time: the replay order, not the arrival order. */
  readonly at: string;
  readonly kind: ObservationKind;
  readonly identifiers: ReadonlyArray<Identifier>;
}

/** `type:value`, the identity of an identifier inside the graph (type names contain no colon). */
export function identifierKey(identifier: Identifier): string {
  return `${identifier.type}:${identifier.value}`;
}
