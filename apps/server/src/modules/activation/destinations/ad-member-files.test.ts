import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { encodeDmpData, oceanEngineMemberFile, tencentMemberFile } from './ad-member-files.ts';
import { decodeDmpData } from './ad-peers.test-helper.ts';

describe('Tencent Ads member file', () => {
  it('is a zip holding one id per line', () => {
    const zip = tencentMemberFile(['aa', 'bb', 'cc']);
    const entries = unzipSync(zip);
    assert.deepEqual(Object.keys(entries), ['users.txt']);
    assert.equal(strFromU8(entries['users.txt']), 'aa\nbb\ncc\n');
  });
});

describe('Ocean Engine member file', () => {
  it('encodes DmpData with the required dataType, also when it is 0 (IMEI)', () => {
    const bytes = encodeDmpData([
      { dataType: 'IMEI', id: '356145080566857' },
      { dataType: 'MOBILE_HASH_SHA256', id: 'ab'.repeat(32) },
    ]);
    assert.deepEqual(decodeDmpData(bytes), [
      { dataType: 0, id: '356145080566857' },
      { dataType: 6, id: 'ab'.repeat(32) },
    ]);
    // field 1, length 19: field 2 = 0, field 3 = 15 bytes
    assert.deepEqual([...bytes.subarray(0, 6)], [0x0a, 19, 0x10, 0, 0x1a, 15]);
  });

  it('zips base64 lines of at most 10,000 ids each', () => {
    const items = Array.from({ length: 25_000 }, (_, i) => ({
      dataType: 'IDFA' as const,
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    }));
    const entries = unzipSync(oceanEngineMemberFile(items));
    const lines = strFromU8(entries['dmp.txt']).trimEnd().split('\n');
    assert.equal(lines.length, 3);
    const decoded = lines.map((line) => decodeDmpData(Buffer.from(line, 'base64')));
    assert.deepEqual(
      decoded.map((d) => d.length),
      [10_000, 10_000, 5_000],
    );
    assert.deepEqual(decoded.flat()[24_999], { dataType: 1, id: items[24_999].id });
  });
});
