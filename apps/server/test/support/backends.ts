import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { MIGRATIONS_DIR } from '../../src/app.ts';
import type { Database } from '../../src/database.ts';
import { readEnv } from '../../src/platform/config.ts';
import { type DbHandle, openDatabase } from '../../src/platform/db/db-host.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';

export type Backend = 'embedded' | 'postgres';

/** Storage and ingestion suites run on embedded PGlite always, and on PostgreSQL when TEST_DATABASE_URL is set. */
export function backends(): Backend[] {
  return readEnv('TEST_DATABASE_URL') ? ['embedded', 'postgres'] : ['embedded'];
}

const ROOT = new URL('../../../../.test-data/', import.meta.url).pathname;

function migrationsHash(): string {
  const h = createHash('sha1');
  for (const f of readdirSync(MIGRATIONS_DIR).sort())
    h.update(f).update(readFileSync(new URL(f, MIGRATIONS_DIR)));
  return h.digest('hex').slice(0, 12);
}

/** A migrated embedded data directory, made once per migration set and copied for each test. */
async function template(): Promise<string> {
  const dir = join(ROOT, `template-${migrationsHash()}`);
  if (existsSync(join(dir, 'pgdata'))) return dir;
  const tmp = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const handle = await openDatabase<Database>({ dataDir: tmp, poolSize: 1 });
  await migrateToLatest(handle.db, MIGRATIONS_DIR);
  await handle.close();
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another test process made it first
  }
  return dir;
}

export interface TestDatabase {
  /** Environment for the config: DATABASE_URL or CDP_DATA_DIR. */
  readonly env: Record<string, string>;
  readonly dataDir: string;
  drop(): Promise<void>;
}

/** A fresh, migrated, empty database of the given kind. */
export async function freshDatabase(backend: Backend): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cdp-test-'));
  if (backend === 'embedded') {
    cpSync(join(await template(), 'pgdata'), join(dataDir, 'pgdata'), { recursive: true });
    return {
      env: { CDP_DATA_DIR: dataDir },
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = readEnv('TEST_DATABASE_URL');
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `cdp_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase<Database>({ databaseUrl: url.toString(), dataDir, poolSize: 1 });
  await migrateToLatest(handle.db, MIGRATIONS_DIR);
  await handle.close();
  return {
    env: { DATABASE_URL: url.toString(), CDP_DATA_DIR: dataDir },
    dataDir,
    async drop() {
      rmSync(dataDir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A fresh database opened with one connection; `drop` closes and drops it. */
export type OpenedDatabase<DB> = DbHandle<DB> & { drop(): Promise<void> };

/** A fresh database of the given kind, opened with one connection. */
export async function openFreshDatabase<DB>(backend: Backend): Promise<OpenedDatabase<DB>> {
  const database = await freshDatabase(backend);
  const handle = await openDatabase<DB>({
    databaseUrl: database.env.DATABASE_URL,
    dataDir: database.dataDir,
    poolSize: 1,
  });
  return Object.assign(handle, {
    async drop() {
      await handle.close();
      await database.drop();
    },
  });
}
