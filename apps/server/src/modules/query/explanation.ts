import type { Condition } from '@cdp/protocol';

/** Whether one node of a definition held for a profile, with what was observed (leaves) or its children. */
export interface Explanation {
  /** The node's `id`, else its path: `$` for the root, `$.0` for its first child, `$.0.2`… */
  readonly key: string;
  readonly kind: Condition['kind'];
  readonly held: boolean;
  /** Leaves: the value(s) the decision rested on, e.g. `{ value }` for a trait, `{ count }` for an event. */
  readonly observed?: Readonly<Record<string, unknown>>;
  readonly children?: readonly Explanation[];
}

/** A leaf's verdict before it is placed in the tree. */
export interface LeafResult {
  readonly held: boolean;
  readonly observed: Readonly<Record<string, unknown>>;
}
