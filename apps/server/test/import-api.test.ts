import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApiError } from '@cdp/sdk';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const CSV = [
  '手机号,姓名,会员卡号,生日',
  '13800138000,陈 静,V100,1992/7/8',
  'abc,无号码,,',
  '13900139000,刘洋,V101,',
].join('\n');

for (const backend of backends()) {
  describe(`import wizard API (${backend})`, () => {
    let t: TestServer;
    before(async () => {
      t = await startTestServer(backend);
    });
    after(() => t.stop());

    it('uploads, previews a mapping, runs in the background and reports per row', async () => {
      const file = await t.api.imports.upload('members.csv', new TextEncoder().encode(CSV));
      assert.equal(file.format, 'csv');
      assert.deepEqual(file.headers, ['手机号', '姓名', '会员卡号', '生日']);
      assert.equal(file.sample.length, 3);
      const mapping = file.suggested as { columns: Record<string, unknown> };
      assert.deepEqual(mapping.columns.手机号, { identifier: 'phone' });

      const preview = await t.api.imports.preview(file.id, { kind: 'profiles', mapping });
      assert.deepEqual(
        preview.rows.map((r) => [r.row, r.ok]),
        [
          [2, true],
          [3, false],
          [4, true],
        ],
      );
      const traits = preview.rows[0].message?.traits as Record<string, unknown>;
      assert.equal(traits.phone, '+8613800138000');

      await assert.rejects(
        t.api.imports.preview(file.id, {
          kind: 'profiles',
          mapping: { columns: { 姓名: { trait: 'name' } } },
        }),
        (e: ApiError) => e.status === 400 && e.code === 'invalid_mapping',
      );

      const job = await t.api.imports.start({
        fileId: file.id,
        kind: 'profiles',
        mapping,
        source: '会员导入',
      });
      let done = job;
      for (let i = 0; i < 200 && done.status === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        done = await t.api.imports.get(job.id);
      }
      assert.equal(done.status, 'done');
      assert.deepEqual([done.rows, done.imported, done.rejected], [3, 2, 1]);
      assert.equal(done.errors[0]?.row, 3);
      const report = await fetch(t.api.imports.errorsUrl(job.id), {
        headers: { authorization: `Bearer ${t.token}` },
      });
      assert.equal(report.status, 200);
      assert.match(await report.text(), /\n3,/);
      assert.ok((await t.api.imports.list()).items.some((j) => j.id === job.id));

      await t.server.app.services.pipeline.drain();
      const profile = await t.api.profiles.lookup('member_id', 'V100');
      assert.equal(profile.traits.birthday, '1992-07-08');
      assert.ok(profile.identifiers.some((i) => i.type === 'phone' && i.value === '+8613800138000'));
    });
  });
}
