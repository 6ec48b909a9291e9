import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IdentityUnionFind } from './union-find.ts';

const fill = (keys: readonly string[]) => {
  const uf = new IdentityUnionFind();
  for (const key of keys) uf.add(key, key.split(':')[0]);
  return uf;
};

describe('IdentityUnionFind', () => {
  it('joins sets transitively and counts members per type', () => {
    const uf = fill(['a:1', 'a:2', 'b:1', 'b:2']);
    uf.union('a:1', 'b:1');
    uf.union('b:1', 'a:2');
    assert.equal(uf.find('a:1'), uf.find('a:2'));
    assert.notEqual(uf.find('a:1'), uf.find('b:2'));
    assert.deepEqual(Object.fromEntries(uf.countsOf('a:2')), { a: 2, b: 1 });
    assert.deepEqual(Object.fromEntries(uf.countsOf('b:2')), { b: 1 });
  });

  it('refuses a union that would exceed a per-type limit, allows one within it', () => {
    const uf = fill(['u:1', 'u:2', 'x:1']);
    uf.union('u:1', 'x:1');
    const limit = (type: string) => (type === 'u' ? 1 : 5);
    assert.equal(uf.canUnion('x:1', 'u:2', limit), false);
    assert.equal(uf.canUnion('x:1', 'u:1', limit), true);
    assert.equal(uf.canUnion('u:2', 'u:2', limit), true);
  });

  it('keeps the earliest-added member as anchor whichever side is bigger', () => {
    const uf = fill(['a:first', 'b:1', 'b:2', 'b:3']);
    uf.union('b:1', 'b:2');
    uf.union('b:2', 'b:3');
    uf.union('b:3', 'a:first');
    assert.equal(uf.anchorOf('b:1'), 'a:first');
  });

  it('ignores re-adding a key and throws on an unknown one', () => {
    const uf = fill(['a:1', 'b:1']);
    uf.union('a:1', 'b:1');
    uf.add('a:1', 'a');
    assert.equal(uf.find('a:1'), uf.find('b:1'));
    assert.deepEqual([...uf.keys()], ['a:1', 'b:1']);
    assert.throws(() => uf.find('c:1'), /unknown key/);
  });
});
