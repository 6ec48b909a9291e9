import type { Kysely } from 'kysely';
import { type Evidence, earliestPerSet, type GraphUpdate, writeResolution } from './apply-evidence.ts';
import { parseIdentifierKey } from './evidence/observation-set.ts';
import { diffAssignment } from './graph/diff-assignment.ts';
import type { Observation, ObservationKind } from './graph/observation.ts';
import { resolveIdentities } from './graph/resolve-identities.ts';
import type { IdentifierType } from './identifiers/identifier-types.ts';
import type { IdentityTables } from './identity.tables.ts';
import { graphRepository as repo } from './identity-graph.repository.ts';

/** How a rule change would change (or changed) a workspace's profiles. */
export interface RuleImpact {
  readonly profilesBefore: number;
  readonly profilesAfter: number;
  readonly merges: number;
  readonly splits: number;
  readonly created: number;
  readonly removed: number;
  /** Identifiers whose profile changes. */
  readonly movedIdentifiers: number;
}

/**
 * Resolves ALL of a workspace's evidence (as re-extracted from its history with the new rules)
 * and compares it with the stored graph; with `write`, replaces the stored evidence and graph.
 * The caller holds the workspace's identity lock (and a transaction when writing).
 */
export async function rebuildGraph(
  db: Kysely<IdentityTables>,
  workspaceId: string,
  evidence: readonly Evidence[],
  types: readonly IdentifierType[],
  options: { readonly write: boolean },
): Promise<{ impact: RuleImpact; update: GraphUpdate }> {
  const rows = [...earliestPerSet(evidence).values()];
  const before = await repo.allNodes(db, workspaceId);
  const retractedSets = await repo.retractedSets(db, workspaceId);
  const retractedKeys = await repo.retractedKeys(db, workspaceId, [...new Set(rows.flatMap((r) => r.keys))]);
  const observations: Observation[] = rows.flatMap((row) => {
    const base = { id: row.evidenceId, at: row.at, kind: row.kind as ObservationKind };
    const identifiers = row.keys.map(parseIdentifierKey);
    return retractedSets.has(row.setHash)
      ? identifiers.map((i) => ({ ...base, identifiers: [i] }))
      : [{ ...base, identifiers }];
  });
  const resolution = resolveIdentities(observations, {
    types,
    retracted: { identifiers: retractedKeys.map(parseIdentifierKey) },
  });
  const diff = diffAssignment(before, resolution.clusters);
  if (options.write) {
    await repo.replaceAllObservations(db, workspaceId, rows);
    await writeResolution(db, workspaceId, resolution, diff, rows);
  }
  let moved = 0;
  for (const [key, id] of before) if (diff.assignment.get(key) !== id) moved++;
  return {
    update: { diff, before },
    impact: {
      profilesBefore: new Set(before.values()).size,
      profilesAfter: resolution.clusters.length,
      merges: diff.merged.length,
      splits: diff.split.length,
      created: diff.created.length,
      removed: diff.removed.length,
      movedIdentifiers: moved,
    },
  };
}
