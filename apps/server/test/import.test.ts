import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pino from 'pino';
import { buildServices, MIGRATIONS_DIR } from '../src/app.ts';
import type { Database } from '../src/database.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/db-host.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { backends, freshDatabase, type TestDatabase } from './support/backends.ts';
import { cdp, json } from './support/cdp-cli.ts';

interface Summary {
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
  errorReport: string;
}

const MEMBERS = [
  '会员号,姓名,手机号,邮箱,性别,生日,城市',
  'M001,王　小明,138 0013 8000,XM@163.com,男,1990年3月5日,上海',
  'M002,李红,12345,li.hong@qq.com,女,1988-11-02,北京市',
  ',,,,女,,杭州',
  'M003,"张, 三",13900139000,,男,,广州',
].join('\n');

const ORDERS = [
  'order_id,member_id,amount,order_time',
  'SO-1,M001,¥1,299.00,2026-10-01 12:30:00',
  'SO-2,M001,99,2026-10-03 09:00:00',
].join('\n');

for (const backend of backends()) {
  describe(`cdp import (${backend})`, () => {
    let db: TestDatabase;
    let dir: string;
    before(async () => {
      db = await freshDatabase(backend);
      dir = mkdtempSync(join(tmpdir(), 'cdp-import-'));
      writeFileSync(join(dir, 'members.csv'), `\uFEFF${MEMBERS}`);
      writeFileSync(join(dir, 'orders.csv'), ORDERS.replace('¥1,299.00', '"¥1,299.00"'));
      writeFileSync(
        join(dir, 'orders.map.json'),
        JSON.stringify({
          columns: {
            order_id: { field: 'order_id' },
            member_id: { identifier: 'member_id' },
            amount: { field: 'revenue' },
            order_time: { field: 'timestamp' },
          },
        }),
      );
    });
    after(async () => {
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('imports a Chinese member list with a suggested mapping, reports the bad row, and cleans like live data', async () => {
      const file = join(dir, 'members.csv');
      const run = json<Summary>(
        await cdp(['import', file, '--kind', 'profiles', '--source', 'CRM 会员', '--json'], db.env),
        'import',
      );
      assert.deepEqual(
        { rows: run.rows, imported: run.imported, duplicates: run.duplicates, rejected: run.rejected },
        { rows: 4, imported: 3, duplicates: 0, rejected: 1 },
      );
      const report = readFileSync(run.errorReport, 'utf8');
      assert.match(report, /^\uFEFF?row,column,reason/);
      assert.match(report, /\n4,.*missing_identifier/);

      const again = json<Summary>(
        await cdp(['import', file, '--kind', 'profiles', '--source', 'CRM 会员', '--json'], db.env),
        'import again',
      );
      assert.equal(again.imported, 0);
      assert.equal(again.duplicates, 3, 'importing the same file twice stores nothing twice');
    });

    it('imports orders that join the member profiles, with amounts and order times', async () => {
      const run = json<Summary>(
        await cdp(
          [
            'import',
            join(dir, 'orders.csv'),
            '--kind',
            'orders',
            '--source',
            'OMS',
            '--map',
            join(dir, 'orders.map.json'),
            '--json',
          ],
          db.env,
        ),
        'orders import',
      );
      assert.equal(run.imported, 2);

      const config = loadConfig({ ...db.env, LOG_LEVEL: 'silent' });
      const handle = await openDatabase<Database>({
        databaseUrl: config.DATABASE_URL,
        dataDir: config.CDP_DATA_DIR,
        poolSize: 2,
      });
      try {
        await migrateToLatest(handle.db, MIGRATIONS_DIR);
        const services = buildServices(handle.db, config, pino({ level: 'silent' }));
        const member = await services.profiles.lookup('ws_default', 'member_id', 'M001');
        assert.equal(member.traits.name, '王小明', 'a full-width space inside a Chinese name goes');
        assert.equal(member.traits.gender, 'male');
        assert.equal(member.traits.birthday, '1990-03-05');
        assert.deepEqual(member.identifiers.map((i) => `${i.type}:${i.value}`).sort(), [
          'email:xm@163.com',
          'member_id:M001',
          'phone:+8613800138000',
        ]);
        const orders = await services.profiles.timeline('ws_default', member.id, {
          limit: 10,
          event: 'Order Completed',
        });
        assert.deepEqual(
          orders.items.map((e) => [
            e.event,
            (e.message.properties as { revenue?: number }).revenue,
            e.timestamp,
          ]),
          [
            ['Order Completed', 99, '2026-10-03T01:00:00.000Z'],
            ['Order Completed', 1299, '2026-10-01T04:30:00.000Z'],
          ],
        );
        const all = await services.profiles.timeline('ws_default', member.id, { limit: 10 });
        assert.deepEqual(
          all.items.map((e) => e.type),
          ['identify', 'track', 'track'],
          'the member row (stamped when imported) is on the timeline too',
        );
        const invalid = await services.profiles.lookup('ws_default', 'member_id', 'M002');
        assert.equal(
          invalid.identifiers.some((i) => i.type === 'phone'),
          false,
          'an invalid phone is flagged, not linked',
        );
      } finally {
        await handle.close();
      }
    });
  });
}
