import type { IdentifierTypeDef } from '@cdp/protocol';
import { describe, expect, it } from 'vitest';
import {
  addType,
  isDirty,
  newTypeProblem,
  parseQualityMetric,
  parseTraitKeys,
  percent,
  removeType,
  sortTypes,
  toRules,
  updateType,
} from './rules.ts';

const base: IdentifierTypeDef[] = [
  { name: 'anonymous_id', priority: 10, maxPerProfile: 5, format: 'text', traitKeys: [], junkValues: [] },
  { name: 'user_id', priority: 100, maxPerProfile: 1, format: 'text', traitKeys: [], junkValues: ['0'] },
];

describe('identity rules editing', () => {
  it('sorts by priority', () => {
    expect(sortTypes(base).map((t) => t.name)).toEqual(['user_id', 'anonymous_id']);
  });

  it('updates priority and limit within bounds', () => {
    const next = updateType(base, 'user_id', { priority: 2000, maxPerProfile: 0 });
    expect(next[1]).toMatchObject({ priority: 1000, maxPerProfile: 1 });
    expect(next[0]).toBe(base[0]);
    expect(base[1]?.priority).toBe(100);
  });

  it('parses trait keys', () => {
    expect(parseTraitKeys(' taobao_nick, nick，nick\nwangwang ')).toEqual([
      'taobao_nick',
      'nick',
      'wangwang',
    ]);
    expect(parseTraitKeys('  ')).toEqual([]);
  });

  it('adds custom types and rejects bad names', () => {
    const input = {
      name: 'taobao_nick',
      format: 'text' as const,
      priority: 40,
      maxPerProfile: 3,
      traitKeys: '',
    };
    expect(newTypeProblem(base, { ...input, name: 'Bad Name' })).toBe('invalidName');
    expect(newTypeProblem(base, { ...input, name: 'user_id' })).toBe('duplicateName');
    expect(newTypeProblem(base, input)).toBeNull();
    const next = addType(base, input);
    expect(next).toHaveLength(3);
    expect(next[2]).toEqual({ ...input, traitKeys: ['taobao_nick'], junkValues: [] });
    expect(() => addType(next, input)).toThrow('duplicateName');
    expect(removeType(next, 'taobao_nick')).toHaveLength(2);
    expect(removeType(next, 'user_id')).toHaveLength(3);
    expect(isDirty(base, next)).toBe(true);
    expect(isDirty(base, toRules(base).types)).toBe(false);
  });

  it('reads quality metrics and probabilities', () => {
    expect(parseQualityMetric('invalid_phone')).toEqual({ kind: 'invalid', type: 'phone' });
    expect(parseQualityMetric('junk_identifier')).toEqual({ kind: 'junk_identifier' });
    expect(parseQualityMetric('weird')).toEqual({ kind: 'other', metric: 'weird' });
    expect(percent(0.9876)).toBe(98.8);
    expect(percent(2)).toBe(100);
  });
});
