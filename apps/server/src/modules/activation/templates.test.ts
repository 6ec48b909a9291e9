import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PermanentError } from './destination.ts';
import { checkTemplate, renderTemplate, TEMPLATE_OUTPUT_LIMIT } from './templates.ts';

const scope = {
  profile: { id: 'prof_1', traits: { name: '张三', city: '上海' } },
  data: { coupon: 'SPRING', items: [{ sku: 'a1', title: '茶叶' }] },
};

/** Asserts the render fails as a permanent error whose message contains `fragment`. */
async function rejectsWith(template: string, fragment: string): Promise<PermanentError> {
  const caught = await renderTemplate(template, scope).then(
    (out) => assert.fail(`rendered ${out.slice(0, 100)}`),
    (err: unknown) => err,
  );
  assert.ok(caught instanceof PermanentError, `expected PermanentError, got ${String(caught)}`);
  assert.match(caught.message, new RegExp(fragment));
  return caught;
}

describe('renderTemplate', () => {
  it('renders variables, filters and loops', async () => {
    const out = await renderTemplate(
      '{{ data.coupon | downcase }}:{% for i in data.items %}{{ i.sku }}{% endfor %}:{{ missing.x }}.',
      scope,
    );
    assert.equal(out, 'spring:a1:.');
  });

  it('keeps Chinese text intact, in the template and in values', async () => {
    const out = await renderTemplate('您好，{{ profile.traits.name }}（{{ profile.traits.city }}）', scope);
    assert.equal(out, '您好，张三（上海）');
  });

  it('writes JSON with | json, unescaped and parseable', async () => {
    const out = await renderTemplate(
      '{"who":{{ profile.traits.name | json }},"items":{{ data.items | json }}}',
      scope,
    );
    assert.deepEqual(JSON.parse(out), { who: '张三', items: [{ sku: 'a1', title: '茶叶' }] });
    assert.ok(out.includes('茶叶'), 'Chinese text is not escaped');
  });

  it('reads own properties only', async () => {
    const out = await renderTemplate(
      '[{{ profile.constructor }}][{{ profile.__proto__ }}][{{ data.items.first.toString }}][{{ profile.id }}]',
      scope,
    );
    assert.equal(out, '[][][][prof_1]');
  });

  it('cannot read files with include, render or layout', async () => {
    for (const template of [
      "{% include '/etc/passwd' %}",
      "{% include '../../../../../etc/passwd' %}",
      "{% render 'x' %}",
      "{% render '/etc/hostname' %}",
      "{% layout '/etc/passwd' %}x",
    ]) {
      const err = await rejectsWith(template, 'ENOENT');
      assert.ok(!err.message.includes('root:'), template);
    }
  });

  it('refuses an unknown filter', async () => {
    await rejectsWith("{{ 'a' | shell: 'ls' }}", 'undefined filter: shell');
    assert.throws(() => checkTemplate("{{ 'a' | shell }}"), /undefined filter/);
  });

  it('refuses a template that does not parse', async () => {
    await rejectsWith('{% if %}', 'template:');
    assert.throws(() => checkTemplate('{% for x in y %}'), /not closed/);
    assert.doesNotThrow(() => checkTemplate('{{ profile.traits.name }}'));
  });

  it('stops a runaway loop at the render limit', async () => {
    const started = performance.now();
    await rejectsWith(
      '{% for a in (1..100000) %}{% for b in (1..100000) %}x{% endfor %}{% endfor %}',
      'limit',
    );
    assert.ok(performance.now() - started < 3_000, 'stopped within the render limit');
  });

  it('stops a huge range before it is built', async () => {
    await rejectsWith('{% for i in (1..100000000) %}x{% endfor %}', 'memory alloc limit');
  });

  it('stops a string that doubles itself', async () => {
    await rejectsWith(
      "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}",
      'memory alloc limit',
    );
  });

  it('bounds the output', async () => {
    const big = { s: 'y'.repeat(1_000) };
    const fits = await renderTemplate('{% for i in (1..1000) %}{{ s }}{% endfor %}', big);
    assert.equal(fits.length, TEMPLATE_OUTPUT_LIMIT);
    await assert.rejects(
      renderTemplate('{% for i in (1..1001) %}{{ s }}{% endfor %}', big),
      (err: unknown) => err instanceof PermanentError && /output longer than/.test(err.message),
    );
  });
});
