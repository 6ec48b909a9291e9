import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quantileScores, RFM_GROUPS, rfmGroup, thresholdScore } from './rfm-scoring.ts';

describe('rfmGroup', () => {
  it('names the eight classic groups from high/low R, F, M (R high = recent)', () => {
    const cases: [number, number, number, string][] = [
      [5, 5, 5, '重要价值客户'],
      [4, 1, 3, '重要发展客户'],
      [2, 3, 5, '重要保持客户'],
      [1, 1, 4, '重要挽留客户'],
      [3, 3, 2, '一般价值客户'],
      [5, 2, 1, '一般发展客户'],
      [1, 5, 2, '一般保持客户'],
      [2, 2, 2, '一般挽留客户'],
    ];
    for (const [r, f, m, group] of cases) assert.equal(rfmGroup({ r, f, m }, 3), group, `${r}${f}${m}`);
    assert.equal(new Set(Object.values(RFM_GROUPS)).size, 8);
  });

  it('moves the split between high and low', () => {
    assert.equal(rfmGroup({ r: 3, f: 3, m: 3 }, 3), '重要价值客户');
    assert.equal(rfmGroup({ r: 3, f: 3, m: 3 }, 4), '一般挽留客户');
    assert.equal(rfmGroup({ r: 4, f: 3, m: 4 }, 4), '重要发展客户');
  });
});

describe('thresholdScore', () => {
  const t = [10, 20, 30, 40];
  it('scores frequency and money upwards, a value equal to a threshold reaching it', () => {
    assert.deepEqual(
      [0, 9.99, 10, 19, 20, 30, 39, 40, 1e9].map((v) => thresholdScore(v, t, 'higher')),
      [1, 1, 2, 2, 3, 4, 4, 5, 5],
    );
  });
  it('scores recency downwards: fewer days since the last purchase is better', () => {
    assert.deepEqual(
      [0, 9, 10, 25, 35, 40, 400].map((v) => thresholdScore(v, t, 'lower')),
      [5, 5, 4, 3, 2, 1, 1],
    );
  });
});

describe('quantileScores', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${String(i).padStart(3, '0')}`);
  it('is ntile(5) over distinct values, the first n % 5 buckets one larger', () => {
    assert.deepEqual(quantileScores([10, 20, 30, 40, 50], ids(5)), [1, 2, 3, 4, 5]);
    assert.deepEqual(quantileScores([7, 6, 5, 4, 3, 2, 1], ids(7)), [5, 4, 3, 2, 2, 1, 1]);
    assert.deepEqual(quantileScores([3, 1, 2], ids(3)), [3, 1, 2]);
    assert.deepEqual(
      quantileScores(
        Array.from({ length: 10 }, (_, i) => i),
        ids(10),
      ),
      [1, 1, 2, 2, 3, 3, 4, 4, 5, 5],
    );
  });
  it('gives equal values the lower score of their group, whatever the ids', () => {
    assert.deepEqual(quantileScores([1, 1, 1, 2, 9], ids(5)), [1, 1, 1, 4, 5]);
    assert.deepEqual(quantileScores([5, 5], ['b', 'a']), [1, 1]);
    assert.deepEqual(quantileScores([], []), []);
  });
});
