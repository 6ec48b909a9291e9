import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeGender } from './normalize-gender.ts';

describe('normalizeGender', () => {
  it('reads Chinese, English and GB/T 2261.1 codes', () => {
    for (const input of [
      '男',
      '男性',
      '先生',
      ' 男士 ',
      'M',
      'm',
      'Male',
      'MALE',
      'man',
      'Mr.',
      '1',
      1,
      '１',
    ]) {
      assert.equal(normalizeGender(input), 'male', String(input));
    }
    for (const input of ['女', '女性', '女士', '小姐', 'F', 'female', 'Woman', 'Ms', 'Mrs.', '2', 2, '２']) {
      assert.equal(normalizeGender(input), 'female', String(input));
    }
  });

  it('is unknown for 0, 9, refusals and anything unrecognised', () => {
    for (const input of [
      '0',
      0,
      '9',
      '未知',
      '保密',
      '',
      '  ',
      'x',
      'males',
      '男女',
      null,
      undefined,
      true,
      {},
      3,
    ]) {
      assert.equal(normalizeGender(input), 'unknown', String(input));
    }
  });

  it('never throws, and is idempotent', () => {
    const words = fc.constantFrom('男', '女', 'M', 'f', 'Female', '1', '2', '0', '先生', 'x');
    fc.assert(
      fc.property(fc.oneof(fc.anything(), words), (input) => {
        const first = normalizeGender(input);
        assert.equal(normalizeGender(first), first);
      }),
    );
  });
});
