import { readdir, readFile } from 'node:fs/promises';
import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  sql,
} from 'kysely';

/** Plain numbered `.sql` files (`YYYYMMDD-NNNN-name.sql`), each run in the one migration transaction. */
class SqlFileProvider implements MigrationProvider {
  constructor(private readonly dir: URL) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.dir)).filter((f) => f.endsWith('.sql')).sort();
    const out: Record<string, Migration> = {};
    for (const file of files) {
      const text = await readFile(new URL(file, this.dir), 'utf8');
      out[file.replace(/\.sql$/, '')] = {
        up: (db) =>
          sql
            .raw(text)
            .execute(db)
            .then(() => undefined),
      };
    }
    return out;
  }
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Brings the schema to the latest version. PostgreSQL runs DDL in transactions, so a crash mid-way
 * leaves the previous schema; a database newer than this code is refused.
 */
export async function migrateToLatest<DB>(db: Kysely<DB>, dir: URL): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: new SqlFileProvider(dir),
    migrationTableName: 'schema_migrations',
    migrationLockTableName: 'schema_migrations_lock',
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationError(`Migration ${failed ?? ''} failed: ${cause}`);
  }
  return result;
}
