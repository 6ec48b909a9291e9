import type { Kysely } from 'kysely';
import { observationSet, parseIdentifierKey } from './evidence/observation-set.ts';
import { type AssignmentDiff, diffAssignment } from './graph/diff-assignment.ts';
import type { Identifier, Observation, ObservationKind } from './graph/observation.ts';
import type { Resolution } from './graph/resolution.ts';
import { resolveIdentities } from './graph/resolve-identities.ts';
import type { IdentifierType } from './identifiers/identifier-types.ts';
import type { IdentityTables } from './identity.tables.ts';
import {
  type ConflictWrite,
  type ObservationRow,
  graphRepository as repo,
} from './identity-graph.repository.ts';

/** One piece of evidence: identifiers seen together by an event, import row or operator. */
export interface Evidence {
  readonly evidenceId: string;
  readonly kind: ObservationKind;
  readonly sourceId: string | null;
  /** Event time, ISO 8601. */
  readonly at: string;
  readonly identifiers: readonly Identifier[];
  /** What a probabilistic or reviewed link carried (score, match id). */
  readonly details?: unknown;
}

/** What applying evidence changed; `diff` is null when no evidence was new to the graph. */
export interface GraphUpdate {
  readonly diff: AssignmentDiff | null;
  /** Identifier key → profile id after the update, for the keys of the component (if any). */
  readonly before: ReadonlyMap<string, string>;
}

/** Guards against a runaway component (a shared identifier seen with everyone). */
const MAX_CLOSURE_OBSERVATIONS = 200_000;

/** Evidence to replay; retracted evidence still shows its identifiers exist, one by one, unlinked. */
const toObservations = (row: ObservationRow): Observation[] => {
  const base = { id: row.evidenceId, at: row.at, kind: row.kind as ObservationKind };
  const identifiers = row.keys.map(parseIdentifierKey);
  return row.retracted ? identifiers.map((i) => ({ ...base, identifiers: [i] })) : [{ ...base, identifiers }];
};

/** The earliest evidence per identifier set, among the given items. */
export function earliestPerSet(items: readonly Evidence[]): Map<string, ObservationRow> {
  const sets = new Map<string, ObservationRow>();
  for (const item of items) {
    if (item.identifiers.length === 0) continue;
    const { keys, setHash } = observationSet(item.identifiers);
    const row = {
      setHash,
      keys,
      evidenceId: item.evidenceId,
      kind: item.kind,
      sourceId: item.sourceId,
      at: item.at,
      details: item.details,
    };
    const known = sets.get(setHash);
    if (!known || row.at < known.at || (row.at === known.at && row.evidenceId < known.evidenceId))
      sets.set(setHash, row);
  }
  return sets;
}

/**
 * Every identifier and piece of evidence connected to `seeds`: the profiles of the seeds, all their
 * identifiers, all evidence mentioning any of them, and so on until nothing new appears. Resolving
 * such a closed component alone gives the same profiles as resolving all evidence of the workspace.
 * Every identifier of stored evidence is a node of the graph unless an operator retracted it, so
 * evidence is only looked up for nodes and retracted identifiers; `known` evidence (just written)
 * is taken as given.
 */
async function loadComponent(
  db: Kysely<IdentityTables>,
  workspaceId: string,
  seeds: Iterable<string>,
  known: readonly ObservationRow[] = [],
) {
  const keys = new Set(seeds);
  const before = new Map<string, string>();
  const observations = new Map<string, ObservationRow>();
  for (const row of known) {
    observations.set(row.setHash, row);
    for (const k of row.keys) keys.add(k);
  }
  const profilesSeen = new Set<string>();
  const askedProfile = new Set<string>();
  const askedEvidence = new Set<string>();
  const retracted = new Set<string>();
  for (;;) {
    const forProfile = [...keys].filter((k) => !askedProfile.has(k));
    for (const k of forProfile) askedProfile.add(k);
    const newProfiles = new Set<string>();
    const found = await repo.profilesOfKeys(db, workspaceId, forProfile);
    for (const { profile_id } of found) if (!profilesSeen.has(profile_id)) newProfiles.add(profile_id);
    for (const p of newProfiles) profilesSeen.add(p);
    for (const row of await repo.keysOfProfiles(db, workspaceId, [...newProfiles])) {
      before.set(row.key, row.profile_id);
      keys.add(row.key);
      askedProfile.add(row.key);
    }
    const nodes = new Set(found.map((f) => f.key));
    const notNodes = forProfile.filter((k) => !nodes.has(k) && !before.has(k));
    for (const k of await repo.retractedKeys(db, workspaceId, notNodes)) retracted.add(k);
    const forEvidence = [...keys].filter((k) => !askedEvidence.has(k) && (before.has(k) || retracted.has(k)));
    if (forEvidence.length === 0) break;
    for (const k of forEvidence) askedEvidence.add(k);
    for (const row of await repo.observationsTouching(db, workspaceId, forEvidence)) {
      if (observations.has(row.setHash)) continue;
      observations.set(row.setHash, row);
      for (const k of row.keys) keys.add(k);
    }
    if (observations.size > MAX_CLOSURE_OBSERVATIONS)
      throw new Error(`identity component over ${MAX_CLOSURE_OBSERVATIONS} observations`);
  }
  return { before, observations, retracted };
}

