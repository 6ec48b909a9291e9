import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import type { DeliveryProfile } from '../destination.ts';
import {
  classifyDeviceId,
  md5Hex,
  normalizeAdEmail,
  normalizeChinaMobile,
  normalizeMetaPhone,
  openIdFor,
  sha256Hex,
} from './ad-hashing.ts';
import { metaRows, metaSchema } from './ad-meta.ts';
import { oceanEngineIdentifiers } from './ad-oceanengine.ts';
import { tencentIdentifiers } from './ad-tencent.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const md5 = (s: string) => createHash('md5').update(s).digest('hex');

const profile = (identifiers: Array<[string, string]>): DeliveryProfile => ({
  id: 'prof_1',
  traits: {},
  identifiers: identifiers.map(([type, value]) => ({ type, value })),
});

describe('identifier normalisation', () => {
  it('normalises e-mail as Meta documents: trimmed and lower-cased', () => {
    assert.equal(normalizeAdEmail(' John.Doe@Example.COM '), 'john.doe@example.com');
    assert.equal(normalizeAdEmail('no-at-sign'), null);
  });

  it('keeps digits with country code and no + or leading zeros for Meta phones', () => {
    assert.equal(normalizeMetaPhone('+86 138-0013-8000'), '8613800138000');
    assert.equal(normalizeMetaPhone('+1 (650) 555-1212'), '16505551212');
    assert.equal(normalizeMetaPhone('0086 138 0013 8000'), '8613800138000');
    assert.equal(normalizeMetaPhone('12'), null);
  });

  it('reduces mainland mobiles to the bare 11 digits for the Chinese platforms', () => {
    assert.equal(normalizeChinaMobile('+86 138-0013-8000'), '13800138000');
    assert.equal(normalizeChinaMobile('+8613800138000'), '13800138000');
    assert.equal(normalizeChinaMobile('008613800138000'), '13800138000');
    assert.equal(normalizeChinaMobile('13800138000'), '13800138000');
    assert.equal(normalizeChinaMobile('+1 650 555 1212'), null);
    assert.equal(normalizeChinaMobile('+852 9123 4567'), null);
  });

  it('tells IMEI, IDFA and OAID apart by shape, each in its platform case', () => {
    assert.deepEqual(classifyDeviceId('356145080566857'), { kind: 'imei', value: '356145080566857' });
    assert.deepEqual(classifyDeviceId('A000002C9060F7'), { kind: 'imei', value: 'a000002c9060f7' });
    assert.deepEqual(classifyDeviceId('1E2DFA89-496A-47FD-9941-DF1FC4E6484A'), {
      kind: 'idfa',
      value: '1E2DFA89-496A-47FD-9941-DF1FC4E6484A',
    });
    assert.deepEqual(classifyDeviceId('1e2dfa89-496a-47fd-9941-df1fc4e6484a'), {
      kind: 'oaid',
      value: '1e2dfa89-496a-47fd-9941-df1fc4e6484a',
    });
    assert.equal(classifyDeviceId('9774d56d682e549c'), null, 'an ANDROID_ID is not an ad id');
    assert.equal(classifyDeviceId('hello'), null);
  });

  it('takes an OpenID only when it belongs to the configured app', () => {
    assert.equal(openIdFor('wx1234567890abcdef/oAbC-123', 'wx1234567890abcdef'), 'oAbC-123');
    assert.equal(openIdFor('wxOTHER/oAbC-123', 'wx1234567890abcdef'), null);
    assert.equal(openIdFor('oAbC-123', 'wx1234567890abcdef'), null);
  });

  it('hashes to lower-case hex', () => {
    assert.equal(sha256Hex('13800138000'), sha256('13800138000'));
    assert.match(sha256Hex('x'), /^[0-9a-f]{64}$/);
    assert.equal(md5Hex('x'), md5('x'));
  });
});

