import { type Kysely, sql } from 'kysely';
import type { Database } from '../database.ts';

/**
 * Serialises identity and profile work of one workspace (pipeline steps, splits, rule publishing,
 * matching) until the caller's transaction ends.
 */
export async function lockWorkspaceIdentity(db: Kysely<Database>, workspaceId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`cdp.identity:${workspaceId}`}))`.execute(db);
}
