import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { likelyE164, normalizePhone } from './normalize-phone.ts';

const MOBILE = { e164: '+8613800138000', valid: true, type: 'mobile', region: 'CN' };
const BEIJING_DESK = { e164: '+861065529988', valid: true, type: 'fixed-line', region: 'CN' };

describe('normalizePhone', () => {
  it('reads Chinese mobiles however the digits were typed', () => {
    const inputs: readonly unknown[] = [
      '13800138000',
      '+86 138 0013 8000',
      '+86 13800138000',
      '8613800138000',
      '86-138-0013-8000',
      '008613800138000',
      '0086-138-0013-8000',
      '138-0013-8000',
      '138.0013.8000',
      ' 138 0013 8000\t',
      '＋８６１３８００１３８０００',
      '１３８ ００１３ ８０００',
      '138－0013－8000',
      '138—0013—8000',
      'tel:+86-138-0013-8000',
      '\u200B13800138000',
      13800138000,
      8613800138000,
    ];
    for (const input of inputs) assert.deepEqual(normalizePhone(input), MOBILE, String(input));
  });

  it('reads landlines with area codes and drops extensions', () => {
    for (const input of [
      '(010) 6552 9988',
      '010-65529988',
      '+86 (0)10 6552 9988',
      '8610 65529988',
      '010-65529988转8001',
    ]) {
      assert.deepEqual(normalizePhone(input), BEIJING_DESK, input);
    }
    assert.equal(normalizePhone('021-6552 9988 ext. 12').e164, '+862165529988');
    assert.equal(normalizePhone('0755-8888 6666').e164, '+8675588886666');
  });

  it('reads numbers of other countries given with +, and national numbers in the default region', () => {
    const cases: ReadonlyArray<readonly [string, string, string, string]> = [
      ['+852 9123 4567', '+85291234567', 'mobile', 'HK'],
      ['+853 6612 3456', '+85366123456', 'mobile', 'MO'],
      ['+886 912 345 678', '+886912345678', 'mobile', 'TW'],
      ['+1 (650) 253-0000', '+16502530000', 'fixed-line-or-mobile', 'US'],
      ['0044 20 7946 0958', '+442079460958', 'fixed-line', 'GB'],
      ['+65 8123 4567', '+6581234567', 'mobile', 'SG'],
    ];
    for (const [input, e164, type, region] of cases) {
      assert.deepEqual(normalizePhone(input), { e164, valid: true, type, region }, input);
    }
    assert.equal(normalizePhone('9123 4567', 'hk').e164, '+85291234567');
    assert.equal(normalizePhone('020 7946 0958', 'GB').e164, '+442079460958');
  });

  it('types service numbers', () => {
    assert.equal(normalizePhone('800-810-8888').type, 'toll-free');
    assert.equal(normalizePhone('400-810-8888').type, 'other'); // shared-cost
  });

  it('flags placeholder numbers as junk', () => {
    const junk = [
      '11111111111',
      '00000000',
      '0000-0000',
      '12345678901',
      '1234567',
      '9876543210',
      '13800000000',
      '138 0000 0000',
      '13999999999',
      '+86 188 8888 8888',
      '+1 111 111 1111',
    ];
    for (const input of junk)
      assert.deepEqual(normalizePhone(input), { e164: null, valid: false, reason: 'junk' }, input);
  });

  it('refuses what is not one valid number', () => {
    const invalid: readonly unknown[] = [
      '1380013800',
      '138001380000',
      '13800138000/13900139000',
      '138OO138000',
      '手机13800138000',
      '95588',
      '65529988',
      '+999 1234 5678',
      1.5,
      true,
      {},
      [],
      Number.POSITIVE_INFINITY,
      '1'.padEnd(80, '2'),
    ];
    for (const input of invalid) {
      assert.deepEqual(normalizePhone(input), { e164: null, valid: false, reason: 'invalid' }, String(input));
    }
    assert.deepEqual(normalizePhone('13800138000', 'XX'), { e164: null, valid: false, reason: 'invalid' });
    for (const input of [null, undefined, '', '  ', '\u3000']) {
      assert.deepEqual(normalizePhone(input), { e164: null, valid: false, reason: 'empty' });
    }
  });

  it('never throws, and its E.164 output normalises to itself', () => {
    const phoneish = fc.string({
      unit: fc.constantFrom('1', '3', '8', '0', '6', '+', ' ', '-', '(', ')', '８', '转'),
    });
    const region = fc.constantFrom('CN', 'HK', 'US', 'GB', 'JP', 'ZZ', '');
    fc.assert(
      fc.property(fc.oneof(fc.anything(), phoneish, fc.string()), region, (input, defaultRegion) => {
        const first = normalizePhone(input, defaultRegion);
        assert.equal(first.valid, first.e164 !== null);
        if (first.e164 !== null) assert.deepEqual(normalizePhone(first.e164, defaultRegion), first);
      }),
      { numRuns: 2000 },
    );
  });

  it('likelyE164 guesses the E.164 of every valid number it has a shortcut for', () => {
    assert.equal(likelyE164('139 0000 1234'), '+8613900001234');
    assert.equal(likelyE164('139-0000-1234'), '+8613900001234');
    assert.equal(likelyE164('+8613900001234'), '+8613900001234');
    assert.equal(likelyE164('(010) 6552 9988'), null, 'no shortcut: the metadata decides');
    assert.equal(likelyE164('+810250000000'), null);
    assert.equal(likelyE164('13900001234', 'US'), null);
    const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
    const typed = fc.oneof(
      fc
        .tuple(fc.constantFrom('13', '14', '15', '16', '17', '18', '19', '10', '12'), digits(9))
        .map((p) => p.join('')),
      fc.tuple(fc.constantFrom('+86', '+1', '+44', '+852', '+81'), digits(10)).map((p) => p.join('')),
      fc.tuple(digits(3), digits(4), digits(4)).map((p) => `1${p.join(' ').slice(1)}`),
    );
    fc.assert(
      fc.property(typed, (input) => {
        const guess = likelyE164(input);
        const real = normalizePhone(input);
        if (guess !== null && real.valid) assert.equal(guess, real.e164, input);
      }),
      { numRuns: 3000 },
    );
  });
});
