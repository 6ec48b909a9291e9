import type { Condition, ConditionGroup } from '@cdp/protocol';

/** Where a node sits: child indices from the root (a `not` has one child, index 0). */
export type NodePath = readonly number[];

export const LEAF_KINDS = ['event', 'trait', 'sequence', 'tag', 'audience', 'identifier'] as const;
export type LeafKind = (typeof LEAF_KINDS)[number];

export const isGroup = (node: Condition): node is ConditionGroup => node.kind === 'and' || node.kind === 'or';

function children(node: Condition): readonly Condition[] {
  if (isGroup(node)) return node.conditions;
  return node.kind === 'not' ? [node.condition] : [];
}

function withChildren(node: Condition, next: readonly Condition[]): Condition {
  if (isGroup(node)) return { ...node, conditions: next };
  if (node.kind === 'not') return { ...node, condition: next[0] };
  return node;
}

export function nodeAt(root: Condition, path: NodePath): Condition | undefined {
  let node: Condition | undefined = root;
  for (const i of path) node = node ? children(node)[i] : undefined;
  return node;
}

/** A copy of the tree with the node at `path` replaced (the root for an empty path). */
export function replaceAt(root: Condition, path: NodePath, node: Condition): Condition {
  if (path.length === 0) return node;
  const [head, ...rest] = path;
  const kids = children(root);
  if (head >= kids.length) return root;
  return withChildren(
    root,
    kids.map((child, i) => (i === head ? replaceAt(child, rest, node) : child)),
  );
}

/** Removes a node from its group; removing the only child of a `not` removes the `not`. The root stays. */
export function removeAt(root: Condition, path: NodePath): Condition {
  if (path.length === 0) return root;
  const parentPath = path.slice(0, -1);
  const parent = nodeAt(root, parentPath);
  if (!parent) return root;
  if (parent.kind === 'not') return removeAt(root, parentPath);
  if (!isGroup(parent)) return root;
  const index = path[path.length - 1];
  return replaceAt(root, parentPath, {
    ...parent,
    conditions: parent.conditions.filter((_, i) => i !== index),
  });
}

/** Appends a condition to the group at `path`. */
export function addChild(root: Condition, path: NodePath, child: Condition): Condition {
  const group = nodeAt(root, path);
  if (!group || !isGroup(group)) return root;
  return replaceAt(root, path, { ...group, conditions: [...group.conditions, child] });
}

/** AND ↔ OR. */
export function toggleGroup(root: Condition, path: NodePath): Condition {
  const group = nodeAt(root, path);
  if (!group || !isGroup(group)) return root;
  const next: ConditionGroup = group.kind === 'and' ? { ...group, kind: 'or' } : { ...group, kind: 'and' };
  return replaceAt(root, path, next);
}

/** Wraps the node in a NOT, or unwraps it when it already is one. */
export function toggleNot(root: Condition, path: NodePath): Condition {
  const node = nodeAt(root, path);
  if (!node) return root;
  return replaceAt(root, path, node.kind === 'not' ? node.condition : { kind: 'not', condition: node });
}

export const emptyGroup = (kind: 'and' | 'or' = 'and'): ConditionGroup => ({ kind, conditions: [] });

/** The editor always edits a group at the root; a leaf or `not` root is wrapped in an AND. */
export function editableRoot(definition: Condition | null | undefined): ConditionGroup {
  if (!definition) return emptyGroup();
  return isGroup(definition) ? definition : { kind: 'and', conditions: [definition] };
}

/** Drops empty groups (and NOTs left empty); null when nothing is left. */
export function pruneEmpty(node: Condition): Condition | null {
  if (isGroup(node)) {
    const kept = node.conditions.map(pruneEmpty).filter((c): c is Condition => c !== null);
    return kept.length === 0 ? null : { ...node, conditions: kept };
  }
  if (node.kind === 'not') {
    const inner = pruneEmpty(node.condition);
    return inner === null ? null : { ...node, condition: inner };
  }
  return node;
}

/** A new condition of a kind, filled with sensible defaults the user then edits. */
export function defaultCondition(kind: LeafKind): Condition {
  switch (kind) {
    case 'event':
      return { kind: 'event', window: { type: 'last_days', days: 30 }, measure: { type: 'did' } };
    case 'trait':
      return { kind: 'trait', trait: '', test: { operator: 'equals', value: '' } };
    case 'sequence':
      return {
        kind: 'sequence',
        first: {},
        next: {},
        withinSeconds: 86_400,
        window: { type: 'last_days', days: 30 },
      };
    case 'tag':
      return { kind: 'tag', tag: '', test: { operator: 'exists' } };
    case 'audience':
      return { kind: 'audience', audience: '', member: true };
    case 'identifier':
      return { kind: 'identifier', identifierType: 'phone', has: true };
  }
}

/**
 * The node a server validation error points at, from its field path
 * (`body/source/definition/conditions/2/condition/test/value` → [2, 0]); null when it is not in the tree.
 */
export function nodePathOfError(errorPath: string | undefined): NodePath | null {
  const parts = (errorPath ?? '').split(/[/.]/);
  const start = parts.indexOf('definition');
  if (start < 0) return null;
  const path: number[] = [];
  for (let i = start + 1; i < parts.length; i++) {
    if (parts[i] === 'conditions' && /^\d+$/.test(parts[i + 1] ?? '')) path.push(Number(parts[++i]));
    else if (parts[i] === 'condition') path.push(0);
    else break;
  }
  return path;
}

export const samePath = (a: NodePath, b: NodePath) => a.length === b.length && a.every((v, i) => v === b[i]);
