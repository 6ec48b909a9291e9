import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBoolean, parseCurrency, parseNumber, parseProducts, readValue } from './parse-value.ts';

describe('parse-value', () => {
  it('reads money as exports write it', () => {
    const cases: ReadonlyArray<readonly [unknown, number | null]> = [
      ['1234.5', 1234.5],
      ['1,234.50', 1234.5],
      ['¥88', 88],
      ['￥８８.００', 88],
      ['88元', 88],
      ['RMB 88', 88],
      ['-12', -12],
      [12.5, 12.5],
      ['1,23', null],
      ['abc', null],
      ['', null],
      [Number.NaN, null],
    ];
    for (const [input, expected] of cases) assert.equal(parseNumber(input), expected, String(input));
  });

  it('reads booleans, currencies and products', () => {
    assert.deepEqual(['是', 'Y', 'true', '否', '0', 'maybe'].map(parseBoolean), [
      true,
      true,
      true,
      false,
      false,
      null,
    ]);
    assert.deepEqual(['cny', '人民币', 'RMB', 'usd', 'yuan'].map(parseCurrency), [
      'CNY',
      'CNY',
      'CNY',
      'USD',
      null,
    ]);
    assert.deepEqual(parseProducts('[{"sku":"A"}]'), [{ sku: 'A' }]);
    assert.equal(parseProducts('[1]'), null);
    assert.equal(parseProducts('A x2'), null);
  });

  it('reads a cell as its type, blank being empty for every type', () => {
    assert.deepEqual(readValue('  ', 'number'), { empty: true });
    assert.deepEqual(readValue(' 金卡  会员 '), { value: '金卡 会员' });
    assert.deepEqual(readValue(42), { value: 42 });
    assert.deepEqual(readValue('2024年3月5日', 'date'), { value: '2024-03-05' });
    assert.deepEqual(readValue('2030-01-01', 'date'), { value: '2030-01-01' });
    assert.deepEqual(readValue('x', 'number'), { invalid: 'number' });
  });
});
