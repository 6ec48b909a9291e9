import { type Comparisons, type CompiledField, compileFields } from './compare-records.ts';
import { estimateU } from './estimate-u.ts';
import { type EmInput, expectationMaximisation } from './expectation-maximisation.ts';
import type { MatchModel } from './fellegi-sunter.ts';
import type { MatchConfig } from './match-config.ts';
import type { MatchRecord } from './match-record.ts';

export interface EstimateOptions {
  /** Random record pairs sampled for u (default 200,000). */
  readonly sampleSize?: number;
  readonly seed?: number;
  readonly maxIterations?: number;
  readonly tolerance?: number;
}

/** One EM run over the pairs of one blocking rule, leaving out the fields that rule blocked on. */
export interface EmRun {
  readonly rule: string;
  readonly pairs: number;
  /** Estimated share of matches among the rule's pairs. */
  readonly lambda: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly estimatedFields: readonly string[];
}

export interface ParameterEstimate {
  readonly model: MatchModel;
  readonly runs: readonly EmRun[];
  /** Expected number of matches among all candidate pairs. */
  readonly expectedMatches: number;
}

/** Starting m: most matches agree fully, few fall in `else`, the rest spread over the middle. */
export function defaultM(levelCount: number): number[] {
  if (levelCount <= 2) return [0.9, 0.1].slice(0, levelCount);
  const middle = 0.2 / (levelCount - 2);
  return Array.from({ length: levelCount }, (_, l) =>
    l === 0 ? 0.75 : l === levelCount - 1 ? 0.05 : middle,
  );
}

function patternCounts(comparisons: Comparisons, ruleBits: number): Float64Array {
  const counts = new Float64Array(comparisons.patterns.length);
  const { rules, count } = comparisons.candidates;
  for (let k = 0; k < count; k++) if (rules[k] & ruleBits) counts[comparisons.patternOf[k]]++;
  return counts;
}

type Settings = Pick<EmInput, 'patterns' | 'u' | 'maxIterations' | 'tolerance' | 'updateU'>;

/** m per field: one EM run per blocking rule, averaged weighted by each run's expected matches. */
function estimateM(
  comparisons: Comparisons,
  fields: readonly CompiledField[],
  config: MatchConfig,
  settings: Settings,
) {
  const start = config.fields.map((field, f) => field.m ?? defaultM(fields[f].levels.length));
  const sums = fields.map((field) => field.levels.map(() => 0));
  const weights = fields.map(() => 0);
  const runs: EmRun[] = [];
  for (const [r, rule] of config.blocking.entries()) {
    const counts = patternCounts(comparisons, 2 ** r);
    const pairs = counts.reduce((a, b) => a + b, 0);
    if (pairs === 0) continue;
    const blocked = new Set(rule.key.map((part) => part.column));
    const use = fields.map((field) => !field.columns.some((column) => blocked.has(column)));
    const updateM = use.map((used, f) => used && config.fields[f].m === undefined);
    const result = expectationMaximisation({
      ...settings,
      counts,
      m: start,
      lambda: 0.1,
      use,
      updateM,
      updateLambda: true,
    });
    const expected = result.lambda * pairs;
    for (const [f, update] of updateM.entries()) {
      if (!update) continue;
      weights[f] += expected;
      for (const [l, p] of result.m[f].entries()) sums[f][l] += p * expected;
    }
    const { lambda, iterations, converged } = result;
    const estimatedFields = fields.filter((_, f) => updateM[f]).map((field) => field.name);
    runs.push({ rule: rule.name, pairs, lambda, iterations, converged, estimatedFields });
  }
  const m = start.map((row, f) => (weights[f] > 0 ? sums[f].map((s) => s / weights[f]) : row));
  return { m, runs };
}

/**
 * Estimates the model as Splink does: u from random record pairs; m by one EM run per blocking
 * rule over that rule's pairs, each run leaving out the fields whose columns the rule blocked on
 * (within a birth-date block every pair agrees on birth date, which says nothing), the m of a
 * field averaged over the runs that estimated it; then λ from the expected number of matches
 * among all candidates (EM on λ alone). m, u and λ given in the config are kept as given.
 */
export function estimateParameters(
  records: readonly MatchRecord[],
  comparisons: Comparisons,
  config: MatchConfig,
  options: EstimateOptions = {},
): ParameterEstimate {
  const { sampleSize = 200_000, seed = 1, maxIterations = 50, tolerance = 1e-5 } = options;
  const fields = compileFields(config.fields);
  const sampled = config.fields.every((field) => field.u) ? [] : estimateU(records, fields, sampleSize, seed);
  const u = config.fields.map((field, f) => field.u ?? sampled[f]);
  const settings: Settings = {
    patterns: comparisons.patterns,
    u,
    maxIterations,
    tolerance,
    updateU: fields.map(() => false),
  };
  const { m, runs } = estimateM(comparisons, fields, config, settings);

  const overall = expectationMaximisation({
    ...settings,
    counts: patternCounts(comparisons, 0xffffffff),
    m,
    lambda: 0.01,
    use: fields.map(() => true),
    updateM: fields.map(() => false),
    updateLambda: true,
  });
  const expectedMatches = overall.lambda * comparisons.candidates.count;
  const totalPairs = Math.max((records.length * (records.length - 1)) / 2, 1);
  const prior = config.prior ?? Math.min(Math.max(expectedMatches, 1) / totalPairs, 0.5);
  const model: MatchModel = {
    prior,
    fields: fields.map((field, f) => ({ name: field.name, levels: field.levels, m: m[f], u: u[f] })),
  };
  return { model, runs, expectedMatches };
}
