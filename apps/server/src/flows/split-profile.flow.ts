import type { SplitBody, SplitResult } from '@cdp/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { graphRepository, loadIdentitySettings, recomputeComponent } from '../modules/identity/index.ts';
import {
  applyProfileUpdates,
  evidenceNotInProfile,
  identifierNotInProfile,
  loadTraitRules,
  type ProfilesService,
} from '../modules/profiles/index.ts';
import { followProfiles } from './follow-profiles.ts';
import { lockWorkspaceIdentity } from './identity-lock.ts';

/**
 * Splits a wrongly merged profile: an operator takes an identifier out of the graph, or retracts
 * the evidence of one link. The component is resolved again from the remaining evidence, profiles
 * and traits are rebuilt, and the split is recorded in the history and the change feed. One
 * transaction under the workspace's identity lock, like the pipeline.
 */
export async function splitProfile(
  db: Kysely<Database>,
  profiles: ProfilesService,
  workspaceId: string,
  profileId: string,
  body: SplitBody,
  actor: string | null,
  timeZone?: string,
): Promise<SplitResult> {
  const canonical = body.identifier
    ? await profiles.canonicalKey(workspaceId, body.identifier.type, body.identifier.value)
    : null;
  const { id } = await profiles.get(workspaceId, profileId);
  return db.transaction().execute(async (transaction) => {
    const tx: Kysely<Database> = transaction;
    await lockWorkspaceIdentity(tx, workspaceId);
    const keys = (await graphRepository.keysOfProfiles(tx, workspaceId, [id])).map((r) => r.key);
    const reason = body.reason ?? null;
    if (canonical) {
      if (!keys.includes(canonical)) throw identifierNotInProfile(canonical, id);
      await graphRepository.retractIdentifier(tx, workspaceId, canonical, reason, actor);
    } else if (body.evidenceId) {
      const touching = await graphRepository.observationsTouching(tx, workspaceId, keys);
      if (!touching.some((o) => o.evidenceId === body.evidenceId))
        throw evidenceNotInProfile(body.evidenceId, id);
      await graphRepository.retractEvidence(tx, workspaceId, body.evidenceId, reason);
    }
    const { types } = await loadIdentitySettings(tx, workspaceId);
    const update = await recomputeComponent(tx, workspaceId, keys, types);
    const changed = await applyProfileUpdates(
      tx,
      workspaceId,
      update,
      [],
      await loadTraitRules(tx, workspaceId),
    );
    await followProfiles(tx, workspaceId, changed, timeZone);
    const after = new Set(keys.flatMap((k) => update.diff?.assignment.get(k) ?? []));
    return { profiles: [...after].sort() };
  });
}
