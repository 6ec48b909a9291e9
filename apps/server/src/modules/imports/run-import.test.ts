import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sink, tempFiles } from './import-files.test-helper.ts';
import { ImportMapping } from './import-mapping.ts';
import type { ImportMessage } from './map-row.ts';
import { type ImportProgress, runImport, type SubmitStatus } from './run-import.ts';

const files = await tempFiles();

/** The pipeline's dedupe, in memory: one message per messageId; other content under a known id conflicts. */
function fakePipeline() {
  const stored = new Map<string, string>();
  const submit = async (messages: ImportMessage[]): Promise<SubmitStatus[]> =>
    messages.map((m) => {
      const seen = stored.get(m.messageId!);
      const json = JSON.stringify(m);
      if (seen === undefined) stored.set(m.messageId!, json);
      return seen === undefined ? 'stored' : seen === json ? 'duplicate' : 'conflict';
    });
  return { stored, submit };
}

const orders = ImportMapping.parse({
  kind: 'orders',
  columns: {
    订单号: { field: 'order_id' },
    手机号: { identifier: 'phone' },
    金额: { field: 'revenue' },
    下单时间: { field: 'timestamp' },
  },
});

describe('runImport', () => {
  it('submits in batches, rejects bad rows into the error report, and is idempotent on re-import', async () => {
    const csv = [
      '订单号,手机号,金额,下单时间',
      'SO-1,13800138000,88.5,2024-03-05 14:30',
      'SO-2,12345,10,2024-03-05 15:00', // invalid phone: no identifier left
      'SO-3,13900139000', // broken row
      'SO-4,13900139000,abc,2024-03-05 16:00', // unreadable amount
      'SO-5,13700137000,20,2024-03-06 09:00',
      'SO-6,13700137000,30,2024-03-06 10:00',
    ].join('\n');
    const path = await files.file('orders.csv', csv);
    const pipeline = fakePipeline();
    const batches: number[] = [];
    const progress: ImportProgress[] = [];
    const report = sink();
    const first = await runImport({
      path,
      mapping: orders,
      sourceId: 'src_pos',
      batchSize: 2,
      submit: (messages) => {
        batches.push(messages.length);
        return pipeline.submit(messages);
      },
      onProgress: (p) => progress.push(p),
      errorReport: report,
    });

    assert.deepEqual(batches, [2, 1]);
    assert.deepEqual(
      { ...first, errors: first.errors.map((e) => [e.row, e.column, e.reason]) },
      {
        rows: 6,
        imported: 3,
        duplicates: 0,
        rejected: 3,
        errors: [
          [3, '', 'missing_identifier'],
          [4, '', 'malformed_row'],
          [5, '金额', 'invalid_value'],
        ],
      },
    );
    assert.deepEqual(progress.at(-1), {
      rows: 6,
      imported: 3,
      duplicates: 0,
      rejected: 3,
      bytesRead: Buffer.byteLength(csv),
      totalBytes: Buffer.byteLength(csv),
    });

    const text = report.text();
    assert.ok(
      text.startsWith('\uFEFFrow,column,reason,detail,record\n'),
      'UTF-8 BOM for Excel, then the header',
    );
    const lines: string[][] = parse(text, { bom: true, from_line: 2 });
    assert.deepEqual(
      lines.map((l) => [l[0], l[1], l[2]]),
      [
        ['3', '', 'missing_identifier'],
        ['4', '', 'malformed_row'],
        ['5', '金额', 'invalid_value'],
      ],
    );
    assert.deepEqual(JSON.parse(lines[0]![4]!), {
      订单号: 'SO-2',
      手机号: '12345',
      金额: '10',
      下单时间: '2024-03-05 15:00',
    });
    assert.equal(JSON.parse(lines[1]![4]!), 'SO-3,13900139000');

    const again = await runImport({ path, mapping: orders, sourceId: 'src_pos', submit: pipeline.submit });
    assert.deepEqual([again.imported, again.duplicates, again.rejected], [0, 3, 3]);
    assert.equal(pipeline.stored.size, 3);

    const changed = await files.file(
      'orders-changed.csv',
      csv.replace('SO-1,13800138000,88.5', 'SO-1,13800138000,80'),
    );
    const third = await runImport({
      path: changed,
      mapping: orders,
      sourceId: 'src_pos',
      submit: pipeline.submit,
    });
    assert.deepEqual([third.imported, third.duplicates, third.rejected], [0, 2, 4]);
    assert.deepEqual(
      third.errors.find((e) => e.reason === 'conflict'),
      { row: 2, column: '', reason: 'conflict' },
    );
  });

  it('keeps at most 100 errors in the summary', async () => {
    const path = await files.file('junk.jsonl', '{"phone":"1"}\n'.repeat(150));
    const mapping = ImportMapping.parse({ kind: 'profiles', columns: { phone: { identifier: 'phone' } } });
    const summary = await runImport({ path, mapping, sourceId: 'src', submit: fakePipeline().submit });
    assert.deepEqual([summary.rows, summary.rejected, summary.errors.length], [150, 150, 100]);
  });
});
