import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { candidatePairs } from './candidate-pairs.ts';
import { comparePairs, compileFields } from './compare-records.ts';
import type { MatchModel } from './fellegi-sunter.ts';
import type { MatchField, MatchThresholds } from './match-config.ts';
import { decide, scorePairs } from './score-pairs.ts';

const thresholds: MatchThresholds = { autoMerge: 0.99, review: 0.5, reviewWhenDisagree: ['name'] };
const part = (field: string, level: string | null, weight: number) => ({ field, level, weight });

describe('decide', () => {
  it('splits on the thresholds', () => {
    const explanation = [part('name', 'exact', 10)];
    assert.equal(decide({ probability: 0.995, explanation }, thresholds), 'auto_merge');
    assert.equal(decide({ probability: 0.99, explanation }, thresholds), 'auto_merge');
    assert.equal(decide({ probability: 0.7, explanation }, thresholds), 'review');
    assert.equal(decide({ probability: 0.2, explanation }, thresholds), 'no_match');
  });

  it('holds a pair whose name disagrees outright back for review', () => {
    const explanation = [part('name', 'else', -4), part('phone', 'exact', 30)];
    assert.equal(decide({ probability: 0.9999, explanation }, thresholds), 'review');
    assert.equal(
      decide({ probability: 0.9999, explanation: [part('name', null, 0)] }, thresholds),
      'auto_merge',
    );
    assert.equal(
      decide({ probability: 0.9999, explanation }, { autoMerge: 0.99, review: 0.5 }),
      'auto_merge',
    );
  });
});

describe('scorePairs', () => {
  const fields: MatchField[] = [
    { name: 'name', comparator: { kind: 'exact' } },
    { name: 'phone', comparator: { kind: 'exact' } },
  ];
  const model: MatchModel = {
    prior: 0.1,
    fields: [
      { name: 'name', levels: ['exact', 'else'], m: [0.9, 0.1], u: [0.01, 0.99] },
      { name: 'phone', levels: ['exact', 'else'], m: [0.7, 0.3], u: [0.001, 0.999] },
    ],
  };
  const records = [
    { id: 'a', city: 'x', name: '王伟', phone: '1' },
    { id: 'b', city: 'x', name: '王伟', phone: '1' },
    { id: 'c', city: 'x', name: '王伟', phone: '2' },
    { id: 'd', city: 'x', name: '李娜', phone: null },
  ];
  const candidates = candidatePairs(records, [{ name: 'city', key: [{ column: 'city' }] }], 10);
  const comparisons = comparePairs(records, candidates, compileFields(fields));

  it('scores, explains and decides every pair, best first', () => {
    const all = scorePairs(records, comparisons, model, thresholds, { keep: 'all' });
    assert.equal(all.length, 6);
    assert.deepEqual(
      all.map((p) => `${p.left}${p.right}:${p.decision}`),
      ['ab:auto_merge', 'ac:review', 'bc:review', 'ad:no_match', 'bd:no_match', 'cd:no_match'],
    );
    for (const pair of all) {
      assert.ok(Math.abs(pair.explanation.reduce((s, c) => s + c.weight, 0) - pair.score) < 1e-9);
    }
    assert.deepEqual(all[3].explanation, [
      part('name', 'else', Math.log2(0.1 / 0.99)),
      part('phone', null, 0),
    ]);
  });

  it('keeps only auto-merge and review pairs by default', () => {
    const kept = scorePairs(records, comparisons, model, thresholds);
    assert.deepEqual(
      kept.map((p) => p.decision),
      ['auto_merge', 'review', 'review'],
    );
  });
});
