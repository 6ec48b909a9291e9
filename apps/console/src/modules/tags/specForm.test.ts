import type { Tag } from '@cdp/protocol';
import * as protocol from '@cdp/protocol';
import { describe, expect, it } from 'vitest';
import { COMPUTED_FUNCTIONS, TAG_KINDS, TAG_STATUSES, TAG_VALUE_TYPES } from './options.ts';
import {
  formFromTag,
  impliedValueType,
  newTagForm,
  previewBody,
  specOf,
  type TagForm,
  tagBody,
} from './specForm.ts';

const bought = { kind: 'event', event: 'Order Completed', measure: { type: 'did' } } as const;
const group = (...conditions: protocol.Condition[]) => ({ kind: 'and', conditions }) as const;

const tag = (over: Partial<Tag>): Tag => ({
  id: 'tag_1',
  name: '累计消费',
  categoryId: 'tcat_1',
  owner: '运营',
  description: '近 30 天',
  valueType: 'number',
  spec: { kind: 'imported' },
  update: { mode: 'scheduled', intervalMinutes: 60 },
  timeZone: 'Asia/Shanghai',
  status: 'active',
  lineage: {
    events: [],
    anyEvent: false,
    traits: [],
    tags: [],
    audiences: [],
    identifierTypes: [],
    timeRelative: false,
  },
  lastComputedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  createdBy: null,
  updatedAt: '2026-01-01T00:00:00Z',
  updatedBy: null,
  ...over,
});

describe('tag form ↔ API spec', () => {
  it('mirrors the protocol lists', () => {
    expect(TAG_KINDS).toEqual(protocol.TagSpec.options.map((o) => o.shape.kind.value));
    expect(TAG_VALUE_TYPES).toEqual(protocol.TAG_VALUE_TYPES);
    expect(TAG_STATUSES).toEqual(protocol.TAG_STATUSES);
    expect(COMPUTED_FUNCTIONS).toEqual(protocol.COMPUTED_FUNCTIONS);
  });

  it('gives a valid spec of every kind from a new form', () => {
    const base = { ...newTagForm(), name: '标签' };
    const forms: TagForm[] = [
      { ...base, rule: { ...base.rule, root: group(bought) } },
      { ...base, kind: 'computed', computed: { ...base.computed, fn: 'sum' } },
      { ...base, kind: 'rfm' },
      { ...base, kind: 'lifecycle' },
      { ...base, kind: 'imported', valueType: 'string' },
    ];
    for (const form of forms) expect(protocol.CreateTagBody.safeParse(tagBody(form)).error).toBeUndefined();
  });

  it('builds the sum of revenue in the last 30 days, and count without a path', () => {
    const base = newTagForm();
    const form: TagForm = { ...base, kind: 'computed', computed: { ...base.computed, fn: 'sum' } };
    expect(specOf(form)).toEqual({
      kind: 'computed',
      event: 'Order Completed',
      function: 'sum',
      path: ['revenue'],
      window: { type: 'last_days', days: 30 },
    });
    expect(specOf({ ...form, computed: { ...form.computed, fn: 'count' } })).not.toHaveProperty('path');
    expect(impliedValueType(form)).toBe('number');
    expect(impliedValueType({ ...form, computed: { ...form.computed, fn: 'last_value' } })).toBeNull();
  });

  it('types ordered rule values and the default by the value type, dropping empty groups', () => {
    const base = newTagForm();
    const form: TagForm = {
      ...base,
      valueType: 'number',
      rule: {
        mode: 'ordered',
        root: base.rule.root,
        cases: [
          { value: '2', root: group(bought, group()) },
          { value: '1', root: group() },
        ],
        defaultValue: '0',
      },
    };
    expect(specOf(form)).toEqual({
      kind: 'rule',
      rules: [
        { value: 2, definition: group(bought) },
        { value: 1, definition: group() },
      ],
      defaultValue: 0,
    });
    expect(previewBody(form).valueType).toBe('number');
    expect(impliedValueType({ ...form, rule: { ...form.rule, mode: 'single' } })).toBe('boolean');
  });

  it('sends the RFM thresholds only when scoring by thresholds, and no default stage when blank', () => {
    const base = newTagForm();
    const rfm = specOf({ ...base, kind: 'rfm', rfm: { ...base.rfm, method: 'thresholds' } });
    expect(rfm).toMatchObject({ scoring: { method: 'thresholds', recencyDays: [30, 90, 180, 365] } });
    expect(specOf({ ...base, kind: 'rfm' })).toMatchObject({ scoring: { method: 'quantile' } });
    expect(specOf({ ...base, kind: 'lifecycle' })).toMatchObject({ defaultStage: null });
  });

  it('reads a saved tag back into the same body', () => {
    const specs: Tag['spec'][] = [
      { kind: 'rule', definition: bought, defaultValue: null },
      {
        kind: 'rule',
        rules: [{ value: '高', definition: group(bought) }],
        defaultValue: '低',
      },
      {
        kind: 'computed',
        event: 'Order Completed',
        function: 'max',
        path: ['revenue'],
        window: { type: 'ever' },
      },
      {
        kind: 'rfm',
        event: 'Paid',
        amountPath: ['amount', 'cny'],
        windowDays: 90,
        scoring: {
          method: 'thresholds',
          recencyDays: [1, 2, 3, 4],
          frequency: [1, 2, 3, 4],
          monetary: [1, 2, 3, 4],
        },
        highScore: 4,
      },
      { kind: 'lifecycle', stages: [{ name: '活跃', definition: group(bought) }], defaultStage: '其他' },
    ];
    for (const spec of specs) {
      const valueType =
        spec.kind === 'rule' && spec.definition ? 'boolean' : spec.kind === 'computed' ? 'number' : 'string';
      const saved = tag({ spec, valueType });
      const body = tagBody(formFromTag(saved));
      expect(body).toMatchObject({ name: saved.name, owner: '运营', categoryId: 'tcat_1', valueType });
      expect(body.update).toEqual({ mode: 'scheduled', intervalMinutes: 60 });
      const expected =
        spec.kind === 'rule' && spec.definition ? { kind: 'rule', definition: group(bought) } : spec;
      expect(body.spec).toEqual(expected);
    }
  });
});
