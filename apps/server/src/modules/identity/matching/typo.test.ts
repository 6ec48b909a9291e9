import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { oneTypoApart } from './typo.ts';

describe('oneTypoApart', () => {
  it('accepts one substitution or one swap of neighbours', () => {
    assert.equal(oneTypoApart('13812345678', '13812345679'), true);
    assert.equal(oneTypoApart('13812345678', '13812346578'), true);
    assert.equal(oneTypoApart('1990-03-12', '1990-03-21'), true);
  });

  it('rejects equal strings, two slips, distant swaps and length changes', () => {
    assert.equal(oneTypoApart('13812345678', '13812345678'), false);
    assert.equal(oneTypoApart('13812345678', '13812345600'), false);
    assert.equal(oneTypoApart('13812345678', '83812345671'), false);
    assert.equal(oneTypoApart('1381234567', '13812345678'), false);
  });
});
