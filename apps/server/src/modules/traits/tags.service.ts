import type {
  ComputeResult,
  CreateTagBody,
  ImportTagBody,
  ImportTagResult,
  PreviewTagBody,
  ProfileTags,
  Tag,
  TagList,
  TagListQuery,
  TagMembers,
  TagMembersQuery,
  TagPreview,
  TagStats,
  TagValue,
  UpdateTagBody,
} from '@cdp/protocol';
import { type Kysely, sql } from 'kysely';
import { newId } from '../../platform/ids.ts';
import { loadIdentitySettings } from '../identity/index.ts';
import { clearTag, computeTag, type TagsDb } from './compute-tags.ts';
import { desiredValues } from './desired-values.ts';
import { normalizeRows, parseTagValue, uploadedRows } from './import-rows.ts';
import { TagCatalogRepository, tagColumns, toTag } from './tag-catalog.repository.ts';
import { TagCategoriesService } from './tag-categories.service.ts';
import { TagImportsRepository } from './tag-imports.repository.ts';
import { tagStats } from './tag-stats.repository.ts';
import { TagValuesRepository, valuesOf } from './tag-values.repository.ts';
import {
  categoryNotFound,
  profileNotFound,
  tagArchived,
  tagInUse,
  tagNameTaken,
  tagNotFound,
  tagNotImported,
  valueTypeMismatch,
} from './traits.errors.ts';
import type { TraitsTables } from './traits.tables.ts';
import { validateTag } from './validate-tag.ts';

const date = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso));
const PREVIEW_SAMPLE = 10;

/** The tag factory: the tag catalogue, computations, stats, members, imports and previews. */
export class TagsService {
  private readonly db: Kysely<TraitsTables>;
  private readonly catalog: TagCatalogRepository;
  private readonly values: TagValuesRepository;
  /** The category tree of the catalogue. */
  readonly categories: TagCategoriesService;

  /** @param timeZone the default time zone of tags that name none (`CDP_TIME_ZONE`). */
  constructor(
    private readonly appDb: TagsDb,
    private readonly timeZone: string,
  ) {
    this.db = appDb.withTables<TraitsTables>();
    this.catalog = new TagCatalogRepository(this.db);
    this.values = new TagValuesRepository(this.db);
    this.categories = new TagCategoriesService(this.db);
  }

  async list(workspaceId: string, query: TagListQuery): Promise<TagList> {
    return { items: (await this.catalog.tags(workspaceId, query)).map(toTag) };
  }

  async get(workspaceId: string, id: string): Promise<Tag> {
    const row = await this.catalog.tag(workspaceId, id);
    if (!row) throw tagNotFound(id);
    return toTag(row);
  }

  /** What every other tag of the workspace reads (for dependency checks). */
  private async reads(workspaceId: string, except: string | null) {
    const tags = (await this.catalog.tags(workspaceId)).map(toTag).filter((t) => t.id !== except);
    return new Map(tags.map((t) => [t.id, t.lineage.tags]));
  }

  private async checkCatalog(
    workspaceId: string,
    id: string | null,
    name: string,
    categoryId: string | null,
  ) {
    const named = await this.catalog.tagByName(workspaceId, name);
    if (named && named.id !== id) throw tagNameTaken(name);
    if (categoryId !== null && !(await this.catalog.category(workspaceId, categoryId)))
      throw categoryNotFound(categoryId, 'categoryId');
  }

  async create(workspaceId: string, body: CreateTagBody, actor: string | null): Promise<Tag> {
    await this.checkCatalog(workspaceId, null, body.name, body.categoryId);
    const draft = { ...body, timeZone: body.timeZone ?? this.timeZone };
    const lineage = validateTag(null, draft, await this.reads(workspaceId, null));
    const id = newId('tag');
    await this.catalog.insertTag(workspaceId, id, tagColumns({ ...draft, lineage }), actor);
    return this.get(workspaceId, id);
  }

  /**
   * Saves changes. Archiving removes the tag's current values (their history stays); a new definition,
   * type or time zone, or leaving the archive, makes the tag due for the scheduler's next full compute.
   */
  async update(workspaceId: string, id: string, body: UpdateTagBody, actor: string | null): Promise<Tag> {
    const current = await this.get(workspaceId, id);
    const next = { ...current, ...body };
    await this.checkCatalog(workspaceId, id, next.name, next.categoryId);
    const lineage = validateTag(id, next, await this.reads(workspaceId, id));
    await this.catalog.updateTag(workspaceId, id, tagColumns({ ...next, lineage }), actor);
    const redefined = body.spec !== undefined || body.valueType !== undefined || body.timeZone !== undefined;
    if (redefined || (current.status === 'archived' && next.status !== 'archived'))
      await this.catalog.markComputed(workspaceId, id, null);
    if (next.status === 'archived') await clearTag(this.appDb, workspaceId, id, new Date());
    return this.get(workspaceId, id);
  }

