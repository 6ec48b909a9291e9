import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { GroupCommitter, OverloadedError } from './group-commit.ts';

describe('GroupCommitter', () => {
  it('shares one flush among concurrent submissions and hands each its own results', async () => {
    const flushes: number[][] = [];
    const gc = new GroupCommitter<number, string>(
      async (items) => {
        flushes.push([...items]);
        return items.map((i) => `r${i}`);
      },
      { maxBatch: 1000, maxPending: 10_000 },
    );
    const results = await Promise.all([gc.submit([1, 2]), gc.submit([3]), gc.submit([4, 5, 6])]);
    assert.deepEqual(results, [['r1', 'r2'], ['r3'], ['r4', 'r5', 'r6']]);
    assert.equal(flushes.length, 1, 'one transaction for three requests');
  });

  it('keeps results aligned for any mix of request sizes and batch limits (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 50 }),
        async (sizes, maxBatch) => {
          let next = 0;
          const gc = new GroupCommitter<number, number>(
            async (items) => {
              for (let i = 1; i < items.length; i++) assert.ok(items[i] > items[i - 1], 'order kept');
              await new Promise((r) => setTimeout(r, 0));
              return items.map((x) => x * 2);
            },
            { maxBatch, maxPending: 100_000 },
          );
          const requests = sizes.map((n) => Array.from({ length: n }, () => next++));
          const results = await Promise.all(requests.map((r) => gc.submit(r)));
          for (const [i, res] of results.entries())
            assert.deepEqual(
              res,
              requests[i].map((x) => x * 2),
            );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('isolates a failing request: its neighbours in the same group still commit', async () => {
    const gc = new GroupCommitter<string, string>(
      async (items) => {
        if (items.includes('poison')) throw new Error('bad data');
        return items.map((x) => `ok:${x}`);
      },
      { maxBatch: 100, maxPending: 100 },
    );
    const [a, bad, c] = await Promise.allSettled([gc.submit(['a']), gc.submit(['poison']), gc.submit(['c'])]);
    assert.deepEqual(a, { status: 'fulfilled', value: ['ok:a'] });
    assert.equal(bad.status, 'rejected');
    assert.deepEqual(c, { status: 'fulfilled', value: ['ok:c'] });
  });

  it('refuses beyond maxPending and drains what it accepted', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const gc = new GroupCommitter<number, number>(
      async (items) => {
        await gate;
        return [...items];
      },
      { maxBatch: 10, maxPending: 5 },
    );
    const first = gc.submit([1, 2, 3, 4]);
    await assert.rejects(gc.submit([5, 6]), OverloadedError);
    assert.equal(gc.pending, 4);
    release();
    await gc.drain();
    assert.deepEqual(await first, [1, 2, 3, 4]);
    assert.equal(gc.pending, 0);
  });
});
