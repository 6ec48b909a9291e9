import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir, lockHolder } from './data-dir-lock.ts';
import type { PgliteWorkerData } from './pglite-worker.ts';

// bigint (int8) and numeric as JS numbers/strings: ids travel as strings anyway.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

export type DbKind = 'embedded' | 'postgres';

export interface DbHandle<DB> {
  readonly kind: DbKind;
  readonly db: Kysely<DB>;
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

export interface OpenOptions {
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly poolSize: number;
  readonly statementTimeoutMs?: number;
  /** When the data dir is held by a running cdp process, connect to its embedded server instead of failing. */
  readonly shareRunning?: boolean;
}

const SOCKET_PORT = 5432;

function socketDir(dataDir: string): string {
  return resolve(dataDir);
}

function makePool(config: pg.PoolConfig, options: { readonly prepare?: boolean } = {}): pg.Pool {
  const pool = new pg.Pool({ ...config, idleTimeoutMillis: 0, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  if (options.prepare) pool.on('connect', preparingClient);
  return pool;
}

const PREPARED = /^\/\*prepared:([a-z0-9_]+)\*\//;

/**
 * Queries that start with `preparedAs(name)` run as named prepared statements on this connection
 * (parsed and planned once, not per call: the difference between ~2,000 and ~10,000 lookups/s).
 * Only on a PostgreSQL server: embedded PGlite is one session shared by every pool connection, so a
 * name prepared by one connection would collide in another.
 */
function preparingClient(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (text: unknown, ...rest: unknown[]) => {
    const name = typeof text === 'string' ? PREPARED.exec(text)?.[1] : undefined;
    return name ? query({ name, text, values: rest[0] }, ...rest.slice(1)) : query(text, ...rest);
  };
}

/**
 * A marker for the start of a hot query's text that makes it a named prepared statement on a
 * PostgreSQL server (`sql\`${preparedAs('profile_lookup')} select …\``). The name must be unique to
 * one query text.
 */
export const preparedAs = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad prepared statement name ${name}`);
  return sql.raw(`/*prepared:${name}*/ `);
};

async function startEmbedded(dataDir: string): Promise<{ worker: Worker; release: () => void }> {
  const release = lockDataDir(dataDir);
  const socketPath = join(socketDir(dataDir), `.s.PGSQL.${SOCKET_PORT}`);
  rmSync(socketPath, { force: true });
  mkdirSync(join(dataDir, 'pgdata'), { recursive: true });
  const workerData: PgliteWorkerData = {
    entry: new URL('./pglite-worker.ts', import.meta.url).href,
    pgdata: resolve(dataDir, 'pgdata'),
    listen: { path: socketPath },
  };
  const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData });
  try {
    await new Promise<void>((ok, fail) => {
      worker.once('error', fail);
      worker.once('exit', (code) => fail(new Error(`embedded database exited with code ${code}`)));
      worker.once('message', () => ok());
    });
  } catch (err) {
    release();
    throw err;
  }
  return { worker, release };
}

async function stopEmbedded(worker: Worker): Promise<void> {
  await new Promise<void>((ok) => {
    const timer = setTimeout(() => void worker.terminate().then(() => ok()), 10_000);
    worker.on('message', (m: { closed?: boolean }) => {
      if (m.closed) {
        clearTimeout(timer);
        void worker.terminate().then(() => ok());
      }
    });
    worker.postMessage({ close: true });
  });
}

/**
 * Opens the system of record: a PostgreSQL server when `databaseUrl` is set, otherwise embedded PGlite
 * in `dataDir` (run in a worker thread, reached over the wire protocol). One driver, one dialect.
 */
export async function openDatabase<DB>(options: OpenOptions): Promise<DbHandle<DB>> {
  const startupOptions = `-c statement_timeout=${options.statementTimeoutMs ?? 0}`;
  if (options.databaseUrl) {
    const pool = makePool(
      { connectionString: options.databaseUrl, max: options.poolSize, options: startupOptions },
      { prepare: true },
    );
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { kind: 'postgres', db, pool, close: () => db.destroy() };
  }
  const dataDir = resolve(options.dataDir);
  const socketHost = socketDir(dataDir);
  const holder = lockHolder(dataDir);
  if (holder !== null && options.shareRunning && existsSync(join(socketHost, `.s.PGSQL.${SOCKET_PORT}`))) {
    const pool = makePool({
      host: socketHost,
      port: SOCKET_PORT,
      user: 'postgres',
      database: 'postgres',
      max: 1,
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { kind: 'embedded', db, pool, close: () => db.destroy() };
  }
  const { worker, release } = await startEmbedded(dataDir);
  // PGlite is one session executing one statement at a time; a few connections let reads queue behind
  // a group-commit transaction without head-of-line blocking in the driver.
  const pool = makePool({
    host: socketHost,
    port: SOCKET_PORT,
    user: 'postgres',
    database: 'postgres',
    max: 4,
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'embedded',
    db,
    pool,
    async close() {
      await db.destroy();
      await stopEmbedded(worker);
      release();
    },
  };
}
