import { describe, expect, it } from 'vitest';
import en from './en.ts';
import zhCN from './zh-CN.ts';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [value];
  return Object.values(value).flatMap(leaves);
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
}

function lookup(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);
}

describe('i18n messages', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('every message is a non-empty string', () => {
    for (const v of [...leaves(zhCN), ...leaves(en)]) {
      expect(typeof v).toBe('string');
      expect((v as string).trim()).not.toBe('');
    }
  });

  it('translations use the same interpolation placeholders', () => {
    for (const key of keys(zhCN)) {
      expect(placeholders(lookup(en, key) as string), key).toEqual(placeholders(lookup(zhCN, key) as string));
    }
  });

  it('zh-CN and en actually differ for navigation labels', () => {
    expect(en.nav.sources).not.toBe(zhCN.nav.sources);
  });
});
