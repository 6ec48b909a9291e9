import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  type DeliveryEvent,
  type DeliveryMessage,
  PermanentError,
  RetryableError,
  type SnapshotMember,
} from '../destination.ts';
import { testContext } from '../destination-context.test-helper.ts';
import { type HttpPeer, startHttpPeer } from '../http-peer.test-helper.ts';
import { exportDirectory, FileDestinationConfig, fileDestination, safeFileName } from './files.ts';

const AT = '2025-06-01T08:00:00.000Z';

async function* people(count: number, change: (i: number) => 'enter' | 'exit' = () => 'enter') {
  for (let i = 0; i < count; i++)
    yield {
      change: change(i),
      profile: {
        id: `prof_${i}`,
        traits: { name: i === 0 ? '张三' : `用户${i}`, city: '上海', tags: ['vip', '新客'] },
        identifiers: [
          { type: 'phone', value: `+86139${String(i).padStart(8, '0')}` },
          { type: 'email', value: `user${i}@example.com` },
          { type: 'email', value: `alt${i}@example.com` },
        ],
      },
    } satisfies SnapshotMember;
}

function snapshot(mode: 'full' | 'incremental', rows: () => AsyncIterable<SnapshotMember>): DeliveryMessage {
  return {
    id: 'dlv_file_1',
    kind: 'audience_snapshot',
    workspaceId: 'ws_test',
    at: AT,
    audience: { id: 'seg_1', name: '高价值客户' },
    snapshot: { mode },
    members: rows,
    data: {},
  };
}

const event = (i: number): DeliveryEvent => ({
  messageId: `msg_${i}`,
  type: 'track',
  event: '下单',
  userId: `u${i}`,
  anonymousId: null,
  properties: { order_id: `o${i}`, amount: 99.5, items: [{ sku: '茶叶' }] },
  traits: {},
  context: { ip: '10.0.0.1' },
  timestamp: AT,
  receivedAt: AT,
  sourceId: 'src_1',
});

