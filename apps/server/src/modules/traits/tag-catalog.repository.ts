import type { Tag, TagCategory, TagLineage, TagSpec, TagUpdate } from '@cdp/protocol';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { TraitsTables } from './traits.tables.ts';

type Db = Kysely<TraitsTables>;

const iso = (d: Date | string) => new Date(d).toISOString();

/** A stored tag as the API shows it. */
export function toTag(row: Selectable<TraitsTables['tags']>): Tag {
  return {
    id: row.id,
    name: row.name,
    categoryId: row.category_id,
    owner: row.owner,
    description: row.description,
    valueType: row.value_type as Tag['valueType'],
    spec: row.spec as TagSpec,
    update: (row.update_mode === 'scheduled'
      ? { mode: 'scheduled', intervalMinutes: row.interval_minutes ?? 1440 }
      : { mode: 'realtime' }) satisfies TagUpdate,
    timeZone: row.time_zone,
    status: row.status as Tag['status'],
    lineage: row.lineage as TagLineage,
    lastComputedAt: row.last_computed_at ? iso(row.last_computed_at) : null,
    createdAt: iso(row.created_at),
    createdBy: row.created_by,
    updatedAt: iso(row.updated_at),
    updatedBy: row.updated_by,
  };
}

/** Columns of a tag from its API shape. */
export function tagColumns(
  tag: Omit<Tag, 'id' | 'lastComputedAt' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>,
) {
  return {
    name: tag.name,
    category_id: tag.categoryId,
    owner: tag.owner,
    description: tag.description,
    value_type: tag.valueType,
    spec: JSON.stringify(tag.spec),
    update_mode: tag.update.mode,
    interval_minutes: tag.update.mode === 'scheduled' ? tag.update.intervalMinutes : null,
    time_zone: tag.timeZone,
    status: tag.status,
    lineage: JSON.stringify(tag.lineage),
  };
}

export type TagColumns = ReturnType<typeof tagColumns>;

/** Categories and tags of the catalogue. */
export class TagCatalogRepository {
  constructor(private readonly db: Db) {}

  tag(workspaceId: string, id: string) {
    return this.db
      .selectFrom('tags')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  tags(workspaceId: string, filter: { categoryId?: string; status?: string; ids?: readonly string[] } = {}) {
    let q = this.db.selectFrom('tags').selectAll().where('workspace_id', '=', workspaceId);
    if (filter.categoryId !== undefined) q = q.where('category_id', '=', filter.categoryId);
    if (filter.status !== undefined) q = q.where('status', '=', filter.status);
    if (filter.ids !== undefined) q = q.where(sql<boolean>`id = any(${[...filter.ids]}::text[])`);
    return q.orderBy('name').orderBy('id').execute();
  }

  async tagByName(workspaceId: string, name: string) {
    return this.db
      .selectFrom('tags')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('name', '=', name)
      .executeTakeFirst();
  }

  async insertTag(workspaceId: string, id: string, columns: TagColumns, actor: string | null) {
    await this.db
      .insertInto('tags')
      .values({ workspace_id: workspaceId, id, ...columns, created_by: actor, updated_by: actor })
      .execute();
  }

  async updateTag(workspaceId: string, id: string, columns: TagColumns, actor: string | null) {
    await this.db
      .updateTable('tags')
      .set({ ...columns, updated_by: actor, updated_at: new Date() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  async markComputed(workspaceId: string, id: string, at: Date | null) {
    await this.db
      .updateTable('tags')
      .set({ last_computed_at: at })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** Ids of tags whose definitions read `tagId`. */
  async readersOf(workspaceId: string, tagId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('tags')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where(sql<boolean>`lineage -> 'tags' ? ${tagId}::text`)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Deletes a tag with its values, history and uploads. */
  async deleteTag(workspaceId: string, id: string) {
    for (const table of ['tag_values', 'tag_value_history', 'tag_import_rows'] as const)
      await this.db
        .deleteFrom(table)
        .where('workspace_id', '=', workspaceId)
        .where('tag_id', '=', id)
        .execute();
    await this.db.deleteFrom('tags').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  }

  categories(workspaceId: string) {
    return this.db
      .selectFrom('tag_categories')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy(sql`parent_id nulls first`)
      .orderBy('position')
      .orderBy('name')
      .execute();
  }

  category(workspaceId: string, id: string) {
    return this.db
      .selectFrom('tag_categories')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async insertCategory(
    workspaceId: string,
    id: string,
    c: { name: string; parentId: string | null; position: number },
  ) {
    await this.db
      .insertInto('tag_categories')
      .values({ workspace_id: workspaceId, id, name: c.name, parent_id: c.parentId, position: c.position })
      .execute();
  }

  async updateCategory(
    workspaceId: string,
    id: string,
    c: { name: string; parentId: string | null; position: number },
  ) {
    await this.db
      .updateTable('tag_categories')
      .set({ name: c.name, parent_id: c.parentId, position: c.position, updated_at: new Date() })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** Whether a category holds tags or child categories. */
  async categoryInUse(workspaceId: string, id: string): Promise<boolean> {
    const { rows } = await sql<{ used: boolean }>`
      select exists (select 1 from tags where workspace_id = ${workspaceId} and category_id = ${id})
          or exists (select 1 from tag_categories where workspace_id = ${workspaceId} and parent_id = ${id}) as used`.execute(
      this.db,
    );
    return rows[0].used;
  }

  async deleteCategory(workspaceId: string, id: string) {
    await this.db
      .deleteFrom('tag_categories')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }
}

/** A stored category as the API shows it. */
export function toCategory(row: Selectable<TraitsTables['tag_categories']>): TagCategory {
  return {
    id: row.id,
    name: row.name,
    parentId: row.parent_id,
    position: row.position,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
