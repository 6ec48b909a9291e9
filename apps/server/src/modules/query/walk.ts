import type { Condition } from '@cdp/protocol';

/** The children of a node (none for leaves). */
export function childrenOf(node: Condition): readonly Condition[] {
  if (node.kind === 'and' || node.kind === 'or') return node.conditions;
  return node.kind === 'not' ? [node.condition] : [];
}

/** Every node with its path (`$`, `$.0`, `$.0.1`…), parents before children. */
export function* walk(node: Condition, path = '$'): Generator<{ node: Condition; path: string }> {
  yield { node, path };
  const children = childrenOf(node);
  for (let i = 0; i < children.length; i++) yield* walk(children[i], `${path}.${i}`);
}
