import type { Condition } from '@cdp/protocol';
import { describe, expect, it } from 'vitest';
import {
  addChild,
  defaultCondition,
  editableRoot,
  LEAF_KINDS,
  nodeAt,
  nodePathOfError,
  pruneEmpty,
  removeAt,
  replaceAt,
  toggleGroup,
  toggleNot,
} from './tree.ts';

const city: Condition = { kind: 'trait', trait: 'city', test: { operator: 'equals', value: '上海' } };
const bought: Condition = { kind: 'event', event: 'Order Completed', measure: { type: 'did' } };
const vip: Condition = { kind: 'tag', tag: 'vip', test: { operator: 'exists' } };
const tree: Condition = {
  kind: 'and',
  conditions: [city, { kind: 'or', conditions: [bought, { kind: 'not', condition: vip }] }],
};

describe('condition tree editing', () => {
  it('finds nodes by path, through groups and NOT', () => {
    expect(nodeAt(tree, [])).toBe(tree);
    expect(nodeAt(tree, [0])).toBe(city);
    expect(nodeAt(tree, [1, 1, 0])).toBe(vip);
    expect(nodeAt(tree, [5])).toBeUndefined();
  });

  it('replaces a node without touching the original', () => {
    const next = replaceAt(tree, [1, 0], city);
    expect(nodeAt(next, [1, 0])).toBe(city);
    expect(nodeAt(tree, [1, 0])).toBe(bought);
    expect(nodeAt(next, [0])).toBe(city);
    expect(replaceAt(tree, [], bought)).toBe(bought);
    expect(replaceAt(tree, [9], bought)).toBe(tree);
  });

  it('removes a node from its group, and a NOT together with its only child', () => {
    expect(removeAt(tree, [0])).toEqual({
      kind: 'and',
      conditions: [tree.kind === 'and' && tree.conditions[1]],
    });
    expect(removeAt(tree, [1, 1, 0])).toEqual({
      kind: 'and',
      conditions: [city, { kind: 'or', conditions: [bought] }],
    });
    expect(removeAt(tree, [])).toBe(tree);
  });

  it('adds to a group, toggles AND/OR and NOT', () => {
    const added = addChild(tree, [1], city);
    expect(nodeAt(added, [1, 2])).toBe(city);
    expect(addChild(tree, [0], city)).toBe(tree); // a leaf is not a group
    expect(toggleGroup(tree, [1])).toMatchObject({ conditions: [city, { kind: 'and' }] });
    expect(toggleGroup(toggleGroup(tree, []), [])).toEqual(tree);
    expect(nodeAt(toggleNot(tree, [0]), [0])).toEqual({ kind: 'not', condition: city });
    expect(nodeAt(toggleNot(tree, [1, 1]), [1, 1])).toBe(vip);
  });

  it('wraps a non-group root and prunes empty groups before saving', () => {
    expect(editableRoot(null)).toEqual({ kind: 'and', conditions: [] });
    expect(editableRoot(city)).toEqual({ kind: 'and', conditions: [city] });
    expect(editableRoot(tree)).toBe(tree);
    expect(pruneEmpty({ kind: 'and', conditions: [] })).toBeNull();
    expect(
      pruneEmpty({
        kind: 'and',
        conditions: [
          city,
          { kind: 'or', conditions: [] },
          { kind: 'not', condition: { kind: 'and', conditions: [] } },
        ],
      }),
    ).toEqual({ kind: 'and', conditions: [city] });
  });

  it('gives every leaf kind a default of its own kind', () => {
    for (const kind of LEAF_KINDS) expect(defaultCondition(kind).kind).toBe(kind);
    expect(defaultCondition('event')).toMatchObject({
      measure: { type: 'did' },
      window: { type: 'last_days' },
    });
  });

  it('finds the node a server validation error points at', () => {
    expect(nodePathOfError('body/source/definition/conditions/2/test/value')).toEqual([2]);
    expect(nodePathOfError('source.definition.conditions.1.conditions.0.condition.trait')).toEqual([1, 0, 0]);
    expect(nodePathOfError('body/source/definition')).toEqual([]);
    expect(nodePathOfError('body/name')).toBeNull();
    expect(nodePathOfError(undefined)).toBeNull();
  });
});
