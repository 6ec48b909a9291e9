import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateMatches } from './evaluate-matches.ts';
import { exactRuleMatches } from './exact-rule-matches.ts';

const truth = {
  records: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id })),
  entities: ['p1', 'p1', 'p1', 'p2', 'p2', 'p3'],
};

describe('evaluateMatches', () => {
  it('counts true and false pairs per decision set', () => {
    const evaluation = evaluateMatches(
      [
        { left: 'a', right: 'b', decision: 'auto_merge' },
        { left: 'b', right: 'c', decision: 'auto_merge' },
        { left: 'c', right: 'd', decision: 'auto_merge' },
        { left: 'd', right: 'e', decision: 'review' },
        { left: 'e', right: 'f', decision: 'no_match' },
      ],
      truth,
    );
    assert.equal(evaluation.truePairs, 4);
    const { f1, ...counts } = evaluation.autoMerge;
    assert.deepEqual(counts, {
      truePositives: 2,
      falsePositives: 1,
      falseNegatives: 2,
      precision: 2 / 3,
      recall: 0.5,
    });
    assert.ok(Math.abs(f1 - 4 / 7) < 1e-12);
    assert.equal(evaluation.autoOrReview.truePositives, 3);
    assert.equal(evaluation.autoOrReview.recall, 0.75);
  });

  it('scores clusters from the transitive closure of auto-merges', () => {
    const evaluation = evaluateMatches(
      [
        { left: 'a', right: 'b', decision: 'auto_merge' },
        { left: 'b', right: 'd', decision: 'auto_merge' },
      ],
      truth,
    );
    // Cluster {a, b, d}: pairs ab (true), ad and bd (false); c and e stay apart.
    assert.equal(evaluation.clusters.truePositives, 1);
    assert.equal(evaluation.clusters.falsePositives, 2);
    assert.equal(evaluation.clusters.falseNegatives, 3);
  });

  it('gives zeros, not NaN, when nothing is predicted', () => {
    const { autoMerge } = evaluateMatches([], truth);
    assert.deepEqual([autoMerge.precision, autoMerge.recall, autoMerge.f1], [0, 0, 0]);
  });
});

describe('exactRuleMatches', () => {
  it('pairs records with equal, present values in all columns', () => {
    const records = [
      { id: 'a', name: '王伟', birth_date: '1990-01-01' },
      { id: 'b', name: '王伟', birth_date: '1990-01-01' },
      { id: 'c', name: '王伟', birth_date: '1990-01-01' },
      { id: 'd', name: '王伟', birth_date: null },
      { id: 'e', name: '王伟', birth_date: null },
    ];
    assert.deepEqual(
      exactRuleMatches(records, ['name', 'birth_date']).map((p) => `${p.left}${p.right}`),
      ['ab', 'ac', 'bc'],
    );
  });
});
