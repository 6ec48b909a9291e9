import { describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber, formatTime } from './format.ts';
import { parseJson, prettyJson } from './json.ts';

describe('format', () => {
  it('formats dates and tolerates bad input', () => {
    expect(formatDateTime(null, 'en')).toBe('');
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
    expect(formatDateTime('2025-01-02T03:04:05Z', 'en')).toMatch(/2025/);
    expect(formatTime('2025-01-02T03:04:05Z', 'zh-CN')).toMatch(/^\d\d:\d\d:05$/);
  });

  it('formats numbers with grouping', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
  });
});

describe('json helpers', () => {
  it('pretty prints and never throws', () => {
    expect(prettyJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(prettyJson(undefined)).toBe('undefined');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(prettyJson(cyclic)).toBe('[object Object]');
  });

  it('parses or reports an error', () => {
    expect(parseJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    const bad = parseJson('{a:1}');
    expect(bad.ok).toBe(false);
  });
});
