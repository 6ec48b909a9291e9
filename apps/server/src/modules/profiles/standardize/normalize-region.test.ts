import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeCity, normalizeProvince } from './normalize-region.ts';
import { CITIES, PROVINCES } from './regions.data.ts';

const OFFICIAL = new Set(PROVINCES.map((p) => p.name));

describe('regions data', () => {
  it('has all 34 province-level divisions, each once', () => {
    const names = [...OFFICIAL];
    assert.equal(names.length, 34);
    assert.equal(PROVINCES.length, 34);
    const count = (suffix: string) => names.filter((n) => n.endsWith(suffix)).length;
    assert.equal(count('省'), 23);
    assert.equal(count('自治区'), 5);
    assert.equal(count('市'), 4);
    assert.equal(count('特别行政区'), 2);
    assert.ok(
      names.includes('台湾省') && names.includes('广西壮族自治区') && names.includes('新疆维吾尔自治区'),
    );
  });

  it('has a capital or city for every division, each city in a known division', () => {
    for (const c of CITIES) assert.ok(OFFICIAL.has(c.province), c.name);
    assert.equal(new Set(CITIES.map((c) => c.province)).size, 34);
    assert.equal(new Set(CITIES.map((c) => c.name)).size, CITIES.length);
    assert.ok(CITIES.length >= 34 + 40);
  });
});

describe('normalizeProvince', () => {
  it('reads short names, abbreviations, pinyin and English', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['广东', '广东省'],
      ['广东省', '广东省'],
      ['粤', '广东省'],
      ['Guangdong', '广东省'],
      ['GUANGDONG PROVINCE', '广东省'],
      [' 上海 ', '上海市'],
      ['沪', '上海市'],
      ['Shanghai Shi', '上海市'],
      ['Beijing Municipality', '北京市'],
      ['广西', '广西壮族自治区'],
      ['广西省', '广西壮族自治区'],
      ['Guangxi Zhuang Autonomous Region', '广西壮族自治区'],
      ['内蒙', '内蒙古自治区'],
      ['Inner Mongolia', '内蒙古自治区'],
      ['Tibet', '西藏自治区'],
      ['新疆', '新疆维吾尔自治区'],
      ['Ningxia Hui Autonomous Region', '宁夏回族自治区'],
      ['Shanxi', '山西省'],
      ['Shaanxi', '陕西省'],
      ['HK', '香港特别行政区'],
      ['Hong Kong SAR', '香港特别行政区'],
      ['中国香港', '香港特别行政区'],
      ['Macao', '澳门特别行政区'],
      ['中国台湾', '台湾省'],
      ['ｇｕａｎｇｄｏｎｇ', '广东省'],
      ['黑龙江', '黑龙江省'],
    ];
    for (const [input, value] of cases)
      assert.deepEqual(normalizeProvince(input), { value, known: true }, input);
    for (const p of PROVINCES) assert.deepEqual(normalizeProvince(p.name), { value: p.name, known: true });
  });

  it('does not guess ambiguous or unknown input', () => {
    for (const input of ['宁', '青', '新', '火星', 'Ontario', '广东深圳']) {
      assert.deepEqual(normalizeProvince(input), { value: input, known: false }, input);
    }
    assert.deepEqual(normalizeProvince('  火星  省 '), { value: '火星 省', known: false });
    for (const input of ['', '  ', null, {}])
      assert.deepEqual(normalizeProvince(input), { value: null, known: false });
  });
});

describe('normalizeCity', () => {
  it('finds the official name and the province', () => {
    const shenzhen = { value: '深圳市', known: true, province: '广东省' };
    for (const input of [
      '深圳',
      '深圳市',
      'Shenzhen',
      'SHENZHEN CITY',
      'shen zhen',
      '广东深圳',
      '广东省深圳市',
      'Shenzhen, Guangdong',
      '中国深圳',
    ]) {
      assert.deepEqual(normalizeCity(input), shenzhen, input);
    }
    assert.deepEqual(normalizeCity('北京'), { value: '北京市', known: true, province: '北京市' });
    assert.deepEqual(normalizeCity("Xi'an"), { value: '西安市', known: true, province: '陕西省' });
    assert.deepEqual(normalizeCity('Urumqi'), {
      value: '乌鲁木齐市',
      known: true,
      province: '新疆维吾尔自治区',
    });
    assert.deepEqual(normalizeCity('吉林'), { value: '吉林市', known: true, province: '吉林省' });
    assert.deepEqual(normalizeCity('Hong Kong'), {
      value: '香港特别行政区',
      known: true,
      province: '香港特别行政区',
    });
    for (const c of CITIES)
      assert.deepEqual(normalizeCity(c.name), { value: c.name, known: true, province: c.province });
  });

  it('does not guess shared spellings, wrong provinces or unknown cities', () => {
    for (const input of [
      'Taizhou',
      'Suzhou',
      'Fuzhou',
      '浙江深圳',
      '宿州',
      '上海市浦东新区',
      'Springfield',
    ]) {
      assert.deepEqual(normalizeCity(input), { value: input, known: false }, input);
    }
    assert.equal(normalizeCity('台州').province, '浙江省');
    assert.equal(normalizeCity('泰州').province, '江苏省');
  });

  it('never throws, and both functions are idempotent', () => {
    const spellings = [
      ...PROVINCES.flatMap((p) => [p.name, p.short, ...p.english]),
      ...CITIES.flatMap((c) => [c.name, ...c.english]),
    ];
    const regionish = fc.oneof(
      fc.constantFrom(...spellings),
      fc.string({ unit: fc.constantFrom('广', '东', '省', '市', ' ', 'a', '深', '圳') }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), regionish, fc.string({ unit: 'grapheme' })), (input) => {
        const province = normalizeProvince(input);
        if (province.value !== null) assert.deepEqual(normalizeProvince(province.value), province);
        const city = normalizeCity(input);
        if (city.value !== null) assert.deepEqual(normalizeCity(city.value), city);
        if (city.province)
          assert.deepEqual(normalizeProvince(city.province), { value: city.province, known: true });
      }),
      { numRuns: 2000 },
    );
  });
});