/**
 * Applies evidence to the stored graph of a workspace (the caller holds the workspace's identity
 * lock, inside one transaction). Evidence whose identifier set is known at an equal or earlier time
 * changes nothing; otherwise the affected component is loaded, resolved again from all its evidence
 * and the differences are written: identifiers' profiles, conflicts. Order-independent by
 * construction: the stored state is always the resolution of the set of evidence.
 */
export async function applyEvidence(
  db: Kysely<IdentityTables>,
  workspaceId: string,
  items: readonly Evidence[],
  types: readonly IdentifierType[],
): Promise<GraphUpdate> {
  const sets = earliestPerSet(items);
  const known = await repo.existingSets(db, workspaceId, [...sets.keys()]);
  const changed = [...sets.values()].filter((row) => {
    const stored = known.get(row.setHash);
    return !stored || row.at < stored.at || (row.at === stored.at && row.evidenceId < stored.evidenceId);
  });
  if (changed.length === 0) return { diff: null, before: new Map() };
  await repo.upsertObservations(db, workspaceId, changed);

  return recomputeComponent(
    db,
    workspaceId,
    changed.flatMap((row) => row.keys),
    types,
    changed,
  );
}

/** The component of `seeds` resolved from its stored evidence (nothing written). */
export async function resolveComponent(
  db: Kysely<IdentityTables>,
  workspaceId: string,
  seeds: Iterable<string>,
  types: readonly IdentifierType[],
  known: readonly ObservationRow[] = [],
) {
  const { before, observations, retracted } = await loadComponent(db, workspaceId, seeds, known);
  const resolution = resolveIdentities([...observations.values()].flatMap(toObservations), {
    types,
    retracted: { identifiers: [...retracted].map(parseIdentifierKey) },
  });
  return { before, observations: [...observations.values()], resolution };
}

/**
 * Resolves the component of `seeds` again from its evidence and writes what changed (after new
 * evidence, a retraction or a rule change). The caller holds the workspace's identity lock.
 */
export async function recomputeComponent(
  db: Kysely<IdentityTables>,
  workspaceId: string,
  seeds: Iterable<string>,
  types: readonly IdentifierType[],
  known: readonly ObservationRow[] = [],
): Promise<GraphUpdate> {
  const { before, observations, resolution } = await resolveComponent(db, workspaceId, seeds, types, known);
  const diff = diffAssignment(before, resolution.clusters);
  await writeResolution(db, workspaceId, resolution, diff, observations);
  return { diff, before };
}

/** Writes the identifiers whose profile or first sighting changed, and the component's conflicts. */
export async function writeResolution(
  db: Kysely<IdentityTables>,
  workspaceId: string,
  resolution: Resolution,
  diff: AssignmentDiff,
  observations: readonly ObservationRow[],
) {
  const firstSeen = new Map<string, string>();
  for (const o of observations)
    for (const k of o.keys) {
      const at = firstSeen.get(k);
      if (!at || o.at < at) firstSeen.set(k, o.at);
    }
  const nodes = [...diff.assignment].map(([key, profileId]) => ({
    key,
    profileId,
    firstSeenAt: firstSeen.get(key) ?? new Date(0).toISOString(),
  }));
  await repo.writeNodes(db, workspaceId, nodes, diff.dropped);
  const byEvidence = new Map(observations.map((o) => [o.evidenceId, o]));
  const conflicts: ConflictWrite[] = resolution.conflicts.flatMap((c) => {
    const observation = byEvidence.get(c.observationId);
    if (!observation) return [];
    const leftOut = new Set(c.leftOut.map((i) => `${i.type}:${i.value}`));
    const head = observation.keys.find((k) => !leftOut.has(k) && diff.assignment.has(k));
    return [
      {
        setHash: observation.setHash,
        reason: c.reason,
        leftOut: c.leftOut.map((i) => `${i.type}:${i.value}`),
        profileId: head ? (diff.assignment.get(head) ?? null) : null,
        evidenceId: c.observationId,
        at: c.at,
      },
    ];
  });
  await repo.replaceConflicts(
    db,
    workspaceId,
    observations.map((o) => o.setHash),
    conflicts,
  );
}