describe('file destination', () => {
  let root: string;
  let peer: HttpPeer;
  let putStatus = 200;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'cdp-export-'));
    peer = await startHttpPeer((_request, response) => {
      response.writeHead(putStatus).end();
      return true;
    });
  });
  after(async () => {
    await peer.close();
    await rm(root, { recursive: true, force: true });
  });

  async function send(config: Record<string, unknown>, message: DeliveryMessage) {
    const { ctx, close } = testContext(fileDestination, config, { exportRoot: root, allow: [peer.host] });
    try {
      await fileDestination.send(message, ctx);
    } finally {
      await close();
    }
  }

  it('writes a CSV with BOM that reads back with Chinese text, members only in a full snapshot', async () => {
    await send(
      { directory: 'csv', fileName: 'members', traits: ['name', 'tags'] },
      snapshot('full', () => people(3, (i) => (i === 2 ? 'exit' : 'enter'))),
    );
    const bytes = await readFile(join(root, 'csv', 'members.csv'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true }) as string[][];
    assert.deepEqual(rows, [
      ['profile_id', 'phone', 'email', 'traits.name', 'traits.tags'],
      ['prof_0', '+8613900000000', 'user0@example.com|alt0@example.com', '张三', 'vip|新客'],
      ['prof_1', '+8613900000001', 'user1@example.com|alt1@example.com', '用户1', 'vip|新客'],
    ]);
  });

  it('adds a change column to an incremental snapshot', async () => {
    await send(
      { directory: 'inc', fileName: 'changes', identifiers: ['phone'] },
      snapshot('incremental', () => people(2, (i) => (i === 1 ? 'exit' : 'enter'))),
    );
    const rows = parse(await readFile(join(root, 'inc', 'changes.csv')), { bom: true }) as string[][];
    assert.deepEqual(rows, [
      ['profile_id', 'change', 'phone'],
      ['prof_0', 'enter', '+8613900000000'],
      ['prof_1', 'exit', '+8613900000001'],
    ]);
  });

  it('exports events as JSONL with the chosen fields, nested values kept', async () => {
    const message: DeliveryMessage = {
      id: 'dlv_events_1',
      kind: 'events_export',
      workspaceId: 'ws_test',
      at: AT,
      events: async function* () {
        for (let i = 0; i < 3; i++) yield event(i);
      },
      data: {},
    };
    await send(
      {
        directory: 'events',
        format: 'jsonl',
        fileName: '{{ kind }}-{{ id }}',
        eventFields: ['messageId', 'event', 'properties.order_id', 'properties.items', 'context.missing'],
      },
      message,
    );
    const lines = (await readFile(join(root, 'events', 'events_export-dlv_events_1.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n');
    assert.equal(lines.length, 3);
    assert.deepEqual(JSON.parse(lines[1]), {
      messageId: 'msg_1',
      event: '下单',
      'properties.order_id': 'o1',
      'properties.items': [{ sku: '茶叶' }],
      'context.missing': null,
    });
  });

  it('writes XLSX that exceljs reads back', async () => {
    await send(
      {
        directory: 'xlsx',
        format: 'xlsx',
        fileName: 'members',
        identifiers: ['phone'],
        traits: ['name', 'city'],
      },
      snapshot('full', () => people(2)),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(root, 'xlsx', 'members.xlsx'));
    const sheet = workbook.getWorksheet('members');
    assert.ok(sheet);
    const values = sheet
      .getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    assert.deepEqual(values, [
      ['profile_id', 'phone', 'traits.name', 'traits.city'],
      ['prof_0', '+8613900000000', '张三', '上海'],
      ['prof_1', '+8613900000001', '用户1', '上海'],
    ]);
  });

  it('names files from the default template, sanitised, and rewrites the same file for the same delivery', async () => {
    const message = { ...snapshot('full', () => people(1)), audience: { id: 'seg_2', name: '../老客/回流' } };
    await send({ directory: 'named' }, message);
    await send({ directory: 'named' }, message);
    const files = await readdir(join(root, 'named'));
    assert.equal(files.length, 1, 'one file, no temporary left behind');
    assert.match(files[0], /^_老客_回流-\d{14}\.csv$/);
    assert.equal(safeFileName('a/b\\c:d*e?f"g<h>i|j\u0000k', 'csv'), 'a_b_c_d_e_f_g_h_i_j_k.csv');
    assert.equal(safeFileName('report.xlsx', 'xlsx'), 'report.xlsx');
    assert.equal(safeFileName('...', 'csv'), 'export.csv');
    assert.ok(Buffer.byteLength(safeFileName('长'.repeat(300), 'csv')) <= 204);
  });

  it('refuses directories that leave the export root', async () => {
    for (const directory of ['../outside', '/etc', 'a/../../b', 'C:\\temp'])
      assert.equal(FileDestinationConfig.safeParse({ directory }).success, false, directory);
    await assert.rejects(exportDirectory(root, '../outside'), PermanentError);
    const outside = await mkdtemp(join(tmpdir(), 'cdp-outside-'));
    try {
      await symlink(outside, join(root, 'link'));
      await assert.rejects(exportDirectory(root, 'link/sub'), PermanentError);
      assert.deepEqual(await readdir(outside), [], 'nothing created outside');
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('PUTs the file to the target with the configured headers', async () => {
    peer.requests.length = 0;
    await send(
      {
        directory: 'put',
        fileName: 'members',
        putUrl: `${peer.url}/bucket/`,
        putHeaders: { authorization: 'Bearer s3cr3t' },
      },
      snapshot('full', () => people(2)),
    );
    const [request] = peer.requests;
    assert.equal(request.method, 'PUT');
    assert.equal(request.url, '/bucket/members.csv');
    assert.equal(request.headers.authorization, 'Bearer s3cr3t');
    assert.equal(request.headers['content-type'], 'text/csv; charset=utf-8');
    const local = await readFile(join(root, 'put', 'members.csv'));
    assert.equal(request.headers['content-length'], String(local.length));
    assert.deepEqual(request.body, local);
  });

  it('retries when the PUT target answers 503, and leaves no file when only PUTting', async () => {
    putStatus = 503;
    try {
      await assert.rejects(
        send(
          { fileName: 'only-put', putUrl: `${peer.url}/bucket/only-put.csv` },
          snapshot('full', () => people(1)),
        ),
        RetryableError,
      );
    } finally {
      putStatus = 200;
    }
    await mkdir(join(root, '.tmp'), { recursive: true });
    assert.deepEqual(await readdir(join(root, '.tmp')), []);
  });

  it('refuses kinds other than snapshots and event exports', async () => {
    await assert.rejects(
      send({ directory: 'x' }, { ...snapshot('full', () => people(1)), kind: 'audience_change' }),
      PermanentError,
    );
  });

  it('streams a 10,000-member snapshot', async () => {
    await send(
      { directory: 'big', fileName: 'big', traits: ['name'] },
      snapshot('full', () => people(10_000)),
    );
    const rows = parse(await readFile(join(root, 'big', 'big.csv')), { bom: true }) as string[][];
    assert.equal(rows.length, 10_001);
    assert.deepEqual(rows[10_000].slice(0, 2), ['prof_9999', '+8613900009999']);
  });
});
