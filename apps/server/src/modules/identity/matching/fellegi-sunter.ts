import type { ComparisonVector } from './compare-records.ts';

/** P(level | match) and P(level | non-match) for each level of one field. */
export interface FieldParameters {
  readonly name: string;
  readonly levels: readonly string[];
  readonly m: readonly number[];
  readonly u: readonly number[];
}

/** A Fellegi-Sunter model: per-field parameters and λ, the probability two random records match. */
export interface MatchModel {
  readonly fields: readonly FieldParameters[];
  readonly prior: number;
}

/** A field's part in a score, so a reviewer sees why a pair scored as it did. */
export interface FieldContribution {
  readonly field: string;
  /** Level label, `null` when a value was missing (neutral, weight 0). */
  readonly level: string | null;
  /** log2(m / u) of the level. */
  readonly weight: number;
}

export interface ScoredComparison {
  /** Sum of the field weights (the prior not included). */
  readonly score: number;
  readonly probability: number;
  readonly explanation: readonly FieldContribution[];
}

export const matchWeight = (m: number, u: number): number => Math.log2(m / u);

export const priorWeight = (prior: number): number => Math.log2(prior / (1 - prior));

/** Match probability of a pair whose field weights sum to `score`, under `prior`. */
export function matchProbability(score: number, prior: number): number {
  return 1 / (1 + 2 ** -(priorWeight(prior) + score));
}

export function scoreComparison(vector: ComparisonVector, model: MatchModel): ScoredComparison {
  const explanation = model.fields.map((field, f): FieldContribution => {
    const level = vector[f];
    if (level === null) return { field: field.name, level: null, weight: 0 };
    return {
      field: field.name,
      level: field.levels[level],
      weight: matchWeight(field.m[level], field.u[level]),
    };
  });
  const score = explanation.reduce((sum, part) => sum + part.weight, 0);
  return { score, probability: matchProbability(score, model.prior), explanation };
}
