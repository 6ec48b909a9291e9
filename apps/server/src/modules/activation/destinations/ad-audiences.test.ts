import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  type DeliveryMessage,
  PermanentError,
  RetryableError,
  SkippedError,
  type SnapshotMember,
} from '../destination.ts';
import { testContext } from '../destination-context.test-helper.ts';
import { type HttpPeer, type RecordedRequest, startHttpPeer } from '../http-peer.test-helper.ts';
import { AdAudienceConfig, adAudiencesDestination } from './ad-audiences.ts';
import { decodeDmpData, memberPhone, members, readUpload, zippedLines } from './ad-peers.test-helper.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const md5 = (s: string) => createHash('md5').update(s).digest('hex');
/** member i's mobile as the Chinese platforms hash it: 11 digits, no +86 */
const cnHash = (i: number) => sha256(memberPhone(i).slice(3));

const json = (response: ServerResponse, body: unknown, status = 200) =>
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

function change(kind: 'enter' | 'exit', identifiers: Array<[string, string]>): DeliveryMessage {
  return {
    id: 'dlv_ad_1',
    kind: 'audience_change',
    workspaceId: 'ws_test',
    at: '2025-06-01T08:00:00.000Z',
    audience: { id: 'seg_1', name: '高价值客户' },
    change: kind,
    profile: { id: 'prof_1', traits: {}, identifiers: identifiers.map(([type, value]) => ({ type, value })) },
    data: {},
  };
}

function snapshot(mode: 'full' | 'incremental', rows: () => AsyncIterable<SnapshotMember>): DeliveryMessage {
  return {
    id: 'dlv_ad_2',
    kind: 'audience_snapshot',
    workspaceId: 'ws_test',
    at: '2025-06-01T08:00:00.000Z',
    audience: { id: 'seg_1', name: '高价值客户' },
    snapshot: { mode },
    members: rows,
    data: {},
  };
}

async function send(config: Record<string, unknown>, peer: HttpPeer, message: DeliveryMessage) {
  const { ctx, close } = testContext(adAudiencesDestination, config, { allow: [peer.host] });
  try {
    await adAudiencesDestination.send(message, ctx);
  } finally {
    await close();
  }
}

describe('ad audiences: config', () => {
  it('requires the ids each platform needs and refuses identifiers it cannot match on', () => {
    assert.equal(AdAudienceConfig.safeParse({ platform: 'tencent', accessToken: 't' }).success, false);
    assert.equal(
      AdAudienceConfig.safeParse({
        platform: 'meta',
        audienceId: '1',
        accessToken: 't',
        identifiers: ['wechat_openid'],
      }).success,
      false,
    );
    assert.equal(
      AdAudienceConfig.safeParse({ platform: 'meta', audienceId: '1', accessToken: 't', batchSize: 20_000 })
        .success,
      false,
    );
    assert.equal(
      AdAudienceConfig.safeParse({
        platform: 'oceanengine',
        accountId: '1',
        dataSourceId: 'ds',
        accessToken: 't',
      }).success,
      true,
    );
  });
});

describe('ad audiences: kinds', () => {
  it('refuses a kind it does not accept', async () => {
    const peer = await startHttpPeer();
    try {
      const config = { platform: 'meta', audienceId: '1', accessToken: 't', apiBase: peer.url };
      await assert.rejects(send(config, peer, { ...change('enter', []), kind: 'event' }), PermanentError);
      assert.equal(peer.requests.length, 0);
    } finally {
      await peer.close();
    }
  });
});

