import * as protocol from '@cdp/protocol';
import { describe, expect, it } from 'vitest';
import { defaultLifecycleStages } from './lifecycle.ts';

describe('default lifecycle stages', () => {
  it('are the five stages of @cdp/protocol, in order, for any purchase event', () => {
    expect(defaultLifecycleStages()).toEqual(protocol.defaultLifecycleStages());
    expect(defaultLifecycleStages('Paid')).toEqual(protocol.defaultLifecycleStages('Paid'));
    expect(defaultLifecycleStages().map((s) => s.name)).toEqual([
      '潜在客户',
      '新客户',
      '活跃客户',
      '沉默客户',
      '流失客户',
    ]);
  });

  it('are valid lifecycle specs', () => {
    const spec = protocol.LifecycleTagSpec.parse({ kind: 'lifecycle', stages: defaultLifecycleStages() });
    expect(spec.stages).toHaveLength(5);
  });
});
