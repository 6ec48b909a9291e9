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
