import type { LifecycleStage } from '@cdp/protocol';

/**
 * The default lifecycle stages over a purchase event, first that holds wins: 潜在客户 (never bought),
 * 新客户 (first purchase in 30 days), 活跃客户 (last within 90), 沉默客户 (within 180), 流失客户.
 * Mirrors `defaultLifecycleStages` of @cdp/protocol (a test keeps them equal) without shipping zod.
 */
export function defaultLifecycleStages(event = 'Order Completed'): LifecycleStage[] {
  const last = (operator: 'within_last_days' | 'more_than_days_ago', days: number) =>
    ({ kind: 'event', event, measure: { type: 'last', test: { operator, days } } }) as const;
  return [
    { name: '潜在客户', definition: { kind: 'event', event, measure: { type: 'did_not' } } },
    {
      name: '新客户',
      definition: {
        kind: 'event',
        event,
        measure: { type: 'first', test: { operator: 'within_last_days', days: 30 } },
      },
    },
    { name: '活跃客户', definition: last('within_last_days', 90) },
    { name: '沉默客户', definition: last('within_last_days', 180) },
    { name: '流失客户', definition: last('more_than_days_ago', 180) },
  ];
}