describe('Tencent Ads identifiers', () => {
  it("match the docs' own HASH_IDFA and HASH_IMEI examples", () => {
    const ids = tencentIdentifiers(
      profile([
        ['device_id', 'FF1999CD-7177-4937-A474-74937A102630'],
        ['device_id', 'a000002c9060f7'],
      ]),
      { identifiers: ['device_id'] },
    );
    assert.deepEqual(ids, [
      { type: 'HASH_IDFA', id: '2c010ed96aef2fc34983e1e7e9176b7e' },
      { type: 'HASH_IMEI', id: 'f2d5a650733ca8c27d502b1c08da14e5' },
    ]);
  });

  it('hash the 11-digit mobile and pass OpenIDs of the app and UnionIDs in plain', () => {
    const ids = tencentIdentifiers(
      profile([
        ['phone', '+86 138-0013-8000'],
        ['phone', '+16505551212'],
        ['email', 'a@b.cn'],
        ['wechat_openid', 'wxapp/oOPENID1'],
        ['wechat_openid', 'wxother/oOPENID2'],
        ['wechat_unionid', 'oUNION1'],
      ]),
      { identifiers: ['phone', 'wechat_openid', 'wechat_unionid'], wechatAppId: 'wxapp' },
    );
    assert.deepEqual(ids, [
      { type: 'SHA256_MOBILE_PHONE', id: sha256('13800138000') },
      { type: 'WECHAT_OPENID', id: 'oOPENID1' },
      { type: 'WX_UNIONID', id: 'oUNION1' },
    ]);
  });

  it('send only the configured types', () => {
    const ids = tencentIdentifiers(profile([['phone', '+8613800138000']]), { identifiers: ['device_id'] });
    assert.deepEqual(ids, []);
  });
});

describe('Ocean Engine identifiers', () => {
  it('hash the 11-digit mobile with SHA-256 and keep device ids in their raw forms', () => {
    const items = oceanEngineIdentifiers(
      profile([
        ['phone', '+86 138-0013-8000'],
        ['device_id', '356145080566857'],
        ['device_id', '1E2DFA89-496A-47FD-9941-DF1FC4E6484A'],
        ['device_id', '0f0e0d0c-0b0a-4909-8807-060504030201'],
        ['device_id', 'A'.repeat(64)],
      ]),
      { identifiers: ['phone', 'device_id'] },
    );
    assert.deepEqual(items, [
      { dataType: 'MOBILE_HASH_SHA256', id: sha256('13800138000') },
      { dataType: 'IMEI', id: '356145080566857' },
      { dataType: 'IDFA', id: '1E2DFA89-496A-47FD-9941-DF1FC4E6484A' },
      { dataType: 'OAID', id: '0f0e0d0c-0b0a-4909-8807-060504030201' },
      { dataType: 'OAID_MD5', id: md5('a'.repeat(64)) },
    ]);
  });
});

describe('Meta rows', () => {
  it('hash EMAIL and PHONE after normalising, lower-case MADID, plain EXTERN_ID', () => {
    const identifiers = ['email', 'phone', 'device_id', 'user_id'] as const;
    assert.deepEqual(metaSchema(identifiers), ['EMAIL', 'PHONE', 'MADID', 'EXTERN_ID']);
    const rows = metaRows(
      profile([
        ['email', ' John.Doe@Example.COM '],
        ['phone', '+86 138-0013-8000'],
        ['device_id', '1E2DFA89-496A-47FD-9941-DF1FC4E6484A'],
        ['user_id', 'u-42'],
        ['email', 'second@example.com'],
      ]),
      identifiers,
    );
    assert.deepEqual(rows, [
      [
        sha256('john.doe@example.com'),
        sha256('8613800138000'),
        '1e2dfa89-496a-47fd-9941-df1fc4e6484a',
        'u-42',
      ],
      [sha256('second@example.com'), '', '', ''],
    ]);
  });

  it('give no row to a profile without a usable identifier', () => {
    assert.deepEqual(metaRows(profile([['wechat_unionid', 'oU1']]), ['email', 'phone']), []);
  });
});
