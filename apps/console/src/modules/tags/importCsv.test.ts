import { describe, expect, it } from 'vitest';
import { csvFields, parseImportCsv } from './importCsv.ts';

describe('CSV of imported tag values', () => {
  it('splits fields on commas and tabs, with quotes', () => {
    expect(csvFields('a, b ,c')).toEqual(['a', 'b', 'c']);
    expect(csvFields('13800138000\t高价值')).toEqual(['13800138000', '高价值']);
    expect(csvFields('"a,b","say ""hi"""')).toEqual(['a,b', 'say "hi"']);
  });

  it('reads two-column lines with the chosen identifier type, skipping blank lines', () => {
    expect(parseImportCsv('13800138000,VIP\n\n13900139000,普通\n', 'phone')).toEqual({
      rows: [
        { line: 1, identifierType: 'phone', identifier: '13800138000', value: 'VIP' },
        { line: 3, identifierType: 'phone', identifier: '13900139000', value: '普通' },
      ],
      badLines: [],
    });
  });

  it('reads three-column lines and a header in any order, reporting short lines', () => {
    const text = '\uFEFFvalue,identifier_type,identifier\r\n5,user_id,u-1\r\n7,email\r\n';
    expect(parseImportCsv(text, 'phone')).toEqual({
      rows: [{ line: 2, identifierType: 'user_id', identifier: 'u-1', value: '5' }],
      badLines: [3],
    });
    expect(parseImportCsv('user_id,u-2,true\nonlyone', 'phone')).toEqual({
      rows: [{ line: 1, identifierType: 'user_id', identifier: 'u-2', value: 'true' }],
      badLines: [2],
    });
  });

  it('uses the chosen type when a header names no identifier_type', () => {
    expect(parseImportCsv('identifier,value\nu-3,1', 'user_id').rows).toEqual([
      { line: 2, identifierType: 'user_id', identifier: 'u-3', value: '1' },
    ]);
  });
});
