import type { Kysely } from 'kysely';
import { BUILT_IN_IDENTIFIER_TYPES, type IdentifierType } from './identifiers/identifier-types.ts';
import type { IdentityTables } from './identity.tables.ts';

export interface IdentitySettings {
  readonly types: readonly IdentifierType[];
  /** 0 while the built-in rules apply; each published change adds one. */
  readonly version: number;
  readonly updatedAt: string | null;
}

/** The identifier types a workspace resolves with: its published rules, or the built-in defaults. */
export async function loadIdentitySettings(
  db: Kysely<IdentityTables>,
  workspaceId: string,
): Promise<IdentitySettings> {
  const row = await db
    .selectFrom('identity_settings')
    .select(['types', 'version', 'updated_at'])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) return { types: BUILT_IN_IDENTIFIER_TYPES, version: 0, updatedAt: null };
  return {
    types: row.types as IdentifierType[],
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function saveIdentityTypes(
  db: Kysely<IdentityTables>,
  workspaceId: string,
  types: readonly IdentifierType[],
): Promise<void> {
  await db
    .insertInto('identity_settings')
    .values({ workspace_id: workspaceId, types: JSON.stringify(types) })
    .onConflict((oc) =>
      oc.column('workspace_id').doUpdateSet((eb) => ({
        types: eb.ref('excluded.types'),
        version: eb(eb.ref('identity_settings.version'), '+', 1),
        updated_at: new Date(),
      })),
    )
    .execute();
}
