import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { holdTransactionLock } from '../platform/db/transaction-lock.ts';

/**
 * Serialises identity and profile work of one workspace (pipeline steps, splits, rule publishing,
 * matching) until the caller's transaction ends.
 */
export async function lockWorkspaceIdentity(db: Kysely<Database>, workspaceId: string): Promise<void> {
  await holdTransactionLock(db, `cdp.identity:${workspaceId}`);
}
