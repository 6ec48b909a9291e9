import { describe, expect, it } from 'vitest';
import { asOfInstant, formatTagValue, parseTagValue, valueText } from './values.ts';

describe('tag values', () => {
  it('parses form text as a value of the tag type, keeping what is not one as text', () => {
    expect(parseTagValue(' 是 ', 'boolean')).toBe(true);
    expect(parseTagValue('FALSE', 'boolean')).toBe(false);
    expect(parseTagValue('12.5', 'number')).toBe(12.5);
    expect(parseTagValue('-3', 'number')).toBe(-3);
    expect(parseTagValue('12 元', 'number')).toBe('12 元');
    expect(parseTagValue('42', 'string')).toBe('42');
    expect(parseTagValue('2026-03-01', 'datetime')).toBe('2026-03-01');
    expect(parseTagValue('  ', 'string')).toBeNull();
  });

  it('turns values back into form text and display text', () => {
    expect(valueText(null)).toBe('');
    expect(valueText(false)).toBe('false');
    expect(valueText(3)).toBe('3');
    const words = { yes: '是', no: '否' };
    expect(formatTagValue(true, 'zh-CN', words)).toBe('是');
    expect(formatTagValue(1234.567, 'en', words)).toBe('1,234.57');
    expect(formatTagValue('高价值', 'en', words)).toBe('高价值');
  });

  it('reads a picked day as its end, or as now while the day lasts', () => {
    const now = new Date('2026-03-10T08:00:00Z');
    expect(asOfInstant(new Date('2026-03-09T23:59:59.999Z'), now)).toBe('2026-03-09T23:59:59.999Z');
    expect(asOfInstant(new Date('2026-03-10T23:59:59.999Z'), now)).toBeUndefined();
    expect(asOfInstant(null, now)).toBeUndefined();
  });
});
