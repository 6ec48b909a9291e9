import type { IdentityRules, RuleImpact } from '@cdp/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../database.ts';
import {
  type Evidence,
  type IdentifierType,
  rebuildGraph,
  saveIdentityTypes,
} from '../modules/identity/index.ts';
import {
  applyProfileUpdates,
  assertTraits,
  loadTraitRules,
  replaceTraitStates,
  type TraitState,
} from '../modules/profiles/index.ts';
import { byPriority, eventEvidence, scanEvents } from './event-evidence.ts';
import { followProfiles } from './follow-profiles.ts';
import { lockWorkspaceIdentity } from './identity-lock.ts';

/** All evidence and trait states of a workspace, re-read from its event history with `types`. */
async function evidenceFromHistory(
  db: Kysely<Database>,
  workspaceId: string,
  types: readonly IdentifierType[],
) {
  const evidence: Evidence[] = [];
  const states = new Map<string, TraitState>();
  for await (const events of scanEvents(db, workspaceId)) {
    for (const e of events) {
      const found = eventEvidence(e, types);
      if (found.evidence) evidence.push(found.evidence);
      if (found.traits)
        states.set(found.traits.key, assertTraits(states.get(found.traits.key), found.traits.assertion));
    }
  }
  return { evidence, states };
}

/** How many profiles new identity rules would merge, split, create and remove, over all history. */
export async function simulateIdentityRules(
  db: Kysely<Database>,
  workspaceId: string,
  rules: IdentityRules,
): Promise<RuleImpact> {
  const types = byPriority(rules.types);
  const { evidence } = await evidenceFromHistory(db, workspaceId, types);
  return (await rebuildGraph(db, workspaceId, evidence, types, { write: false })).impact;
}

/**
 * Publishes new identity rules and applies them to history: evidence and traits are re-read from
 * every stored event with the new rules, the whole graph is resolved again, and the profiles that
 * change are rebuilt, with merges and splits in their history and the change feed. One transaction
 * under the workspace's identity lock; new events wait for it.
 */
export async function publishIdentityRules(
  db: Kysely<Database>,
  workspaceId: string,
  rules: IdentityRules,
  timeZone?: string,
): Promise<RuleImpact> {
  const types = byPriority(rules.types);
  return db.transaction().execute(async (transaction) => {
    const tx: Kysely<Database> = transaction;
    await lockWorkspaceIdentity(tx, workspaceId);
    await saveIdentityTypes(tx, workspaceId, types);
    const { evidence, states } = await evidenceFromHistory(tx, workspaceId, types);
    await replaceTraitStates(tx, workspaceId, states);
    const { impact, update } = await rebuildGraph(tx, workspaceId, evidence, types, { write: true });
    const changed = await applyProfileUpdates(
      tx,
      workspaceId,
      update,
      [],
      await loadTraitRules(tx, workspaceId),
    );
    await followProfiles(tx, workspaceId, changed, timeZone);
    return impact;
  });
}
