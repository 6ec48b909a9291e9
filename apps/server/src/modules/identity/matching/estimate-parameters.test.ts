import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { candidatePairs } from './candidate-pairs.ts';
import { comparePairs, compileFields } from './compare-records.ts';
import { generateMatchingDataset } from './dataset/generate-dataset.ts';
import { defaultM, estimateParameters } from './estimate-parameters.ts';
import { estimateU } from './estimate-u.ts';
import type { MatchConfig } from './match-config.ts';
import { PERSON_MATCH_CONFIG } from './person-match-config.ts';

const { records } = generateMatchingDataset({ records: 1500, seed: 11 });

function estimate(config: MatchConfig) {
  const fields = compileFields(config.fields);
  const comparisons = comparePairs(
    records,
    candidatePairs(records, config.blocking, config.maxBlockSize),
    fields,
  );
  return estimateParameters(records, comparisons, config, { sampleSize: 20_000 });
}

describe('estimateParameters', () => {
  it('runs EM per blocking rule, leaving out the fields the rule blocks on', () => {
    const result = estimate(PERSON_MATCH_CONFIG);
    const byRule = Object.fromEntries(result.runs.map((r) => [r.rule, r.estimatedFields]));
    assert.ok(!byRule.birth_date.includes('birth_date'));
    assert.ok(!byRule.phone_last_4.includes('phone'));
    assert.ok(!byRule.name_prefix_city.includes('name') && !byRule.name_prefix_city.includes('city'));
    assert.ok(byRule.birth_date.includes('name'));
    assert.ok(result.model.prior > 0 && result.model.prior < 0.01);
  });

  it('keeps m, u and the prior given in the config', () => {
    const [name, ...rest] = PERSON_MATCH_CONFIG.fields;
    const m = [0.5, 0.2, 0.1, 0.1, 0.05, 0.05];
    const u = [0.01, 0.01, 0.01, 0.02, 0.05, 0.9];
    const result = estimate({ ...PERSON_MATCH_CONFIG, prior: 0.001, fields: [{ ...name, m, u }, ...rest] });
    assert.deepEqual(result.model.fields[0].m, m);
    assert.deepEqual(result.model.fields[0].u, u);
    assert.equal(result.model.prior, 0.001);
    assert.ok(result.runs.every((r) => !r.estimatedFields.includes('name')));
  });

  it('starts from sensible m: strong agreement likely, else unlikely', () => {
    assert.deepEqual(defaultM(2), [0.9, 0.1]);
    const m = defaultM(5);
    assert.ok(Math.abs(m.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    assert.ok(m[0] > m[1] && m[1] > m[4]);
  });
});

describe('estimateU', () => {
  it('is a distribution per field, deterministic for a seed, with no zero level', () => {
    const fields = compileFields(PERSON_MATCH_CONFIG.fields);
    const u = estimateU(records, fields, 10_000, 3);
    assert.deepEqual(estimateU(records, fields, 10_000, 3), u);
    for (const row of u) {
      assert.ok(Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-9);
      assert.ok(row.every((p) => p > 0));
      assert.ok(row[row.length - 1] > 0.5, 'random pairs mostly disagree');
    }
  });
});
