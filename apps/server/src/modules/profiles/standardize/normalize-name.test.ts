import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeName } from './normalize-name.ts';

describe('normalizeName', () => {
  it('cleans names as typed at the till', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['王 小 明', '王小明'],
      ['  王\u3000小明 ', '王小明'],
      ['欧阳  娜娜', '欧阳娜娜'],
      ['John  Smith', 'John Smith'],
      ['\tJohn\nSmith ', 'John Smith'],
      ['Ｊｏｈｎ　Ｓｍｉｔｈ', 'John Smith'],
      ['李\u200B雷', '李雷'],
      ['阿沛・阿旺晋美', '阿沛·阿旺晋美'],
      ['约翰 · 史密斯', '约翰·史密斯'],
      ['迪丽热巴.迪力木拉提', '迪丽热巴·迪力木拉提'],
      ['张 Wei', '张 Wei'],
      ["O'Brien", "O'Brien"],
      ['Zoë Chen', 'Zoë Chen'],
    ];
    for (const [input, expected] of cases) assert.equal(normalizeName(input), expected, input);
  });

  it('returns null when no name is left', () => {
    for (const input of ['', '   ', '\u3000', '-', '...', '12345', null, undefined, 42, {}, ['王']]) {
      assert.equal(normalizeName(input), null, String(input));
    }
  });

  it('never throws, and is idempotent', () => {
    const nameish = fc.string({
      unit: fc.constantFrom('王', '小', ' ', '\u3000', 'Ａ', 'a', '・', '.', '\t', '\u200B'),
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), nameish, fc.string({ unit: 'grapheme' })), (input) => {
        const first = normalizeName(input);
        if (first !== null) assert.equal(normalizeName(first), first);
      }),
      { numRuns: 2000 },
    );
  });
});
