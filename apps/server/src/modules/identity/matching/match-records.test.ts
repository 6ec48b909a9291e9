import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateMatchingDataset } from './dataset/generate-dataset.ts';
import { evaluateMatches } from './evaluate-matches.ts';
import { exactRuleMatches } from './exact-rule-matches.ts';
import { explainPair, matchRecords } from './match-records.ts';
import { PERSON_MATCH_CONFIG } from './person-match-config.ts';

const dataset = generateMatchingDataset({ records: 5000, seed: 42 });
const run = matchRecords(dataset.records, PERSON_MATCH_CONFIG);
const evaluation = evaluateMatches(run.pairs, dataset);

describe('matchRecords on 5,000 generated person records', () => {
  it('auto-merges with precision ≥ 0.95 and recall ≥ 0.80', () => {
    const { precision, recall } = evaluation.autoMerge;
    assert.ok(precision >= 0.95, `precision ${precision}`);
    assert.ok(recall >= 0.8, `recall ${recall}`);
    assert.ok(evaluation.autoOrReview.recall >= 0.95, `recall with review ${evaluation.autoOrReview.recall}`);
    assert.ok(evaluation.clusters.precision >= 0.95, `cluster precision ${evaluation.clusters.precision}`);
  });

  it('beats the naive rule (same name and birth date) on F1', () => {
    const baseline = evaluateMatches(
      exactRuleMatches(dataset.records, ['surname', 'given_name', 'birth_date']),
      dataset,
    );
    assert.ok(
      evaluation.autoMerge.f1 > baseline.autoMerge.f1 + 0.1,
      `${evaluation.autoMerge.f1} vs ${baseline.autoMerge.f1}`,
    );
  });

  it('finds nearly every true pair among the candidates and skips no block', () => {
    const { left, right, count } = run.candidates;
    let found = 0;
    for (let k = 0; k < count; k++) if (dataset.entities[left[k]] === dataset.entities[right[k]]) found++;
    assert.ok(found / evaluation.truePairs > 0.98, `blocking recall ${found / evaluation.truePairs}`);
    assert.deepEqual(run.candidates.skippedBlocks, []);
  });

  it('estimates m > u on agreeing levels and m < u on else', () => {
    for (const field of run.estimate.model.fields) {
      const last = field.levels.length - 1;
      assert.ok(field.m[0] > 10 * field.u[0], `${field.name} ${field.levels[0]}`);
      assert.ok(field.m[last] < field.u[last], `${field.name} else`);
      for (const row of [field.m, field.u]) assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-9);
    }
    const name = run.estimate.model.fields.find((f) => f.name === 'name');
    assert.ok(name && name.m[1] > name.u[1], 'same pinyin agrees');
    assert.ok(run.estimate.runs.every((r) => r.converged));
    const expected = run.estimate.expectedMatches / evaluation.truePairs;
    assert.ok(expected > 0.8 && expected < 1.5, `expected matches ${run.estimate.expectedMatches}`);
  });

  it('explains every pair: field weights sum to its score', () => {
    assert.ok(run.pairs.length > 1000);
    for (const pair of run.pairs) {
      const sum = pair.explanation.reduce((s, part) => s + part.weight, 0);
      assert.ok(Math.abs(sum - pair.score) < 1e-9);
      assert.deepEqual(
        pair.explanation.map((part) => part.field),
        ['name', 'birth_date', 'phone', 'email', 'city', 'address'],
      );
    }
    const byId = new Map(dataset.records.map((r) => [r.id, r]));
    const top = run.pairs[0];
    const again = explainPair(
      byId.get(top.left)!,
      byId.get(top.right)!,
      PERSON_MATCH_CONFIG,
      run.estimate.model,
    );
    assert.deepEqual(again.explanation, top.explanation);
  });

  it('is deterministic: the same seed gives the same pairs, scores and model', () => {
    const small = generateMatchingDataset({ records: 1500, seed: 3 });
    const first = matchRecords(small.records, PERSON_MATCH_CONFIG, { seed: 5 });
    const second = matchRecords(
      generateMatchingDataset({ records: 1500, seed: 3 }).records,
      PERSON_MATCH_CONFIG,
      {
        seed: 5,
      },
    );
    assert.deepEqual(second.pairs, first.pairs);
    assert.deepEqual(second.estimate, first.estimate);
  });
});
