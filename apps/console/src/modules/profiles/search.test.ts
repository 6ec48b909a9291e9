import * as protocol from '@cdp/protocol';
import { describe, expect, it } from 'vitest';
import { readSearch, SEARCH_FIELDS, writeSearch } from './search.ts';

describe('profile search in the address', () => {
  it('lists the same fields as the protocol', () => {
    expect(SEARCH_FIELDS).toEqual(protocol.PROFILE_SEARCH_FIELDS);
  });

  it('round-trips and falls back to defaults for unknown values', () => {
    const search = { q: '138001', field: 'phone', match: 'exact' } as const;
    expect(readSearch(writeSearch(search))).toEqual(search);
    expect(writeSearch({ q: ' 王 ', field: 'any', match: 'prefix' }).toString()).toBe('q=%E7%8E%8B');
    expect(readSearch(new URLSearchParams('field=toString&match=fuzzy'))).toEqual({
      q: '',
      field: 'any',
      match: 'prefix',
    });
  });
});
