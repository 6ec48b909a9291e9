import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockingKey } from './blocking-key.ts';
import type { BlockingRule } from './match-config.ts';

describe('blockingKey', () => {
  const rule: BlockingRule = {
    name: 'surname_year_phone',
    key: [
      { column: 'surname', transform: 'pinyin' },
      { column: 'birth_date', first: 4 },
      { column: 'phone', last: 4 },
    ],
  };

  it('joins the parts, reading names as pinyin and cutting first/last characters', () => {
    const chinese = { id: 'a', surname: '王', birth_date: '1990-03-12', phone: '+8613812345678' };
    const pinyin = { id: 'b', surname: 'Wang', birth_date: '1990-12-03', phone: '+8613900005678' };
    assert.equal(blockingKey(chinese, rule), blockingKey(pinyin, rule));
    assert.equal(blockingKey(chinese, rule), 'wang\u001f1990\u001f5678');
  });

  it('is null when any part is missing or empty', () => {
    assert.equal(blockingKey({ id: 'a', surname: '王', birth_date: null, phone: '+86138' }, rule), null);
    assert.equal(blockingKey({ id: 'a', surname: '王', phone: '+86138' }, rule), null);
    assert.equal(blockingKey({ id: 'a', surname: '--', birth_date: '1990', phone: '1' }, rule), null);
  });
});
