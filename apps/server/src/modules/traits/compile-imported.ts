import { type RawBuilder, sql } from 'kysely';
import { type DesiredRow, inScope, type TagScope } from './tag-scope.ts';

/**
 * An imported tag: uploaded values by identifier key, resolved to today's profile through the identity
 * graph (so merges and splits never lose them). Two identifiers of one profile with different values:
 * the later upload wins, then the smaller key.
 */
export function compileImported(tagId: string, scope: TagScope): RawBuilder<DesiredRow> {
  return sql<DesiredRow>`select distinct on (n.profile_id) n.profile_id, r.value, null::jsonb as details from tag_import_rows as r join identity_nodes as n on n.workspace_id = r.workspace_id and n.key = r.key join profiles as p on p.workspace_id = n.workspace_id and p.id = n.profile_id where r.workspace_id = ${scope.workspaceId}::text and r.tag_id = ${tagId}::text and ${inScope(sql`n.profile_id`, scope)} order by n.profile_id, r.seq desc, r.key`;
}
