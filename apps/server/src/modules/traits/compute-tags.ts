import type { ComputeResult } from '@cdp/protocol';
import { type Kysely, sql } from 'kysely';
import type { IdentityTables } from '../identity/index.ts';
import type { ProfilesTables } from '../profiles/index.ts';
import { type ComputableTag, desiredValues } from './desired-values.ts';
import { TagCatalogRepository, toTag } from './tag-catalog.repository.ts';
import { affects, isDue, orderByDependencies, type TagChanges } from './tag-dependencies.ts';
import type { DesiredRow } from './tag-scope.ts';
import { realtimeProblem } from './tag-spec.ts';
import { asOfBeforeLastCompute } from './traits.errors.ts';
import type { TraitsTables } from './traits.tables.ts';
import { lockTag, writeTagValues } from './write-tag-values.ts';

/** Any database handle of the app (the traits tables are added with `withTables`). */
export type TagsDb = Kysely<ProfilesTables & IdentityTables>;

const nothing = sql<DesiredRow>`select null::text as profile_id, null::jsonb as value, null::jsonb as details where false`;

/**
 * Recomputes a tag for all profiles of the workspace, as of `asOf` (default now), in one transaction:
 * values are upserted, values that no longer hold and values of profiles that are gone are removed,
 * and the value history is closed and opened at `asOf`. Refuses an `asOf` before the tag's last full
 * computation (history only moves forward).
 */
export async function computeTag(
  db: TagsDb,
  workspaceId: string,
  tag: ComputableTag,
  options: { readonly asOf?: Date } = {},
): Promise<ComputeResult> {
  const asOf = options.asOf ?? new Date();
  return lockTag(db.withTables<TraitsTables>(), workspaceId, tag.id, async (trx) => {
    const stored = await new TagCatalogRepository(trx).tag(workspaceId, tag.id);
    if (stored?.last_computed_at && asOf < stored.last_computed_at)
      throw asOfBeforeLastCompute(stored.last_computed_at.toISOString());
    const scope = { workspaceId };
    const counts = await writeTagValues(trx, tag.id, scope, desiredValues(tag, scope, asOf), asOf);
    await new TagCatalogRepository(trx).markComputed(workspaceId, tag.id, asOf);
    return { tagId: tag.id, asOf: asOf.toISOString(), ...counts };
  });
}

/** Removes every current value of a tag (closing their history at `asOf`): archived tags hold none. */
export async function clearTag(
  db: TagsDb,
  workspaceId: string,
  tagId: string,
  asOf: Date,
): Promise<ComputeResult> {
  return lockTag(db.withTables<TraitsTables>(), workspaceId, tagId, async (trx) => {
    const counts = await writeTagValues(trx, tagId, { workspaceId }, nothing, asOf);
    return { tagId, asOf: asOf.toISOString(), ...counts };
  });
}

/**
 * Recomputes the active realtime tags of a few profiles (the pipeline calls this after each batch
 * with the profiles it touched). With `changes`, tags whose lineage the change cannot reach are
 * skipped; tags are computed after the tags they read, and a tag whose values changed counts as a
 * change for the tags that read it. Profiles that no longer exist lose their values.
 */
export async function computeTagsForProfiles(
  db: TagsDb,
  workspaceId: string,
  profileIds: readonly string[],
  options: { readonly asOf?: Date; readonly changes?: TagChanges } = {},
): Promise<ComputeResult[]> {
  if (profileIds.length === 0) return [];
  const asOf = options.asOf ?? new Date();
  const traits = db.withTables<TraitsTables>();
  const rows = await new TagCatalogRepository(traits).tags(workspaceId, { status: 'active' });
  const tags = rows
    .map(toTag)
    .filter((t) => t.update.mode === 'realtime' && !realtimeProblem(t.spec, t.update));
  const changedTags = new Set<string>();
  const results: ComputeResult[] = [];
  const scope = { workspaceId, profileIds: [...new Set(profileIds)] };
  for (const tag of orderByDependencies(tags)) {
    if (!affects(tag, options.changes, changedTags)) continue;
    const counts = await lockTag(traits, workspaceId, tag.id, (trx) =>
      writeTagValues(trx, tag.id, scope, desiredValues(tag, scope, asOf), asOf),
    );
    if (counts.added + counts.changed + counts.removed > 0) changedTags.add(tag.id);
    results.push({ tagId: tag.id, asOf: asOf.toISOString(), ...counts });
  }
  return results;
}

/**
 * Recomputes the workspace's active tags that are due at `now` (see `isDue`: scheduled tags whose
 * interval has passed, never-computed tags, time-relative realtime tags daily), in dependency order.
 * The app's scheduler calls this periodically.
 */
export async function recomputeScheduledTags(
  db: TagsDb,
  workspaceId: string,
  now: Date,
): Promise<ComputeResult[]> {
  const rows = await new TagCatalogRepository(db.withTables<TraitsTables>()).tags(workspaceId, {
    status: 'active',
  });
  const tags = rows.map(toTag);
  const due = new Set(tags.filter((t) => isDue(t, now)).map((t) => t.id));
  const results: ComputeResult[] = [];
  for (const tag of orderByDependencies(tags)) {
    if (!due.has(tag.id)) continue;
    results.push(await computeTag(db, workspaceId, tag, { asOf: now }));
  }
  return results;
}
