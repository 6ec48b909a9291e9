import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compareEmail,
  compareNumeric,
  comparePhone,
  emailLevels,
  numericLevels,
  phoneLevels,
} from './compare-contact.ts';

describe('comparePhone', () => {
  const label = (a: string, b: string) => phoneLevels(8)[comparePhone(a, b, 8)];
  it('grades equal numbers, equal last 8 digits and one-digit slips', () => {
    assert.equal(label('+8613812345678', '+8613812345678'), 'exact');
    assert.equal(label('+8613812345678', '+8613912345678'), 'last_8_digits');
    assert.equal(label('+8613812345678', '+85212345678'), 'last_8_digits');
    assert.equal(label('+8613812345678', '+8613812345679'), 'one_typo');
    assert.equal(label('+8613812345678', '+8613812354678'), 'one_typo');
    assert.equal(label('+8613812345678', '+8615987654321'), 'else');
  });
});

describe('compareEmail', () => {
  const label = (a: string, b: string) => emailLevels[compareEmail(a, b)];
  it('grades equal addresses, the same mailbox elsewhere and local-part typos', () => {
    assert.equal(label('xiaoming88@qq.com', 'xiaoming88@qq.com'), 'exact');
    assert.equal(label('xiaoming88@qq.com', 'xiaoming88@163.com'), 'same_local_part');
    assert.equal(label('xiaoming.wang@qq.com', 'xiaomign.wang@qq.com'), 'similar_local_part');
    assert.equal(label('xiaoming88@qq.com', 'lina1990@qq.com'), 'else');
    assert.equal(label('@qq.com', '@163.com'), 'else');
  });
});

describe('compareNumeric', () => {
  it('grades by absolute difference and treats non-numbers as missing', () => {
    const windows = [0, 1, 5];
    const label = (a: string, b: string) => {
      const level = compareNumeric(a, b, windows);
      return level === null ? null : numericLevels(windows)[level];
    };
    assert.equal(label('170', '170'), 'exact');
    assert.equal(label('170', '171'), 'within_1');
    assert.equal(label('170', '166'), 'within_5');
    assert.equal(label('170', '150'), 'else');
    assert.equal(label('170', 'tall'), null);
    assert.equal(label('', '0'), null);
  });
});
