import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultLifecycleStages, TagSpec } from '@cdp/protocol';
import { realtimeProblem, tagLineage, valueTypeProblem } from './tag-spec.ts';

describe('valueTypeProblem', () => {
  it('points at the rule value whose type differs', () => {
    const spec = TagSpec.parse({
      kind: 'rule',
      rules: [
        { value: 1, definition: { kind: 'trait', trait: 'a', test: { operator: 'exists' } } },
        { value: 'two', definition: { kind: 'trait', trait: 'b', test: { operator: 'exists' } } },
      ],
    });
    assert.deepEqual(valueTypeProblem('number', spec)?.path, 'spec.rules.1.value');
    const first = TagSpec.parse({
      kind: 'rule',
      rules: [{ value: 1, definition: { kind: 'trait', trait: 'a', test: { operator: 'exists' } } }],
    });
    assert.equal(valueTypeProblem('number', first), null);
  });
  it('knows what each kind gives', () => {
    assert.ok(valueTypeProblem('number', TagSpec.parse({ kind: 'rfm' })));
    assert.equal(valueTypeProblem('string', TagSpec.parse({ kind: 'lifecycle' })), null);
    const count = TagSpec.parse({ kind: 'computed', function: 'count', event: 'x' });
    assert.ok(valueTypeProblem('string', count));
    assert.equal(valueTypeProblem('number', count), null);
    const single = TagSpec.parse({
      kind: 'rule',
      definition: { kind: 'trait', trait: 'a', test: { operator: 'exists' } },
    });
    assert.ok(valueTypeProblem('string', single), 'one definition gives booleans');
  });
});

describe('tagLineage', () => {
  it('collects what the definitions read, and the aggregated events', () => {
    const lifecycle = tagLineage(
      TagSpec.parse({ kind: 'lifecycle', stages: defaultLifecycleStages('Paid') }),
    );
    assert.deepEqual([lifecycle.events, lifecycle.timeRelative], [['Paid'], true]);
    const rule = tagLineage(
      TagSpec.parse({
        kind: 'rule',
        definition: {
          kind: 'and',
          conditions: [
            { kind: 'trait', trait: 'city', test: { operator: 'equals', value: '上海' } },
            { kind: 'tag', tag: 'tag_x', test: { operator: 'exists' } },
          ],
        },
      }),
    );
    assert.deepEqual(
      [rule.traits, rule.tags, rule.events, rule.timeRelative],
      [['city'], ['tag_x'], [], false],
    );
    const anyEvent = tagLineage(TagSpec.parse({ kind: 'computed', function: 'count' }));
    assert.equal(anyEvent.anyEvent, true);
  });
});

describe('realtimeProblem', () => {
  it('keeps population-ranked RFM off the realtime path', () => {
    assert.ok(realtimeProblem(TagSpec.parse({ kind: 'rfm' }), { mode: 'realtime' }));
    assert.equal(
      realtimeProblem(TagSpec.parse({ kind: 'rfm' }), { mode: 'scheduled', intervalMinutes: 60 }),
      null,
    );
  });
});
