import type { JourneyDefinition } from '@cdp/protocol';
import { ENTRY_ID, type JourneySettings } from './graph.ts';

/* For tests only: a journey using every kind of step and output (graph and edit tests). */

export const settings: JourneySettings = {
  entry: { type: 'audience', audienceId: 'aud_vip' },
  exitWhen: { kind: 'trait', trait: 'unsubscribed', test: { operator: 'is_true' } },
  goal: { match: { event: 'Order Completed' }, withinDays: 7, revenuePath: ['revenue'] },
  holdoutPercent: 10,
};

/** entry → wait for an order (timeout → split) → A/B → send / update → exit */
export const definition: JourneyDefinition = {
  ...settings,
  start: 'wait_1',
  steps: [
    {
      kind: 'wait',
      id: 'wait_1',
      wait: {
        type: 'event',
        match: { event: 'Order Completed' },
        timeoutMinutes: 1440,
        timeoutNext: 'split_1',
      },
      next: 'exit_1',
    },
    {
      kind: 'split',
      id: 'split_1',
      condition: { kind: 'trait', trait: 'level', test: { operator: 'equals', value: 'vip' } },
      yes: 'ab_1',
      no: null,
    },
    {
      kind: 'ab',
      id: 'ab_1',
      branches: [
        { name: 'A', percent: 60, next: 'send_1' },
        { name: 'B', percent: 40, next: 'update_1' },
      ],
    },
    {
      kind: 'send',
      id: 'send_1',
      destinationId: 'dst_sms',
      data: { title: '你好 {{ traits.name }}' },
      next: 'exit_1',
    },
    {
      kind: 'update',
      id: 'update_1',
      set: { type: 'tag', tagId: 'coupon', value: true },
      next: 'exit_1',
    },
    { kind: 'exit', id: 'exit_1' },
  ],
  layout: {
    [ENTRY_ID]: { x: 0, y: 0 },
    wait_1: { x: 0, y: 150 },
    split_1: { x: 200, y: 300 },
    ab_1: { x: 200, y: 450 },
    send_1: { x: 100, y: 600 },
    update_1: { x: 300, y: 600 },
    exit_1: { x: 0, y: 750 },
  },
};