describe('ad audiences: Tencent Ads', () => {
  let peer: HttpPeer;
  const uploads: Array<{ query: URLSearchParams; fields: Record<string, string>; lines: string[] }> = [];
  let answer: (request: RecordedRequest, response: ServerResponse) => boolean = () => false;
  before(async () => {
    // plays custom_audience_files/add: multipart with a zipped one-id-per-line file
    peer = await startHttpPeer(async (request, response) => {
      if (answer(request, response)) return true;
      const url = new URL(request.url, 'http://peer');
      assert.equal(url.pathname, '/v3.0/custom_audience_files/add');
      const { fields, file } = await readUpload(request);
      uploads.push({ query: url.searchParams, fields, lines: zippedLines(file) });
      json(response, { code: 0, message: '', data: { custom_audience_file_id: uploads.length } });
    });
  });
  after(() => peer.close());
  beforeEach(() => {
    uploads.length = 0;
    answer = () => false;
  });
  const config = (extra: Record<string, unknown> = {}) => ({
    platform: 'tencent',
    accountId: '25610',
    audienceId: '2837392',
    accessToken: 'tencent-token',
    apiBase: `${peer.url}/v3.0`,
    identifiers: ['phone', 'device_id', 'wechat_openid'],
    wechatAppId: 'wx1234567890abcdef',
    ...extra,
  });

  it('appends one file per id type on enter, authenticated by token, timestamp and nonce', async () => {
    const before = Math.floor(Date.now() / 1000);
    await send(
      config(),
      peer,
      change('enter', [
        ['phone', '+86 138-0013-8000'],
        ['wechat_openid', 'wx1234567890abcdef/oABCDEFG-openid'],
        ['device_id', 'FF1999CD-7177-4937-A474-74937A102630'],
      ]),
    );
    assert.equal(uploads.length, 3);
    const byType = Object.fromEntries(uploads.map((u) => [u.fields.user_id_type, u]));
    assert.deepEqual(byType.SHA256_MOBILE_PHONE.lines, [sha256('13800138000')]);
    assert.deepEqual(byType.WECHAT_OPENID.lines, ['oABCDEFG-openid']);
    assert.equal(byType.WECHAT_OPENID.fields.open_app_id, 'wx1234567890abcdef');
    assert.deepEqual(byType.HASH_IDFA.lines, ['2c010ed96aef2fc34983e1e7e9176b7e']);
    for (const upload of uploads) {
      assert.equal(upload.fields.account_id, '25610');
      assert.equal(upload.fields.audience_id, '2837392');
      assert.equal(upload.fields.operation_type, 'APPEND');
      assert.equal(upload.query.get('access_token'), 'tencent-token');
      assert.ok(Math.abs(Number(upload.query.get('timestamp')) - before) <= 5);
      assert.match(upload.query.get('nonce') ?? '', /^[0-9a-f]{32}$/);
    }
  });

  it('reduces on exit and skips a profile with nothing Tencent Ads matches on', async () => {
    await send(config(), peer, change('exit', [['phone', '+8613800138000']]));
    assert.equal(uploads[0].fields.operation_type, 'REDUCE');
    await assert.rejects(
      send(config(), peer, change('enter', [['email', 'a@example.com']])),
      (err) => err instanceof SkippedError,
    );
    assert.equal(uploads.length, 1);
  });

  it('streams a snapshot as files of at most batchSize ids (2,500 members, 1,000 a file: 3 files)', async () => {
    await send(
      config({ batchSize: 1_000, identifiers: ['phone'] }),
      peer,
      snapshot('full', () => members(2_500)),
    );
    assert.deepEqual(
      uploads.map((u) => u.lines.length),
      [1_000, 1_000, 500],
    );
    const sent = new Set(uploads.flatMap((u) => u.lines));
    assert.equal(sent.size, 2_500);
    for (const i of [0, 1_234, 2_499]) assert.ok(sent.has(cnHash(i)));
  });

  it('retries a 500 and a "system busy" code, not a refused token', async () => {
    answer = (_request, response) => {
      response.writeHead(500).end('oops');
      return true;
    };
    await assert.rejects(
      send(config(), peer, change('enter', [['phone', '+8613800138000']])),
      RetryableError,
    );
    answer = (_request, response) => {
      json(response, { code: 10000, message: 'busy' });
      return true;
    };
    await assert.rejects(
      send(config(), peer, change('enter', [['phone', '+8613800138000']])),
      RetryableError,
    );
    answer = (_request, response) => {
      json(response, { code: 11000, message: 'invalid access_token' });
      return true;
    };
    await assert.rejects(send(config(), peer, change('enter', [['phone', '+8613800138000']])), (err) => {
      return err instanceof PermanentError && /11000/.test(err.message);
    });
  });
});

