import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../src/database.ts';
import { openDatabase } from '../src/platform/db/db-host.ts';
import { backends, freshDatabase, type TestDatabase } from './support/backends.ts';
import { type ChildServer, spawnServer } from './support/child-server.ts';

const CLIENTS = 8;
const BATCH = 20;

interface Batch {
  readonly ids: string[];
  acked: boolean;
}

async function send(server: ChildServer, batch: Batch): Promise<void> {
  const res = await fetch(`${server.url}/v1/batch`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${server.writeKey}:`).toString('base64')}`,
    },
    body: JSON.stringify({
      batch: batch.ids.map((id) => ({
        type: 'track',
        event: 'Crash Test',
        userId: `u-${id}`,
        messageId: id,
      })),
    }),
  });
  if (res.status === 200) {
    const body = (await res.json()) as { accepted: number; duplicates: number };
    assert.equal(body.accepted + body.duplicates, batch.ids.length);
    batch.acked = true;
  }
}

/** Stored rows per messageId, read straight from the database. */
async function storedCounts(db: TestDatabase): Promise<Map<string, number>> {
  const handle = await openDatabase<Database>({
    databaseUrl: db.env.DATABASE_URL,
    dataDir: db.dataDir,
    poolSize: 1,
  });
  try {
    const { rows } = await sql<{ message_id: string; n: string }>`
      select message_id, count(*)::text as n from events where event = 'Crash Test' group by 1`.execute(
      handle.db,
    );
    return new Map(rows.map((r) => [r.message_id, Number(r.n)]));
  } finally {
    await handle.close();
  }
}

for (const backend of backends()) {
  describe(`crash safety (${backend})`, () => {
    const cleanup: Array<() => Promise<void>> = [];
    after(async () => {
      for (const c of cleanup.reverse()) await c();
    });

    it('loses no acknowledged message and stores none twice when killed with SIGKILL mid-stream', async () => {
      const db = await freshDatabase(backend);
      cleanup.push(() => db.drop());
      const batches: Batch[] = [];
      for (let round = 0; round < 3; round++) {
        const server = await spawnServer(db.env);
        cleanup.push(async () => {
          server.child.kill('SIGKILL');
        });
        let stop = false;
        let n = 0;
        const clients = Array.from({ length: CLIENTS }, async (_, c) => {
          while (!stop) {
            const batch: Batch = {
              ids: Array.from({ length: BATCH }, (_, i) => `r${round}-c${c}-b${n}-${i}`),
              acked: false,
            };
            n++;
            batches.push(batch);
            try {
              await send(server, batch);
            } catch {
              return; // connection died with the server
            }
          }
        });
        await new Promise((r) => setTimeout(r, 700 + Math.floor(Math.random() * 800)));
        server.child.kill('SIGKILL');
        stop = true;
        await Promise.all(clients);
        await server.exited;
      }
      const acked = batches.filter((b) => b.acked);
      assert.ok(acked.length > 20, `enough traffic before the kill (${acked.length} batches acknowledged)`);

      // Every acknowledged message survived the kills, exactly once.
      const afterCrash = await storedCounts(db);
      for (const b of acked)
        for (const id of b.ids) assert.equal(afterCrash.get(id), 1, `acked ${id} stored once`);
      for (const [id, n] of afterCrash) assert.equal(n, 1, `${id} stored once`);

      // Clients retry what was not acknowledged; dedupe keeps it exactly once.
      const server = await spawnServer(db.env);
      for (const b of batches.filter((x) => !x.acked)) await send(server, b);
      assert.ok(batches.every((b) => b.acked));
      server.child.kill('SIGTERM');
      assert.equal(await server.exited, 0, `clean exit on SIGTERM:\n${server.output()}`);
      const final = await storedCounts(db);
      const expected = batches.reduce((s, b) => s + b.ids.length, 0);
      assert.equal(final.size, expected);
      assert.ok([...final.values()].every((n) => n === 1));
    });

    it('finishes in-flight requests on SIGTERM and exits 0', async () => {
      const db = await freshDatabase(backend);
      cleanup.push(() => db.drop());
      const server = await spawnServer(db.env);
      const inflight = Array.from({ length: 20 }, (_, i) => {
        const batch: Batch = { ids: Array.from({ length: 50 }, (_, j) => `term-${i}-${j}`), acked: false };
        return send(server, batch).then(
          () => batch,
          () => batch,
        );
      });
      await new Promise((r) => setTimeout(r, 30)); // the requests are now in the server
      server.child.kill('SIGTERM');
      const done = await Promise.all(inflight);
      assert.equal(await server.exited, 0, server.output());
      const stored = await storedCounts(db);
      for (const b of done.filter((x) => x.acked)) for (const id of b.ids) assert.equal(stored.get(id), 1);
      assert.ok(
        done.some((b) => b.acked),
        'requests in flight at SIGTERM were answered',
      );
    });
  });
}
