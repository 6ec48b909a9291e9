import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTagValue, uploadedRows } from './import-rows.ts';

describe('uploadedRows', () => {
  it('reads CSV columns in any order, numbering rows like a spreadsheet', () => {
    const csv = '\uFEFFValue,Identifier_Type,identifier\r\n金卡,phone,13800138000\r\n\r\n银卡,email\r\n';
    const { rows, rejected } = uploadedRows({ mode: 'replace', csv });
    assert.deepEqual(rows, [{ row: 2, identifierType: 'phone', identifier: '13800138000', value: '金卡' }]);
    assert.deepEqual(rejected, [
      { row: 4, reason: 'missing_column', identifierType: 'email', identifier: '' },
    ]);
  });
  it('refuses a header without the three columns', () => {
    assert.throws(
      () => uploadedRows({ mode: 'replace', csv: 'phone,value\n1,2' }),
      /identifier_type, identifier/,
    );
  });
});

describe('parseTagValue', () => {
  it('reads values as the tag type, or refuses them', () => {
    assert.equal(parseTagValue(' 是 ', 'boolean'), true);
    assert.equal(parseTagValue('0', 'boolean'), false);
    assert.equal(parseTagValue('maybe', 'boolean'), null);
    assert.equal(parseTagValue('1.5e3', 'number'), 1500);
    assert.equal(parseTagValue('12abc', 'number'), null);
    assert.equal(parseTagValue('', 'number'), null);
    assert.equal(parseTagValue('2026-05-01', 'datetime'), '2026-05-01');
    assert.equal(parseTagValue('2026-02-30', 'datetime'), null);
    assert.equal(parseTagValue(42, 'string'), '42');
    assert.equal(parseTagValue('  ', 'string'), null);
  });
});
