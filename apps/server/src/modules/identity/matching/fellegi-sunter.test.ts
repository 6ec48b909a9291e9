import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type MatchModel, matchProbability, matchWeight, scoreComparison } from './fellegi-sunter.ts';

const MODEL: MatchModel = {
  prior: 0.001,
  fields: [
    { name: 'name', levels: ['exact', 'similar', 'else'], m: [0.8, 0.15, 0.05], u: [0.001, 0.01, 0.989] },
    { name: 'phone', levels: ['exact', 'else'], m: [0.9, 0.1], u: [0.0001, 0.9999] },
  ],
};

describe('Fellegi-Sunter scoring', () => {
  it('weighs a level log2(m/u) and a missing value 0', () => {
    const scored = scoreComparison([0, null], MODEL);
    assert.deepEqual(scored.explanation, [
      { field: 'name', level: 'exact', weight: Math.log2(800) },
      { field: 'phone', level: null, weight: 0 },
    ]);
    assert.equal(scored.score, Math.log2(800));
    assert.equal(matchWeight(0.5, 0.5), 0);
  });

  it('turns score and prior into a probability', () => {
    assert.equal(matchProbability(0, 0.5), 0.5);
    assert.ok(Math.abs(matchProbability(Math.log2(999), 0.001) - 0.5) < 1e-12);
    assert.ok(matchProbability(40, 0.001) > 0.999999);
    assert.ok(matchProbability(-40, 0.001) < 1e-6);
  });

  it('has explanations that sum to the score, and probability rising with score', () => {
    const level = (n: number) => fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: null });
    fc.assert(
      fc.property(level(3), level(2), level(3), level(2), (a, b, c, d) => {
        const x = scoreComparison([a, b], MODEL);
        const y = scoreComparison([c, d], MODEL);
        const sum = x.explanation.reduce((s, part) => s + part.weight, 0);
        assert.ok(Math.abs(sum - x.score) < 1e-9);
        if (x.score > y.score) assert.ok(x.probability >= y.probability);
      }),
    );
  });
});
