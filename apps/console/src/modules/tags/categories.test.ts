import type { TagCategory } from '@cdp/protocol';
import { describe, expect, it } from 'vitest';
import { categoryPath, categoryTree, subtreeIds } from './categories.ts';

const cat = (id: string, name: string, parentId: string | null = null): TagCategory => ({
  id,
  name,
  parentId,
  position: 0,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});
const list = [
  cat('a', '消费'),
  cat('b', '行为'),
  cat('a1', '金额', 'a'),
  cat('a11', '客单价', 'a1'),
  cat('x', '孤儿', 'gone'),
];

describe('tag categories', () => {
  it('nests children under parents, keeping the order and orphans at the top', () => {
    expect(categoryTree(list)).toEqual([
      {
        key: 'a',
        title: '消费',
        children: [{ key: 'a1', title: '金额', children: [{ key: 'a11', title: '客单价', children: [] }] }],
      },
      { key: 'b', title: '行为', children: [] },
      { key: 'x', title: '孤儿', children: [] },
    ]);
  });

  it('finds a subtree and the path to a category', () => {
    expect([...subtreeIds(list, 'a')].sort()).toEqual(['a', 'a1', 'a11']);
    expect([...subtreeIds(list, 'b')]).toEqual(['b']);
    expect(categoryPath(list, 'a11')).toEqual(['消费', '金额', '客单价']);
    expect(categoryPath(list, null)).toEqual([]);
    expect(categoryPath(list, 'nope')).toEqual([]);
  });

  it('survives a cycle in bad data', () => {
    const cyclic = [cat('p', 'P', 'q'), cat('q', 'Q', 'p')];
    expect(categoryPath(cyclic, 'p')).toEqual(['Q', 'P']);
    expect(categoryTree(cyclic)).toEqual([]);
  });
});
