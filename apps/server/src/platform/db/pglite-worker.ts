import { createServer } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import { ProtocolQueue } from './protocol-queue.ts';

/**
 * Runs embedded PostgreSQL (PGlite, WASM) off the main thread and serves it over the PostgreSQL wire
 * protocol, so the app talks to it with the same `pg` driver it uses for a PostgreSQL server.
 */
export interface PgliteWorkerData {
  readonly entry: string;
  readonly pgdata: string;
  readonly listen: { readonly path: string } | { readonly host: string; readonly port: number };
}

const data = workerData as PgliteWorkerData;
const port = parentPort;
if (!port) throw new Error('pglite-worker must run in a worker thread');

const db = await PGlite.create({ dataDir: data.pgdata, relaxedDurability: false });
const queue = new ProtocolQueue(db);
const server = createServer((socket) => {
  const handler = new PGLiteSocketHandler({
    // ProtocolQueue implements the queue contract of pglite-socket (its class is not exported).
    queryQueue: queue as unknown as ConstructorParameters<typeof PGLiteSocketHandler>[0]['queryQueue'],
    closeOnDetach: true,
  });
  handler.attach(socket).catch(() => socket.destroy());
});

await new Promise<void>((resolve, reject) => {
  server.once('error', reject);
  if ('path' in data.listen) server.listen(data.listen.path, resolve);
  else server.listen(data.listen.port, data.listen.host, resolve);
});
const address = server.address();
port.postMessage({ ready: true, port: typeof address === 'object' && address ? address.port : null });

port.on('message', async (msg: { close?: boolean }) => {
  if (!msg.close) return;
  server.close();
  await db.close();
  port.postMessage({ closed: true });
});
