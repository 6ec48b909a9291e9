import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Definition, MAX_DEPTH } from './definitions.ts';

const messages = (input: unknown) =>
  Definition.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
const trait = (name: string, test: unknown = { operator: 'exists' }) => ({
  kind: 'trait',
  trait: name,
  test,
});

describe('Definition', () => {
  it('accepts names in Chinese, with digits, spaces, _ - . $', () => {
    // `$1` is a legal name: names travel as parameters, never as SQL text.
    for (const name of ['城市', 'order_count', 'Order Completed', '$email', 'a-b.c', '会员等级2', '$1'])
      assert.deepEqual(messages(trait(name)), [], name);
  });

  it('rejects hostile or odd names and says which name is wrong', () => {
    for (const name of [
      "x'; drop table profiles; --",
      'a"b',
      'a\\b',
      'a\u0000b',
      'a’b',
      '%',
      '  ',
      '',
      'x'.repeat(129),
    ])
      assert.match(
        messages(trait(name)).join(),
        /^trait: trait name must (be 1–128|not be blank)/,
        JSON.stringify(name),
      );
    const event = { kind: 'event', event: 'a/b', measure: { type: 'did' } };
    assert.match(messages(event).join(), /^event: event name must be/);
    const path = {
      kind: 'event',
      where: [{ path: ['ok', "it's"], test: { operator: 'exists' } }],
      measure: { type: 'did' },
    };
    assert.match(messages(path).join(), /^where\.0\.path\.1: property path key must be/);
    assert.match(
      messages({ kind: 'tag', tag: 'a;b', test: { operator: 'exists' } }).join(),
      /^tag: tag id must be/,
    );
  });

  it('rejects non-finite numbers, NUL in text, empty lists, mixed between bounds and bad dates', () => {
    assert.notDeepEqual(messages(trait('a', { operator: 'gt', value: Number.POSITIVE_INFINITY })), []);
    assert.notDeepEqual(messages(trait('a', { operator: 'equals', value: Number.NaN })), []);
    assert.match(messages(trait('a', { operator: 'equals', value: 'a\u0000' })).join(), /NUL/);
    assert.notDeepEqual(messages(trait('a', { operator: 'in', values: [] })), []);
    assert.match(
      messages(trait('a', { operator: 'between', from: 1, to: '2026-01-01' })).join(),
      /two numbers/,
    );
    assert.match(messages(trait('a', { operator: 'lt', value: '2026-02-30' })).join(), /ISO-8601/);
    assert.notDeepEqual(messages({ kind: 'and', conditions: [] }), []);
  });

  it('bounds depth and size, also for input too deep to walk recursively', () => {
    let tree: unknown = trait('a');
    for (let i = 1; i < MAX_DEPTH; i++) tree = { kind: 'not', condition: tree };
    assert.deepEqual(messages(tree), []);
    assert.match(messages({ kind: 'not', condition: tree }).join(), /11 levels deep; at most 10/);
    assert.match(
      messages({ kind: 'and', conditions: Array.from({ length: 200 }, () => trait('a')) }).join(),
      /201 nodes; at most 200/,
    );
    let deep: unknown = trait('a');
    for (let i = 0; i < 100_000; i++) deep = { kind: 'not', condition: deep };
    assert.match(messages(deep).join(), /nested too deeply/);
  });
});
