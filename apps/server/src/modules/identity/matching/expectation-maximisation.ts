import type { ComparisonVector } from './compare-records.ts';

type Table = readonly (readonly number[])[];

export interface EmInput {
  /** Distinct comparison vectors and how many pairs have each. */
  readonly patterns: readonly ComparisonVector[];
  readonly counts: Float64Array;
  /** Starting m and u per field and level, and the starting share of matches among the pairs. */
  readonly m: Table;
  readonly u: Table;
  readonly lambda: number;
  /** Fields that count as evidence (a field the pairs were blocked on says nothing and is left out). */
  readonly use: readonly boolean[];
  readonly updateM: readonly boolean[];
  readonly updateU: readonly boolean[];
  readonly updateLambda: boolean;
  readonly maxIterations: number;
  readonly tolerance: number;
}

export interface EmResult {
  readonly m: Table;
  readonly u: Table;
  readonly lambda: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** Probabilities never reach 0, which would make a weight infinite. */
const FLOOR = 1e-6;

function normalise(row: number[]): number[] {
  const floored = row.map((p) => Math.max(p, FLOOR));
  const total = floored.reduce((a, b) => a + b, 0);
  return floored.map((p) => p / total);
}

/** P(match) of each pattern under the current parameters (log-odds form, for stability). */
function expectation(input: EmInput, m: Table, u: Table, lambda: number): Float64Array {
  const posterior = new Float64Array(input.patterns.length);
  for (const [i, vector] of input.patterns.entries()) {
    let logOdds = Math.log(lambda / (1 - lambda));
    for (const [f, level] of vector.entries()) {
      if (level !== null && input.use[f]) logOdds += Math.log(m[f][level] / u[f][level]);
    }
    posterior[i] = 1 / (1 + Math.exp(-logOdds));
  }
  return posterior;
}

/** New level distribution of each field, from pairs weighted by `weightOf(pattern)`. */
function maximisation(
  input: EmInput,
  weightOf: (i: number) => number,
  old: Table,
  update: readonly boolean[],
) {
  return old.map((row, f) => {
    if (!update[f] || !input.use[f]) return row;
    const sums = row.map(() => 0);
    for (const [i, vector] of input.patterns.entries()) {
      const level = vector[f];
      if (level !== null) sums[level] += weightOf(i);
    }
    const total = sums.reduce((a, b) => a + b, 0);
    return total > 0 ? normalise(sums.map((s) => s / total)) : row;
  });
}

const maxChange = (a: Table, b: Table) =>
  Math.max(0, ...a.flatMap((row, f) => row.map((p, l) => Math.abs(p - b[f][l]))));

/**
 * Expectation-Maximisation for the Fellegi-Sunter mixture, as Splink does it: the E-step gives
 * each comparison pattern its probability of being a match; the M-step re-estimates m (and u, λ
 * when asked) from those soft labels. With u fixed from random pairs the two classes cannot swap.
 */
export function expectationMaximisation(input: EmInput): EmResult {
  let { m, u, lambda } = input;
  for (let iteration = 1; iteration <= input.maxIterations; iteration++) {
    const posterior = expectation(input, m, u, lambda);
    const matchWeightOf = (i: number) => input.counts[i] * posterior[i];
    const nextM = maximisation(input, matchWeightOf, m, input.updateM);
    const nextU = maximisation(input, (i) => input.counts[i] * (1 - posterior[i]), u, input.updateU);
    let nextLambda = lambda;
    if (input.updateLambda) {
      let matches = 0;
      let total = 0;
      for (let i = 0; i < posterior.length; i++) {
        matches += matchWeightOf(i);
        total += input.counts[i];
      }
      nextLambda = Math.min(Math.max(matches / total, FLOOR), 1 - FLOOR);
    }
    const change = Math.max(maxChange(m, nextM), maxChange(u, nextU), Math.abs(lambda - nextLambda));
    [m, u, lambda] = [nextM, nextU, nextLambda];
    if (change < input.tolerance) return { m, u, lambda, iterations: iteration, converged: true };
  }
  return { m, u, lambda, iterations: input.maxIterations, converged: false };
}
