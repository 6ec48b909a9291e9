import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { collect, encodeGb18030, tempFiles } from './import-files.test-helper.ts';
import { formatOf, readRows } from './read-rows.ts';

const files = await tempFiles();

describe('readRows: CSV', () => {
  it('reads a BOM, quotes, multi-line fields and Chinese headers, numbering rows as lines', async () => {
    const csv =
      '\uFEFF姓名,手机号,备注\r\n"王, 小明",13800138000,"第一行\r\n第二行"\r\n李雷,"139 0013 9000","说""好"""\r\n';
    const rows = await collect(readRows(await files.file('members.csv', csv)));
    assert.deepEqual(rows, [
      { rowNumber: 2, record: { 姓名: '王, 小明', 手机号: '13800138000', 备注: '第一行\r\n第二行' } },
      { rowNumber: 4, record: { 姓名: '李雷', 手机号: '139 0013 9000', 备注: '说"好"' } },
    ]);
  });

  it('turns a row with the wrong number of fields into an error row and reads on', async () => {
    const csv = 'a,b,c\n1,2,3\n4,5\n\n6,7,8\n,,\n9,"x\ny",10\n';
    const rows = await collect(readRows(await files.file('broken.csv', csv)));
    assert.deepEqual(
      rows.map((r) => ('record' in r ? [r.rowNumber, r.record.a] : [r.rowNumber, r.error.reason, r.raw])),
      [
        [2, '1'],
        [3, 'malformed_row', '4,5'],
        [5, '6'],
        [7, '9'],
      ],
    );
  });

  it('reports an unclosed quote once and keeps memory bounded', async () => {
    const csv = `a,b\n1,"${'x'.repeat(1_200_000)}\n2,3\n`;
    const rows = await collect(readRows(await files.file('unclosed.csv', csv)));
    assert.equal(rows.length, 1);
    assert.ok('error' in rows[0]! && rows[0].rowNumber === 2 && rows[0].raw!.length === 1000);
  });

  it('reads GB18030 (GBK) text, as Chinese Excel saves CSV', async () => {
    const text = 'id,姓名,城市\n1,王小明,深圳\n2,欧阳娜娜,北京\n';
    const bytes = encodeGb18030(text);
    assert.notDeepEqual(bytes, Buffer.from(text)); // really not UTF-8
    const rows = await collect(readRows(await files.file('gbk.csv', bytes)));
    assert.deepEqual(
      rows.map((r) => 'record' in r && r.record),
      [
        { id: '1', 姓名: '王小明', 城市: '深圳' },
        { id: '2', 姓名: '欧阳娜娜', 城市: '北京' },
      ],
    );
  });

  it('decides the encoding on the first chunk with non-ASCII bytes', async () => {
    const ascii = `id,note\n${'1,plain ascii\n'.repeat(10_000)}`; // > 64 KiB before any Chinese
    const rows = await collect(readRows(await files.file('late.csv', encodeGb18030(`${ascii}2,中文\n`))));
    assert.deepEqual(rows.at(-1), { rowNumber: 10_002, record: { id: '2', note: '中文' } });
  });

  it('refuses a header that names a column twice', async () => {
    const path = await files.file('dup.csv', 'a,b,a\n1,2,3\n');
    await assert.rejects(collect(readRows(path)), { code: 'import_duplicate_column' });
  });

  it('throws for a missing file while iterating', async () => {
    await assert.rejects(collect(readRows(join(files.dir, 'nope.csv'))), { code: 'ENOENT' });
  });
});

describe('readRows: JSONL', () => {
  it('reads one object per line and turns bad lines into error rows', async () => {
    const jsonl = '\uFEFF{"phone":"13800138000"}\r\n{"phone": oops}\n\n[1,2]\n{"phone":"13900139000","n":1}';
    const rows = await collect(readRows(await files.file('events.jsonl', jsonl)));
    assert.deepEqual(
      rows.map((r) => ('record' in r ? [r.rowNumber, r.record] : [r.rowNumber, r.error.reason, r.raw])),
      [
        [1, { phone: '13800138000' }],
        [2, 'invalid_json', '{"phone": oops}'],
        [4, 'not_an_object', '[1,2]'],
        [5, { phone: '13900139000', n: 1 }],
      ],
    );
  });
});

describe('readRows: XLSX', () => {
  it('streams the first sheet with the first row as header, dates as ISO strings', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('会员');
    sheet.addRow(['会员号', '姓名', '生日', '下单时间', '金额', '备注']);
    sheet.addRow([
      'M001',
      '王小明',
      new Date(Date.UTC(1990, 2, 5)),
      new Date(Date.UTC(2024, 2, 5, 14, 30)),
      12.5,
    ]);
    sheet.addRow([]);
    sheet.addRow([
      'M002',
      { richText: [{ text: '李' }, { text: '雷' }] },
      null,
      null,
      { formula: '1+1', result: 2 },
    ]);
    sheet.getCell('D2').numFmt = 'yyyy-mm-dd hh:mm';
    workbook.addWorksheet('其他').addRow(['ignored']);
    const path = join(files.dir, 'members.xlsx');
    await workbook.xlsx.writeFile(path);

    assert.deepEqual(await collect(readRows(path)), [
      {
        rowNumber: 2,
        record: {
          会员号: 'M001',
          姓名: '王小明',
          生日: '1990-03-05',
          下单时间: '2024-03-05T14:30:00',
          金额: 12.5,
        },
      },
      { rowNumber: 4, record: { 会员号: 'M002', 姓名: '李雷', 金额: 2 } },
    ]);
  });
});

describe('formatOf', () => {
  it('tells the format from the extension', () => {
    assert.equal(formatOf('a/B.CSV'), 'csv');
    assert.equal(formatOf('x.ndjson'), 'jsonl');
    assert.equal(formatOf('x.xlsx'), 'xlsx');
    assert.throws(() => formatOf('x.xls'), { code: 'import_unsupported_format' });
  });
});
