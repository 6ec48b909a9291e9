import type {
  CreateTagCategoryBody,
  TagCategory,
  TagCategoryList,
  UpdateTagCategoryBody,
} from '@cdp/protocol';
import type { Kysely } from 'kysely';
import { newId } from '../../platform/ids.ts';
import { TagCatalogRepository, toCategory } from './tag-catalog.repository.ts';
import { categoryCycle, categoryNameTaken, categoryNotEmpty, categoryNotFound } from './traits.errors.ts';
import type { TraitsTables } from './traits.tables.ts';

/** The category tree of the tag catalogue (name, parent, position among siblings). */
export class TagCategoriesService {
  private readonly catalog: TagCatalogRepository;

  constructor(db: Kysely<TraitsTables>) {
    this.catalog = new TagCatalogRepository(db);
  }

  async list(workspaceId: string): Promise<TagCategoryList> {
    return { items: (await this.catalog.categories(workspaceId)).map(toCategory) };
  }

  async get(workspaceId: string, id: string): Promise<TagCategory> {
    const row = await this.catalog.category(workspaceId, id);
    if (!row) throw categoryNotFound(id);
    return toCategory(row);
  }

  /** Refuses an unknown parent, a parent inside the category itself, and a sibling of the same name. */
  private async check(workspaceId: string, id: string | null, name: string, parentId: string | null) {
    const all = (await this.catalog.categories(workspaceId)).map(toCategory);
    if (all.some((c) => c.id !== id && c.parentId === parentId && c.name === name))
      throw categoryNameTaken(name);
    const byId = new Map(all.map((c) => [c.id, c]));
    for (let at = parentId; at !== null; at = byId.get(at)?.parentId ?? null) {
      if (!byId.has(at)) throw categoryNotFound(at, 'parentId');
      if (at === id) throw categoryCycle();
    }
  }

  async create(workspaceId: string, body: CreateTagCategoryBody): Promise<TagCategory> {
    await this.check(workspaceId, null, body.name, body.parentId);
    const id = newId('tgc');
    await this.catalog.insertCategory(workspaceId, id, body);
    return this.get(workspaceId, id);
  }

  async update(workspaceId: string, id: string, body: UpdateTagCategoryBody): Promise<TagCategory> {
    const next = { ...(await this.get(workspaceId, id)), ...body };
    await this.check(workspaceId, id, next.name, next.parentId);
    await this.catalog.updateCategory(workspaceId, id, next);
    return this.get(workspaceId, id);
  }

  /** Deletes an empty category (no tags, no child categories). */
  async remove(workspaceId: string, id: string): Promise<void> {
    await this.get(workspaceId, id);
    if (await this.catalog.categoryInUse(workspaceId, id)) throw categoryNotEmpty(id);
    await this.catalog.deleteCategory(workspaceId, id);
  }
}