describe('ad audiences: Ocean Engine', () => {
  let peer: HttpPeer;
  const files: Array<{ path: string; items: Array<{ dataType: number; id: string }> }> = [];
  const calls: Array<{ path: string; text: string; body: Record<string, unknown> }> = [];
  let failWith: { status: number; code?: number } | undefined;
  before(async () => {
    // plays the DMP API: file upload (md5-signed zip of base64 protobuf lines), update, publish
    peer = await startHttpPeer(async (request, response) => {
      if (failWith) return json(response, { code: failWith.code ?? 0, message: 'fail' }, failWith.status);
      assert.equal(request.headers['access-token'], 'ocean-token');
      const path = new URL(request.url, 'http://peer').pathname;
      if (path === '/open_api/2/dmp/data_source/file/upload/') {
        const { fields, file } = await readUpload(request);
        assert.equal(fields.advertiser_id, '1700000000000000001');
        assert.equal(fields.file_signature, createHash('md5').update(file).digest('hex'));
        const items = zippedLines(file).flatMap((line) => decodeDmpData(Buffer.from(line, 'base64')));
        const filePath = `tos://dmp/${files.length}`;
        files.push({ path: filePath, items });
        return json(response, { code: 0, message: 'OK', data: { file_path: filePath } });
      }
      calls.push({ path, text: request.text, body: request.json as Record<string, unknown> });
      json(response, { code: 0, message: 'OK', data: {} });
    });
  });
  after(() => peer.close());
  beforeEach(() => {
    files.length = 0;
    calls.length = 0;
    failWith = undefined;
  });
  const config = (extra: Record<string, unknown> = {}) => ({
    platform: 'oceanengine',
    accountId: '1700000000000000001',
    dataSourceId: 'ds_8712',
    audienceId: '900000000000000001',
    accessToken: 'ocean-token',
    apiBase: `${peer.url}/open_api`,
    ...extra,
  });

  it('resets the data source with every file of a full snapshot, then publishes', async () => {
    await send(
      config({ batchSize: 1_000, identifiers: ['phone'] }),
      peer,
      snapshot('full', () => members(2_500)),
    );
    assert.deepEqual(
      files.map((f) => f.items.length),
      [1_000, 1_000, 500],
    );
    const ids = new Set(files.flatMap((f) => f.items.map((item) => item.id)));
    assert.equal(ids.size, 2_500);
    assert.ok(ids.has(cnHash(7)));
    assert.ok(
      files.every((f) => f.items.every((item) => item.dataType === 6)),
      'MOBILE_HASH_SHA256',
    );
    assert.deepEqual(
      calls.map((c) => c.path),
      ['/open_api/2/dmp/data_source/update/', '/open_api/2/dmp/custom_audience/publish/'],
    );
    const update = calls[0].body;
    assert.equal(update.operation_type, 3);
    assert.equal(update.data_source_id, 'ds_8712');
    assert.equal(update.data_format, 0);
    assert.equal(update.file_storage_type, 0);
    assert.deepEqual(update.file_paths, ['tos://dmp/0', 'tos://dmp/1', 'tos://dmp/2']);
    // 64-bit ids travel as exact integers
    assert.match(calls[0].text, /"advertiser_id":1700000000000000001[,}]/);
    assert.match(calls[1].text, /"custom_audience_id":900000000000000001[,}]/);
  });

  it('adds enters and deletes exits of an incremental snapshot', async () => {
    await send(
      config(),
      peer,
      snapshot('incremental', () => members(5, (i) => (i < 3 ? 'enter' : 'exit'))),
    );
    assert.equal(files.length, 2);
    const [add, remove] = calls.slice(0, 2).map((c) => c.body);
    assert.equal(add.operation_type, 1);
    assert.equal(remove.operation_type, 2);
    const fileOf = (paths: unknown) => files.find((f) => f.path === (paths as string[])[0]);
    assert.deepEqual(
      fileOf(add.file_paths)?.items.map((item) => item.id),
      [cnHash(0), cnHash(1), cnHash(2)],
    );
    assert.deepEqual(
      fileOf(remove.file_paths)?.items.map((item) => item.id),
      [cnHash(3), cnHash(4)],
    );
    assert.equal(calls[2].path, '/open_api/2/dmp/custom_audience/publish/');
  });

  it('sends a real-time enter with the raw IDFA and an MD5 MEID', async () => {
    await send(
      config(),
      peer,
      change('enter', [
        ['device_id', '1E2DFA89-496A-47FD-9941-DF1FC4E6484A'],
        ['device_id', 'A000002C9060F7'],
      ]),
    );
    assert.deepEqual(files[0].items, [
      { dataType: 1, id: '1E2DFA89-496A-47FD-9941-DF1FC4E6484A' },
      { dataType: 4, id: md5('a000002c9060f7') },
    ]);
    assert.equal(calls[0].body.operation_type, 1);
  });

  it('retries a 500 and a rate-limit code', async () => {
    failWith = { status: 500 };
    await assert.rejects(
      send(config(), peer, change('enter', [['phone', '+8613800138000']])),
      RetryableError,
    );
    failWith = { status: 200, code: 40100 };
    await assert.rejects(
      send(config(), peer, change('enter', [['phone', '+8613800138000']])),
      RetryableError,
    );
    failWith = { status: 200, code: 40002 };
    await assert.rejects(
      send(config(), peer, change('enter', [['phone', '+8613800138000']])),
      PermanentError,
    );
  });
});

