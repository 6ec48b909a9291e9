import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { blockingKey } from './blocking-key.ts';
import { candidatePairs } from './candidate-pairs.ts';
import type { BlockingRule } from './match-config.ts';
import type { MatchRecord } from './match-record.ts';

const RULES: readonly BlockingRule[] = [
  { name: 'x', key: [{ column: 'x' }] },
  { name: 'y', key: [{ column: 'y' }] },
  {
    name: 'xy_prefix',
    key: [
      { column: 'x', first: 1 },
      { column: 'y', first: 1 },
    ],
  },
];

const recordsArb = fc.array(
  fc.record({
    x: fc.option(fc.constantFrom('a1', 'a2', 'b1'), { nil: null }),
    y: fc.option(fc.constantFrom('p', 'q', 'pq'), { nil: null }),
  }),
  { maxLength: 40 },
);
const withIds = (rows: readonly { x: string | null; y: string | null }[]): MatchRecord[] =>
  rows.map((row, i) => ({ id: `r${i}`, ...row }));

/** Brute force: pairs sharing a key of some rule whose block is within the cap. */
function expectedPairs(records: readonly MatchRecord[], cap: number): Set<string> {
  const pairs = new Set<string>();
  for (const rule of RULES) {
    const keys = records.map((r) => blockingKey(r, rule));
    for (let i = 0; i < records.length; i++) {
      const size = keys.filter((k) => k !== null && k === keys[i]).length;
      for (let j = i + 1; j < records.length; j++) {
        if (keys[i] !== null && keys[i] === keys[j] && size <= cap) pairs.add(`${i}-${j}`);
      }
    }
  }
  return pairs;
}

describe('candidatePairs', () => {
  it('yields each pair of the union of rules once, with left < right', () => {
    fc.assert(
      fc.property(recordsArb, fc.integer({ min: 2, max: 12 }), (rows, cap) => {
        const records = withIds(rows);
        const result = candidatePairs(records, RULES, cap);
        const seen = new Set<string>();
        for (let k = 0; k < result.count; k++) {
          assert.ok(result.left[k] < result.right[k]);
          const pair = `${result.left[k]}-${result.right[k]}`;
          assert.ok(!seen.has(pair), `pair ${pair} twice`);
          seen.add(pair);
        }
        assert.deepEqual([...seen].sort(), [...expectedPairs(records, cap)].sort());
        assert.equal(
          result.ruleStats.reduce((sum, r) => sum + r.newPairs, 0),
          result.count,
        );
      }),
    );
  });

  it('marks every rule a pair satisfies', () => {
    const records = withIds([
      { x: 'a1', y: 'p' },
      { x: 'a1', y: 'p' },
      { x: 'a2', y: 'p' },
    ]);
    const result = candidatePairs(records, RULES, 10);
    const masks = Object.fromEntries(
      Array.from({ length: result.count }, (_, k) => [
        `${result.left[k]}-${result.right[k]}`,
        result.rules[k],
      ]),
    );
    assert.deepEqual(masks, { '0-1': 0b111, '0-2': 0b110, '1-2': 0b110 });
  });

  it('skips and reports blocks over the cap; another rule can still pair their records', () => {
    const records = withIds([
      { x: 'a1', y: 'p' },
      { x: 'a1', y: 'q' },
      { x: 'a1', y: 'q' },
      { x: 'b1', y: 'p' },
    ]);
    const result = candidatePairs(records, RULES.slice(0, 2), 2);
    assert.deepEqual(result.skippedBlocks, [{ rule: 'x', key: 'a1', size: 3 }]);
    const pairs = Array.from({ length: result.count }, (_, k) => `${result.left[k]}-${result.right[k]}`);
    assert.deepEqual(pairs.sort(), ['0-3', '1-2']);
  });

  it('refuses more rules than the mask holds', () => {
    const many = Array.from({ length: 33 }, (_, i) => ({ name: `r${i}`, key: [{ column: 'x' }] }));
    assert.throws(() => candidatePairs([], many, 10), /at most 32/);
  });
});
