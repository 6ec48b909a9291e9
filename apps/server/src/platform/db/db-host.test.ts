import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { DataDirLockedError } from './data-dir-lock.ts';
import { type DbHandle, openDatabase } from './db-host.ts';

describe('embedded database host', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cdp-dbhost-'));
  let handle: DbHandle<Record<string, never>>;
  before(async () => {
    handle = await openDatabase({ dataDir: dir, poolSize: 4 });
  });
  after(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves concurrent parameterised queries and transactions over several connections without mixing them', async () => {
    await sql`create table t (id serial primary key, v text not null)`.execute(handle.db);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        handle.db.transaction().execute(async (tx) => {
          await sql`insert into t (v) values (${`v${i}`})`.execute(tx);
          const r = await sql<{ n: number }>`select count(*)::int as n from t where v = ${`v${i}`}`.execute(
            tx,
          );
          assert.equal(r.rows[0].n, 1);
        }),
      ),
    );
    const echoes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        sql<{ x: number; s: string }>`select ${i}::int as x, ${`s${i}`}::text as s`.execute(handle.db),
      ),
    );
    for (const [i, r] of echoes.entries()) assert.deepEqual(r.rows[0], { x: i, s: `s${i}` });
    const total = await sql<{ n: number }>`select count(*)::int as n from t`.execute(handle.db);
    assert.equal(total.rows[0].n, 40);
  });

  it('rolls back a failed transaction without leaking it into other connections', async () => {
    await assert.rejects(
      handle.db.transaction().execute(async (tx) => {
        await sql`insert into t (v) values ('rolled-back')`.execute(tx);
        await sql`select 1/0`.execute(tx);
      }),
    );
    const r = await sql<{ n: number }>`select count(*)::int as n from t where v = 'rolled-back'`.execute(
      handle.db,
    );
    assert.equal(r.rows[0].n, 0);
  });

  it('refuses a second owner of the same data directory with the pid that holds it', async () => {
    const { spawnSync } = await import('node:child_process');
    const script = `import('${new URL('./db-host.ts', import.meta.url).href}').then(m => m.openDatabase({ dataDir: ${JSON.stringify(dir)}, poolSize: 1 })).then(() => process.exit(0), (e) => { console.error(e.name + ': ' + e.message); process.exit(3); })`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 3);
    assert.match(r.stderr, new RegExp(`DataDirLockedError: .*locked by pid ${process.pid}`));
    assert.equal(new DataDirLockedError(dir, 1).pid, 1);
  });
});