describe('ad audiences: Meta', () => {
  let peer: HttpPeer;
  let answer: ((response: ServerResponse) => void) | undefined;
  before(async () => {
    peer = await startHttpPeer((_request, response) => {
      if (answer) {
        answer(response);
        return true;
      }
      json(response, { audience_id: '23847', session_id: '1', num_received: 1, num_invalid_entries: 0 });
    });
  });
  after(() => peer.close());
  beforeEach(() => {
    peer.requests.length = 0;
    answer = undefined;
  });
  const config = (extra: Record<string, unknown> = {}) => ({
    platform: 'meta',
    audienceId: '23847',
    accessToken: 'meta-token',
    apiBase: `${peer.url}/v25.0`,
    ...extra,
  });
  type Body = {
    access_token: string;
    session: { session_id: number; batch_seq: number; last_batch_flag: boolean };
    payload: { schema: string[]; data: string[][] };
  };
  const bodies = () => peer.requests.map((r) => r.json as Body);

  it('adds users with hashed EMAIL and PHONE after Meta normalisation', async () => {
    await send(
      config(),
      peer,
      change('enter', [
        ['email', ' John.Doe@Example.COM '],
        ['phone', '+86 138-0013-8000'],
      ]),
    );
    assert.equal(peer.requests[0].method, 'POST');
    assert.equal(peer.requests[0].url, '/v25.0/23847/users');
    const [body] = bodies();
    assert.equal(body.access_token, 'meta-token');
    assert.deepEqual(body.payload, {
      schema: ['EMAIL', 'PHONE'],
      data: [[sha256('john.doe@example.com'), sha256('8613800138000')]],
    });
    assert.equal(body.session.last_batch_flag, true);
  });

  it('removes users on exit with DELETE, and skips a profile without email or phone', async () => {
    await send(config(), peer, change('exit', [['email', 'a@example.com']]));
    assert.equal(peer.requests[0].method, 'DELETE');
    assert.deepEqual(bodies()[0].payload.data, [[sha256('a@example.com'), '']]);
    await assert.rejects(send(config(), peer, change('enter', [['wechat_unionid', 'oU1']])), SkippedError);
    assert.equal(peer.requests.length, 1);
  });

  it('replaces the audience with a full snapshot: one session, 3 batches for 25,000 members', async () => {
    await send(
      config(),
      peer,
      snapshot('full', () => members(25_000)),
    );
    assert.ok(peer.requests.every((r) => r.method === 'POST' && r.url === '/v25.0/23847/usersreplace'));
    const sent = bodies();
    assert.deepEqual(
      sent.map((b) => [b.payload.data.length, b.session.batch_seq, b.session.last_batch_flag]),
      [
        [10_000, 1, false],
        [10_000, 2, false],
        [5_000, 3, true],
      ],
    );
    assert.equal(new Set(sent.map((b) => b.session.session_id)).size, 1);
    const rows = sent.flatMap((b) => b.payload.data);
    assert.deepEqual(rows[24_999], [sha256('user24999@example.com'), sha256(memberPhone(24_999).slice(1))]);
    assert.equal(new Set(rows.map((r) => r[0])).size, 25_000);
  });

  it('adds enters and deletes exits of an incremental snapshot', async () => {
    await send(
      config({ identifiers: ['email'] }),
      peer,
      snapshot('incremental', () => members(4, (i) => (i % 2 ? 'exit' : 'enter'))),
    );
    const byMethod = Object.fromEntries(peer.requests.map((r) => [r.method, (r.json as Body).payload.data]));
    assert.deepEqual(byMethod.POST, [[sha256('user0@example.com')], [sha256('user2@example.com')]]);
    assert.deepEqual(byMethod.DELETE, [[sha256('user1@example.com')], [sha256('user3@example.com')]]);
    assert.ok(peer.requests.every((r) => r.url === '/v25.0/23847/users'));
  });

  it('retries a 500 and throttling, not a bad parameter', async () => {
    const enter = change('enter', [['email', 'a@example.com']]);
    answer = (response) => response.writeHead(500).end('oops');
    await assert.rejects(send(config(), peer, enter), RetryableError);
    answer = (response) => json(response, { error: { code: 80003, message: 'too many calls' } }, 400);
    await assert.rejects(send(config(), peer, enter), RetryableError);
    answer = (response) => json(response, { error: { code: 100, message: 'Invalid parameter' } }, 400);
    await assert.rejects(
      send(config(), peer, enter),
      (err) => err instanceof PermanentError && /Invalid/.test(err.message),
    );
  });
});
