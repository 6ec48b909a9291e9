import { describe, expect, it } from 'vitest';
import { exportUrl } from './export.ts';

describe('exportUrl', () => {
  it('puts the format, identifier types and traits in the query', () => {
    expect(
      exportUrl('aud_1', { format: 'xlsx', identifiers: ['phone', 'email'], traits: ['city', '会员 等级'] }),
    ).toBe(
      '/api/v1/audiences/aud_1/export?format=xlsx&identifiers=phone%2Cemail&traits=city%2C%E4%BC%9A%E5%91%98+%E7%AD%89%E7%BA%A7',
    );
    expect(exportUrl('a/b', { format: 'csv', identifiers: [], traits: [] })).toBe(
      '/api/v1/audiences/a%2Fb/export?format=csv',
    );
  });
});
