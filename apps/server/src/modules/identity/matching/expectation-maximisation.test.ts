import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ComparisonVector } from './compare-records.ts';
import { expectationMaximisation } from './expectation-maximisation.ts';

const M = [
  [0.85, 0.1, 0.05],
  [0.7, 0.2, 0.1],
  [0.9, 0.1],
];
const U = [
  [0.01, 0.09, 0.9],
  [0.05, 0.15, 0.8],
  [0.2, 0.8],
];
const LAMBDA = 0.3;

/** Every comparison pattern with its exact expected count under the true mixture. */
function mixture(total: number) {
  const patterns: ComparisonVector[] = [];
  const counts: number[] = [];
  for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 3; b++) {
      for (let c = 0; c < 2; c++) {
        patterns.push([a, b, c]);
        counts.push(
          total * (LAMBDA * M[0][a] * M[1][b] * M[2][c] + (1 - LAMBDA) * U[0][a] * U[1][b] * U[2][c]),
        );
      }
    }
  }
  // Missing values are neutral: these pairs must not move the estimates.
  patterns.push([null, null, null]);
  counts.push(total);
  return { patterns, counts: Float64Array.from(counts) };
}

const START = {
  m: [
    [0.8, 0.15, 0.05],
    [0.8, 0.15, 0.05],
    [0.9, 0.1],
  ],
  lambda: 0.1,
  use: [true, true, true],
  maxIterations: 500,
  tolerance: 1e-9,
};

describe('expectationMaximisation', () => {
  it('recovers m and λ from the mixture when u is known', () => {
    const { patterns, counts } = mixture(100_000);
    const result = expectationMaximisation({
      ...START,
      patterns,
      counts,
      u: U,
      updateM: [true, true, true],
      updateU: [false, false, false],
      updateLambda: true,
    });
    assert.ok(result.converged);
    for (const [f, row] of M.entries()) {
      for (const [l, p] of row.entries()) assert.ok(Math.abs(result.m[f][l] - p) < 1e-3, `m[${f}][${l}]`);
    }
    assert.ok(
      Math.abs(result.lambda - LAMBDA) < 1e-3,
      'pairs without evidence keep the prior and do not move λ',
    );
    assert.deepEqual(result.u, U);
  });

  it('leaves out unused fields and keeps fixed ones', () => {
    const { patterns, counts } = mixture(10_000);
    const result = expectationMaximisation({
      ...START,
      patterns,
      counts,
      u: U,
      use: [true, true, false],
      updateM: [true, false, true],
      updateU: [false, false, false],
      updateLambda: true,
    });
    assert.deepEqual(result.m[1], START.m[1]);
    assert.deepEqual(result.m[2], START.m[2]);
    assert.ok(result.m[0][0] > result.m[0][2]);
  });

  it('also estimates u when asked, and stops at maxIterations', () => {
    const { patterns, counts } = mixture(10_000);
    const result = expectationMaximisation({
      ...START,
      patterns,
      counts,
      u: [
        [0.1, 0.2, 0.7],
        [0.1, 0.2, 0.7],
        [0.5, 0.5],
      ],
      updateM: [true, true, true],
      updateU: [true, true, true],
      updateLambda: true,
      maxIterations: 3,
    });
    assert.equal(result.iterations, 3);
    assert.equal(result.converged, false);
    for (const row of [...result.m, ...result.u])
      assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-9);
  });
});
