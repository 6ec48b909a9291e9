import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mostFrequent } from './most-frequent.ts';

describe('mostFrequent', () => {
  it('takes the value seen most often', () => {
    assert.equal(
      mostFrequent([
        { value: '鞋', at: 1 },
        { value: '包', at: 5 },
        { value: '鞋', at: 2 },
      ]),
      '鞋',
    );
  });
  it('breaks a tie by the most recent occurrence, whatever the input order', () => {
    const occurrences = [
      { value: 'food', at: 30 },
      { value: 'toys', at: 10 },
      { value: 'toys', at: 20 },
      { value: 'food', at: 5 },
    ];
    assert.equal(mostFrequent(occurrences), 'food');
    assert.equal(mostFrequent([...occurrences].reverse()), 'food');
  });
  it('then by the smaller value: numbers by size, text by code points', () => {
    assert.equal(
      mostFrequent([
        { value: 'b', at: 1 },
        { value: 'a', at: 1 },
      ]),
      'a',
    );
    assert.equal(
      mostFrequent([
        { value: 10, at: 1 },
        { value: 9, at: 1 },
      ]),
      9,
    );
    assert.equal(
      mostFrequent([
        { value: 'Z', at: 1 },
        { value: 'a', at: 1 },
      ]),
      'Z',
    );
  });
  it('has no value without occurrences', () => {
    assert.equal(mostFrequent([]), undefined);
  });
});
