import { type Kysely, sql } from 'kysely';

/**
 * Takes the advisory lock named `name` until the caller's transaction ends (every process that
 * names the same lock waits for it): how work on one workspace, tag or audience set is serialised.
 */
export async function holdTransactionLock<DB>(db: Kysely<DB>, name: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(db);
}
