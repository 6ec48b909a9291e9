import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseIsoDate } from '../compare-date.ts';
import { toPinyin } from '../pinyin.ts';
import { seededRandom } from '../random.ts';
import { oneTypoApart } from '../typo.ts';
import { dateTypo, homophone, phoneTypo, swapDayMonth, typo } from './corrupt.ts';
import { GIVEN_CHARS, SURNAMES } from './people.data.ts';

describe('corruptions', () => {
  it('typo makes one substitution, deletion or transposition', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 2, maxLength: 10 }),
        fc.nat(),
        (text, seed) => {
          const changed = typo(text, 'abc', seededRandom(seed));
          const deleted = changed.length === text.length - 1;
          assert.ok(deleted || changed === text || oneTypoApart(text, changed), `${text} → ${changed}`);
        },
      ),
    );
  });

  it('phone and date slips stay one typo apart, and dates stay valid', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const random = seededRandom(seed);
        const phone = '+8613812345678';
        const slipped = phoneTypo(phone, random);
        assert.ok(oneTypoApart(phone, slipped) && slipped.startsWith('+86'), slipped);
        const date = dateTypo('1990-03-12', random);
        assert.ok(parseIsoDate(date) !== null && (date === '1990-03-12' || oneTypoApart('1990-03-12', date)));
      }),
    );
  });

  it('swaps day and month only when the result is a date', () => {
    assert.equal(swapDayMonth('1990-03-12'), '1990-12-03');
    assert.equal(swapDayMonth('1990-03-25'), '1990-03-25');
  });

  it('replaces a character by a homophone', () => {
    const random = seededRandom(7);
    const xiao = GIVEN_CHARS.find((c) => c.text === '小');
    assert.ok(xiao);
    assert.deepEqual(homophone(xiao, random), { text: '晓', pinyin: 'xiao' });
  });
});

describe('people.data', () => {
  it('spells every character as pinyin-pro reads it', () => {
    for (const s of SURNAMES) assert.equal(toPinyin(s.text, true), s.pinyin, s.text);
    for (const c of GIVEN_CHARS) assert.equal(toPinyin(c.text), c.pinyin, c.text);
    assert.equal(new Set(GIVEN_CHARS.map((c) => c.text)).size, GIVEN_CHARS.length);
  });
});
