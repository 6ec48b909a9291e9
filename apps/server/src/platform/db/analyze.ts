import { type Kysely, sql } from 'kysely';

/**
 * Refreshes the planner's statistics of `tables` after a bulk write of `rows` rows, by the rule
 * autovacuum applies (more than 50 rows + 10% of the table changed; a table never analyzed always):
 * plans that look up a few profiles' rows stay index lookups right after a recomputation wrote a
 * million of them, also where autovacuum is off or has not come by yet. ANALYZE samples the table, so
 * it costs well under a second even on large tables; it runs inside the caller's transaction.
 */
export async function analyzeAfterBulkWrite<DB>(
  db: Kysely<DB>,
  tables: readonly string[],
  rows: number,
): Promise<void> {
  if (rows <= 50) return;
  const { rows: stale } = await sql<{ name: string }>`
    select c.relname as name from pg_class c
     where c.relname in (select unnest(${tables}::text[])) and c.relkind = 'r'
       and c.relnamespace = to_regnamespace(current_schema())
       and (c.reltuples < 0 or ${rows} > 50 + 0.1 * c.reltuples)`.execute(db);
  for (const { name } of stale) await sql`analyze ${sql.table(name)}`.execute(db);
}

/**
 * Where no autovacuum runs (PGlite never has one; a server may have it turned off), analyzes the
 * tables of the current schema that grew by more than 10% since their statistics were taken, or
 * that hold data and were never analyzed: the growth autovacuum's analyze rule reacts to, read from
 * each table's size on disk against the pages its last ANALYZE saw. Returns the tables analyzed.
 */
export async function analyzeGrownTables<DB>(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c
     where c.relkind = 'r' and c.relnamespace = to_regnamespace(current_schema())
       and pg_relation_size(c.oid) > 0
       and (c.reltuples < 0 or pg_relation_size(c.oid) / current_setting('block_size')::int > 8 + 1.1 * c.relpages)
     order by c.relname`.execute(db);
  for (const { name } of rows) await sql`analyze ${sql.table(name)}`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * Where no autovacuum runs, vacuums the tables of the current schema by autovacuum's rules: more
 * dead rows than 50 + 20% of the table (updates, deletes: queues, the dedupe window, memberships),
 * or more rows inserted since the last vacuum than 1,000 + 20% (so that index-only scans of new
 * rows skip the table, and rows get frozen). Without it an embedded database never reuses the
 * space of deleted rows and grows without bound. Counts come from the cumulative statistics, which
 * a crash resets (the tables are then vacuumed later, as autovacuum would). VACUUM runs outside any
 * transaction and takes no lock that blocks reads or writes on a server; on the embedded database
 * it occupies the single session while it runs, so the thresholds keep it rare for large tables.
 * Returns the tables vacuumed.
 */
export async function vacuumChurnedTables<DB>(db: Kysely<DB>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select s.relname as name from pg_stat_user_tables s join pg_class c on c.oid = s.relid
     where s.schemaname = current_schema()
       and (s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
            or s.n_ins_since_vacuum > 1000 + 0.2 * greatest(c.reltuples, 0))
     order by s.relname`.execute(db);
  for (const { name } of rows) await sql`vacuum ${sql.table(name)}`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * Table upkeep where no autovacuum runs (see vacuumChurnedTables and analyzeGrownTables): the
 * worker calls it every minute.
 */
export async function maintainTables<DB>(
  db: Kysely<DB>,
): Promise<{ vacuumed: string[]; analyzed: string[] }> {
  const vacuumed = await vacuumChurnedTables(db);
  const analyzed = await analyzeGrownTables(db);
  return { vacuumed, analyzed };
}

/** Whether the database vacuums and analyzes tables by itself: a PostgreSQL server with autovacuum on. */
export async function hasAutovacuum<DB>(db: Kysely<DB>, kind: 'embedded' | 'postgres'): Promise<boolean> {
  if (kind === 'embedded') return false;
  const { rows } = await sql<{ on: string }>`select current_setting('autovacuum') as on`.execute(db);
  return rows[0]?.on === 'on';
}
