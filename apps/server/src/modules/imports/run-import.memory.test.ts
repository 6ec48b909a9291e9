import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sink, tempFiles } from './import-files.test-helper.ts';
import { ImportMapping } from './import-mapping.ts';
import { runImport } from './run-import.ts';

const files = await tempFiles();
// A full collection before measuring what is alive (the test runner starts no process with --expose-gc).
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

it('imports a 300,000-row CSV with flat memory', { timeout: 120_000 }, async () => {
  // 1,000,000 rows also pass (live heap 29-31 MiB) but take 48-77 s on a 2-core machine.
  const rows = 300_000;
  const path = join(files.dir, 'members.csv');
  const out = createWriteStream(path);
  out.write('会员号,姓名,性别,备注\n');
  for (let i = 0; i < rows; i++) {
    const line =
      i % 1000 === 999 ? `M${i},broken\n` : `M${i},王小明${i % 100},${i % 2 ? '男' : '女'},"第${i}行"\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');

  const mapping = ImportMapping.parse({
    kind: 'profiles',
    columns: { 会员号: { identifier: 'member_id' }, 姓名: { trait: 'name' }, 性别: { trait: 'gender' } },
  });
  let submitted = 0;
  let peakHeap = 0;
  const liveHeap: number[] = [];
  const started = performance.now();
  const summary = await runImport({
    path,
    mapping,
    sourceId: 'src_crm',
    submit: async (messages) => {
      submitted += messages.length;
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      return messages.map(() => 'stored' as const);
    },
    onProgress: ({ rows: read }) => {
      if (read % 30_000 !== 0) return;
      gc();
      liveHeap.push(process.memoryUsage().heapUsed);
    },
    errorReport: sink(),
  });
  const seconds = (performance.now() - started) / 1000;
  const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
  console.log(
    `# ${rows} rows in ${seconds.toFixed(1)} s; live heap ${liveHeap.map(mib).join(', ')}; peak ${mib(peakHeap)}`,
  );

  assert.deepEqual(
    [summary.rows, summary.imported, summary.rejected, submitted],
    [rows, rows - rows / 1000, rows / 1000, rows - rows / 1000],
  );
  assert.equal(summary.errors.length, 100);
  // Flat: what is alive after a collection does not grow with the rows read. heapUsed between
  // collections also counts garbage V8 has not collected yet, so its bound is loose.
  assert.ok(liveHeap.length >= 10);
  assert.ok(Math.max(...liveHeap) < 80 * 2 ** 20, `live heap ${liveHeap.map(mib)}`);
  assert.ok(liveHeap.at(-1)! - liveHeap[0]! < 16 * 2 ** 20, `live heap grew: ${liveHeap.map(mib)}`);
  assert.ok(peakHeap < 200 * 2 ** 20, `peak heap ${mib(peakHeap)}`);
});
