import type { ValueTest } from '@cdp/protocol';
import { describe, expect, it } from 'vitest';
import {
  changeOperator,
  operandShape,
  operatorsFor,
  parseBound,
  parseScalar,
  toNumberTest,
  toTimeTest,
  VALUE_OPERATORS,
} from './operators.ts';

describe('value operators', () => {
  it('offers operators that fit the types seen in the data', () => {
    expect(operatorsFor(['boolean'])).toEqual([
      'equals',
      'not_equals',
      'exists',
      'not_exists',
      'is_true',
      'is_false',
    ]);
    expect(operatorsFor(['number'])).toContain('between');
    expect(operatorsFor(['number'])).not.toContain('contains');
    expect(operatorsFor(['string'])).toContain('birthday_within_next_days');
    expect(operatorsFor(['object'])).toBe(VALUE_OPERATORS);
    expect(operatorsFor(undefined)).toHaveLength(20);
  });

  it('types values by the chosen type, never by guessing', () => {
    expect(parseScalar('10', 'string')).toBe('10');
    expect(parseScalar('10', 'number')).toBe(10);
    expect(parseScalar('abc', 'number')).toBe(0);
    expect(parseScalar('true', 'boolean')).toBe(true);
    expect(parseBound('299.5')).toBe(299.5);
    expect(parseBound(' 2026-03-01 ')).toBe('2026-03-01');
  });

  it('keeps the operand when switching operators', () => {
    const eq: ValueTest = { operator: 'equals', value: '上海' };
    expect(changeOperator(eq, 'in')).toEqual({ operator: 'in', values: ['上海'] });
    expect(changeOperator({ operator: 'in', values: ['a', 'b'] }, 'not_in')).toEqual({
      operator: 'not_in',
      values: ['a', 'b'],
    });
    expect(changeOperator(eq, 'contains')).toEqual({ operator: 'contains', value: '上海' });
    expect(changeOperator({ operator: 'gt', value: 5 }, 'between')).toEqual({
      operator: 'between',
      from: 5,
      to: 5,
    });
    expect(changeOperator(eq, 'exists')).toEqual({ operator: 'exists' });
    expect(changeOperator({ operator: 'exists' }, 'equals', 'number')).toEqual({
      operator: 'equals',
      value: 0,
    });
    expect(changeOperator({ operator: 'within_last_days', days: 400 }, 'birthday_within_next_days')).toEqual({
      operator: 'birthday_within_next_days',
      days: 366,
    });
    expect(changeOperator(eq, 'within_last_days')).toEqual({ operator: 'within_last_days', days: 30 });
    for (const op of VALUE_OPERATORS) expect(changeOperator(eq, op).operator).toBe(op);
    expect(operandShape('between')).toBe('range');
  });

  it('converts number and time tests', () => {
    expect(toNumberTest({ operator: 'gt', value: 3 }, 'between')).toEqual({
      operator: 'between',
      from: 3,
      to: 3,
    });
    expect(toNumberTest({ operator: 'between', from: 1, to: 9 }, 'lte')).toEqual({
      operator: 'lte',
      value: 1,
    });
    expect(toTimeTest({ operator: 'gt', value: '2026-01-01' }, 'between')).toEqual({
      operator: 'between',
      from: '2026-01-01',
      to: '2026-01-01',
    });
    expect(toTimeTest({ operator: 'exists' }, 'within_last_days')).toEqual({
      operator: 'within_last_days',
      days: 30,
    });
  });
});