  /** Deletes a tag no other tag reads, with its values, history and uploads. */
  async remove(workspaceId: string, id: string): Promise<void> {
    await this.get(workspaceId, id);
    const readers = (await this.catalog.readersOf(workspaceId, id)).filter((r) => r !== id);
    if (readers.length > 0) throw tagInUse(id, readers);
    await this.db.transaction().execute((trx) => new TagCatalogRepository(trx).deleteTag(workspaceId, id));
  }

  /** Recomputes a tag for every profile now (or as of `asOf`). */
  async compute(workspaceId: string, id: string, asOf?: string): Promise<ComputeResult> {
    const tag = await this.get(workspaceId, id);
    if (tag.status === 'archived') throw tagArchived(id);
    return computeTag(this.appDb, workspaceId, tag, { asOf: date(asOf) });
  }

  async stats(workspaceId: string, id: string, asOf?: string): Promise<TagStats> {
    const tag = await this.get(workspaceId, id);
    const at = date(asOf);
    const stats = await tagStats(this.db, workspaceId, valuesOf(workspaceId, id, at), tag.valueType, at);
    return { asOf: asOf ?? null, ...stats };
  }

  async members(workspaceId: string, id: string, q: TagMembersQuery): Promise<TagMembers> {
    const tag = await this.get(workspaceId, id);
    let value: string | undefined;
    if (q.value !== undefined) {
      const parsed = parseTagValue(q.value, tag.valueType);
      if (parsed === null) throw valueTypeMismatch(`${q.value} is not a ${tag.valueType} value`, 'value');
      value = JSON.stringify(parsed);
    }
    const rows = await this.values.members(workspaceId, id, { ...q, value, asOf: date(q.asOf) });
    const page = rows.slice(0, q.limit);
    return {
      items: page.map((r) => ({
        profileId: r.profile_id,
        value: r.value as TagValue,
        since: r.since.toISOString(),
      })),
      nextCursor: rows.length > q.limit ? page[page.length - 1].profile_id : null,
    };
  }

  /** A person's tags with values, now or as of a past instant (a merged-away id reads its survivor). */
  async profileTags(workspaceId: string, profileId: string, asOf?: string): Promise<ProfileTags> {
    const live = await this.values.liveProfileId(workspaceId, profileId);
    if (!live) throw profileNotFound(profileId);
    const rows = await this.values.profileTags(workspaceId, live, date(asOf));
    return {
      profileId: live,
      asOf: asOf ?? null,
      items: rows.map((r) => ({
        tagId: r.tag_id,
        name: r.name,
        valueType: r.value_type as Tag['valueType'],
        value: r.value as TagValue,
        details: (r.details as Record<string, unknown> | null) ?? null,
        since: r.since.toISOString(),
      })),
    };
  }

  /**
   * Uploads values of an imported tag: identifiers normalised like incoming data and resolved through
   * the identity graph; every row not applied is reported with its number and reason. Then recomputes.
   */
  async import(workspaceId: string, id: string, body: ImportTagBody): Promise<ImportTagResult> {
    const tag = await this.get(workspaceId, id);
    if (tag.spec.kind !== 'imported') throw tagNotImported(id);
    if (tag.status === 'archived') throw tagArchived(id);
    const { rows, rejected } = uploadedRows(body);
    const { types } = await loadIdentitySettings(this.appDb, workspaceId);
    const usable = normalizeRows(rows, tag.valueType, types, rejected);
    const imports = new TagImportsRepository(this.db);
    const known = await imports.knownKeys(
      workspaceId,
      usable.map((c) => c.key),
    );
    const byKey = new Map<string, { key: string; value: unknown }>();
    for (const c of usable)
      if (known.has(c.key)) byKey.set(c.key, c);
      else rejected.push({ ...c.source, reason: 'unmatched', detail: 'no profile has this identifier' });
    await imports.save(workspaceId, id, [...byKey.values()], body.mode === 'replace');
    const compute = await computeTag(this.appDb, workspaceId, tag);
    rejected.sort((a, b) => a.row - b.row);
    const incomplete = rejected.filter((r) => r.reason === 'missing_column').length;
    return {
      rows: rows.length + incomplete,
      matched: rows.length + incomplete - rejected.length,
      rejected,
      compute,
    };
  }

  /** Values a draft would give, never saved: coverage, distribution and a sample. */
  async preview(workspaceId: string, body: PreviewTagBody): Promise<TagPreview> {
    const draft = {
      ...body,
      timeZone: body.timeZone ?? this.timeZone,
      update: { mode: 'scheduled', intervalMinutes: 1440 } as const,
    };
    validateTag(null, draft, await this.reads(workspaceId, null));
    const asOf = date(body.asOf) ?? new Date();
    const desired = desiredValues({ id: '(preview)', ...draft }, { workspaceId }, asOf);
    const stats = await tagStats(this.db, workspaceId, desired, body.valueType);
    const { rows } = await sql<{ profile_id: string; value: string }>`
      select d.profile_id, d.value from (${desired}) as d order by d.profile_id limit ${PREVIEW_SAMPLE}::int`.execute(
      this.db,
    );
    return {
      asOf: asOf.toISOString(),
      ...stats,
      sample: rows.map((r) => ({ profileId: r.profile_id, value: r.value })),
    };
  }
}
