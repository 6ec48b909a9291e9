import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeEmail } from './normalize-email.ts';

describe('normalizeEmail', () => {
  it('cleans addresses as customers and cashiers type them', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['  ZhangSan@QQ.com ', 'zhangsan@qq.com'],
      ['ｚｈａｎｇｓａｎ＠ｑｑ．ｃｏｍ', 'zhangsan@qq.com'], // full-width IME input
      ['li.na@163。com', 'li.na@163.com'], // ideographic full stop
      ['<wang.wei@126.com>', 'wang.wei@126.com'],
      ['"chen@sina.cn"', 'chen@sina.cn'],
      ['“chen@sina.cn”', 'chen@sina.cn'],
      ['mailto:Liu@Example.COM.cn', 'liu@example.com.cn'],
      ['MAILTO:<zhao@foxmail.com>', 'zhao@foxmail.com'],
      ['王芳 <wangfang@139.com>', 'wangfang@139.com'],
      ['zhou @ gmail . com', 'zhou@gmail.com'],
      ['sun@qq.com；', 'sun@qq.com'],
      ['sun@qq.com.', 'sun@qq.com'],
      ['\u200Bzhu@yeah.net\uFEFF', 'zhu@yeah.net'], // zero-width space and BOM from copy-paste
      ['a+promo@gmail.com', 'a+promo@gmail.com'],
      ['shop@例子.中国', 'shop@xn--fsqu00a.xn--fiqs8s'], // IDN domain to ASCII
      ['shop@xn--fsqu00a.xn--fiqs8s', 'shop@xn--fsqu00a.xn--fiqs8s'],
    ];
    for (const [input, expected] of cases) {
      assert.deepEqual(normalizeEmail(input), { value: expected, valid: true }, input);
    }
  });

  it('flags bad syntax but keeps the cleaned value', () => {
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['zhangsan#qq.com', 'zhangsan#qq.com'],
      ['zhangsan@qq', 'zhangsan@qq'],
      ['zhang san@qq.com', 'zhang san@qq.com'],
      ['a..b@qq.com', 'a..b@qq.com'],
      ['张三@qq.com', '张三@qq.com'], // UTF-8 local parts are refused
      ['@qq.com', '@qq.com'],
      ['lee@', 'lee@'],
      ['lee@[10.0.0.1]', 'lee@[10.0.0.1]'],
      ['!@,#', '!@,#'], // a broken domain is not IDN-converted (found by the idempotence property)
      ['13800138000', '13800138000'], // a phone number typed into the e-mail box
      ['a@b@qq.com', 'a@b@qq.com'],
      [`${'x'.repeat(65)}@qq.com`, `${'x'.repeat(65)}@qq.com`], // local part over 64
      [`a${' '.repeat(600)}b@qq.com`, `a${' '.repeat(600)}b@qq.com`], // too long to clean up
    ];
    for (const [input, expected] of cases) {
      assert.deepEqual(normalizeEmail(input), { value: expected, valid: false, reason: 'syntax' }, input);
    }
  });

  it('flags placeholder addresses as junk', () => {
    const junk = [
      'test@test.com',
      'TEST@qq.com',
      'a@a.com',
      '1@1.com',
      'qq@qq.com',
      '163@163.com',
      'noreply@brand.cn',
      'no-reply@brand.cn',
      'do_not_reply@brand.cn',
      'null@qq.com',
      'none@163.com',
      'xxx@xxx.com',
      'meiyou@qq.com',
      'someone@example.com',
      'li@shop.test',
      'aaaa@qq.com',
      '000000@qq.com',
      '12345@qq.com',
      '123456789@qq.com',
    ];
    for (const input of junk) {
      const r = normalizeEmail(input);
      assert.equal(r.valid, false, input);
      assert.equal(r.reason, 'junk', input);
      assert.equal(r.value, input.toLowerCase());
    }
  });

  it('keeps real QQ-number and short addresses', () => {
    for (const input of [
      '10086123@qq.com',
      'a@qq.com',
      'ab@163.com',
      'wu@brand.cn',
      'na@163.com',
      'john@johnsmith.com',
    ]) {
      assert.equal(normalizeEmail(input).valid, true, input);
    }
  });

  it('treats missing and non-text input as empty or bad syntax', () => {
    for (const input of [undefined, null, '', '   ', '\u3000', '<>', '""']) {
      assert.deepEqual(normalizeEmail(input), { value: null, valid: false, reason: 'empty' }, String(input));
    }
    for (const input of [{}, ['a@qq.com'], true, Number.NaN]) {
      assert.deepEqual(normalizeEmail(input), { value: null, valid: false, reason: 'syntax' });
    }
  });

  it('never throws and is idempotent on any input', () => {
    const emailish = fc.oneof(
      fc.emailAddress(),
      fc.string({
        unit: fc.constantFrom('a', 'Ａ', '@', '＠', '.', '。', ' ', '<', '>', '"', 'é', '中', '-'),
      }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), emailish, fc.string({ unit: 'grapheme' })), (input) => {
        const first = normalizeEmail(input);
        if (first.value !== null) assert.deepEqual(normalizeEmail(first.value), first);
        if (first.valid) assert.equal(first.value, first.value?.toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });
});
