import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import jaroWinkler from 'jaro-winkler';
import {
  compareJaroWinkler,
  comparePersonName,
  jaroWinklerLevels,
  personNameLevels,
} from './compare-text.ts';

const T = [0.94, 0.88];
const nameLevel = (a: [string | null, string | null], b: [string | null, string | null]) =>
  personNameLevels(T)[comparePersonName({ surname: a[0], given: a[1] }, { surname: b[0], given: b[1] }, T)];

describe('Jaro-Winkler (the jaro-winkler package)', () => {
  it('gives the published reference values', () => {
    const cases: ReadonlyArray<readonly [string, string, number]> = [
      ['MARTHA', 'MARHTA', 0.961],
      ['DWAYNE', 'DUANE', 0.84],
      ['DIXON', 'DICKSONX', 0.813],
      ['JONES', 'JOHNSON', 0.832],
      ['ABC', 'ABC', 1],
      ['ABC', 'XYZ', 0],
    ];
    for (const [a, b, expected] of cases)
      assert.equal(jaroWinkler(a, b).toFixed(3), expected.toFixed(3), `${a}/${b}`);
  });

  it('is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const s = jaroWinkler(a, b);
        assert.ok(s >= 0 && s <= 1);
        assert.equal(s, jaroWinkler(b, a));
      }),
    );
  });

  it('maps similarity to levels: exact, ≥0.94, ≥0.88, else', () => {
    const label = (a: string, b: string) => jaroWinklerLevels(T)[compareJaroWinkler(a, b, T)];
    assert.equal(label('MARTHA', 'MARTHA'), 'exact');
    assert.equal(label('MARTHA', 'MARHTA'), 'jaro_winkler>=0.94');
    assert.equal(label('JONES', 'JONSE'), 'jaro_winkler>=0.94');
    assert.equal(label('DWAYNE', 'DUANE'), 'else');
    assert.equal(label('CHENXIAOMING', 'CHENXIAOMIN'), 'jaro_winkler>=0.94');
    assert.equal(label('ABC', 'XYZ'), 'else');
  });
});

describe('comparePersonName', () => {
  it('tells exact, homophone, script and order differences apart', () => {
    assert.equal(nameLevel(['王', '小明'], ['王', '小明']), 'exact');
    assert.equal(nameLevel(['王', '小明'], ['王', '晓明']), 'same_pinyin');
    assert.equal(nameLevel(['王', '小明'], ['Wang', 'Xiaoming']), 'same_pinyin');
    assert.equal(nameLevel(['WANG', 'XIAO MING'], ['王', '小明']), 'same_pinyin');
    assert.equal(nameLevel(['单', '雄信'], ['Shan', 'Xiongxin']), 'same_pinyin');
    assert.equal(nameLevel(['小明', '王'], ['王', '小明']), 'surname_given_swapped');
    assert.equal(nameLevel(['Xiaoming', 'Wang'], ['王', '小明']), 'surname_given_swapped');
    assert.equal(nameLevel(['Wang', 'Xiaomng'], ['王', '小明']), 'pinyin_jaro_winkler>=0.94');
    assert.equal(nameLevel(['王', '小'], ['王', '小明']), 'pinyin_jaro_winkler>=0.88');
    assert.equal(nameLevel(['王', '小明'], ['李', '娜']), 'else');
  });

  it('works on a single full-name column', () => {
    assert.equal(nameLevel(['王小明', null], ['王晓明', null]), 'same_pinyin');
    assert.equal(nameLevel(['王小明', null], ['Wang Xiaoming', null]), 'same_pinyin');
  });

  it('is symmetric', () => {
    const part = fc.constantFrom('王', '汪', '小明', '晓明', 'Wang', 'Xiaoming', '李', '娜', 'Li', null);
    fc.assert(
      fc.property(part, part, part, part, (s1, g1, s2, g2) => {
        const a = { surname: s1, given: g1 };
        const b = { surname: s2, given: g2 };
        assert.equal(comparePersonName(a, b, T), comparePersonName(b, a, T));
      }),
    );
  });
});
