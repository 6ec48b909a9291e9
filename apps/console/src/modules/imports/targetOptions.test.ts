import { describe, expect, it } from 'vitest';
import { encodeTarget } from './mapping.ts';
import { targetOptionGroups } from './targetOptions.ts';

describe('target options', () => {
  it('offers event fields except for profiles, and keeps suggested extras', () => {
    const points = encodeTarget({ trait: 'points', type: 'number' });
    const groups = targetOptionGroups('profiles', ['phone', 'email'], [points, '']);
    expect(groups.map((g) => g.group)).toEqual(['suggested', 'identifier', 'trait', 'field']);
    expect(groups[0]?.options[0]?.target).toEqual({ trait: 'points', type: 'number' });
    expect(groups[3]?.options.map((o) => o.target)).toEqual([{ field: 'timestamp' }]);
    const orders = targetOptionGroups('orders', ['phone'], [encodeTarget({ identifier: 'phone' })]);
    expect(orders.map((g) => g.group)).toEqual(['identifier', 'trait', 'field']);
    expect(orders[2]?.options.length).toBeGreaterThan(5);
  });
});
