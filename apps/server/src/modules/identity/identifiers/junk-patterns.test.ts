import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRepeatedChar, isSequentialDigits } from './junk-patterns.ts';

describe('isRepeatedChar', () => {
  it('is true for one character repeated, false otherwise', () => {
    for (const s of ['a', '0000000', '11111111111', '啊啊啊', '𠮷𠮷'])
      assert.equal(isRepeatedChar(s), true, s);
    for (const s of ['', 'ab', '13800138000', '00000001']) assert.equal(isRepeatedChar(s), false, s);
  });
});

describe('isSequentialDigits', () => {
  it('finds ascending and descending runs, wrapping 9 to 0', () => {
    for (const s of ['123456', '12345678901', '0123456789', '9876543210', '3210987']) {
      assert.equal(isSequentialDigits(s, 6), true, s);
    }
  });

  it('ignores short runs, mixed directions, repeats and non-digits', () => {
    for (const s of ['12345', '1234565', '111111', '13800138000', '12345a', '']) {
      assert.equal(isSequentialDigits(s, 6), false, s);
    }
  });
});
