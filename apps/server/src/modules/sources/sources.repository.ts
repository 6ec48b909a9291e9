import type { Kysely } from 'kysely';
import type { SourceRow, SourcesTables } from './sources.tables.ts';

export class SourcesRepository {
  constructor(private readonly db: Kysely<SourcesTables>) {}

  list(workspaceId: string): Promise<SourceRow[]> {
    return this.db
      .selectFrom('sources')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at')
      .execute();
  }

  async get(workspaceId: string, id: string): Promise<SourceRow | undefined> {
    return this.db
      .selectFrom('sources')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  byWriteKey(writeKey: string): Promise<SourceRow | undefined> {
    return this.db.selectFrom('sources').selectAll().where('write_key', '=', writeKey).executeTakeFirst();
  }

  async insert(
    row: Pick<SourceRow, 'id' | 'workspace_id' | 'name' | 'type' | 'write_key'>,
  ): Promise<SourceRow> {
    return this.db.insertInto('sources').values(row).returningAll().executeTakeFirstOrThrow();
  }

  update(
    workspaceId: string,
    id: string,
    patch: Partial<Pick<SourceRow, 'name' | 'enabled' | 'write_key'>>,
  ): Promise<SourceRow | undefined> {
    return this.db
      .updateTable('sources')
      .set({ ...patch, updated_at: new Date() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }
}
