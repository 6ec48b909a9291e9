import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { evaluationOrder } from './audience-definition.ts';
import { audiencesRepository, dependenciesOf, toRule } from './audiences.repository.ts';
import { applyMembership, type Cause, type EvaluationTime, type MembershipDelta } from './membership.ts';
import { audienceCycle } from './segments.errors.ts';

type Db = Kysely<Database>;

/** What happened to the profiles of one applied batch. */
export interface ProfileTouches {
  /** Profile → names of its new events (`''` for an event without a name, e.g. a page view). */
  readonly events: ReadonlyMap<string, ReadonlySet<string>>;
  /** Profiles whose traits, identifiers or tags changed, or that were created, merged or split. */
  readonly profiles: ReadonlySet<string>;
  /** Ids that exist no more (merged away, split off): their memberships end. */
  readonly removed: readonly string[];
}

export interface RealtimeResult {
  readonly evaluated: number;
  readonly changes: number;
}

/**
 * Re-evaluates, for the touched profiles only, the active audiences the change can affect: an event
 * reaches audiences that read its name (or any event), a profile change reaches every audience, and
 * a membership change reaches the audiences built on that audience (evaluated after it). Each enter
 * and exit is recorded with its cause. Callers hold the workspace's audience lock, inside the
 * transaction that applied the change.
 */
export async function evaluateTouchedProfiles(
  db: Db,
  workspaceId: string,
  touches: ProfileTouches,
  time: EvaluationTime,
  /** A full recomputation moved these profiles in or out of this audience: only its dependents follow. */
  seed?: { readonly audience: string; readonly profiles: ReadonlySet<string> },
): Promise<RealtimeResult> {
  const rows = await audiencesRepository.list(db, workspaceId, ['active']);
  if (rows.length === 0) return { evaluated: 0, changes: 0 };
  const audiences = evaluationOrder(
    rows.map((row) => ({ id: row.id, row, dependencies: dependenciesOf(row) })),
    audienceCycle,
  );
  const moved = new Map<string, MembershipDelta>();
  if (seed) moved.set(seed.audience, { entered: [...seed.profiles], exited: [] });
  let evaluated = 0;
  let changes = 0;
  for (const { row, dependencies } of audiences) {
    if (row.id === seed?.audience) continue;
    const causes: Record<string, Cause> = {};
    for (const id of touches.removed) causes[id] = { by: 'profile', change: 'removed' };
    for (const id of touches.profiles) causes[id] ??= { by: 'profile' };
    for (const [id, names] of touches.events) {
      if (causes[id]) continue;
      const read = dependencies.anyEvent ? [...names] : dependencies.events.filter((name) => names.has(name));
      if (read.length > 0) causes[id] = { by: 'event', events: read.sort() };
    }
    for (const audience of dependencies.audiences) {
      const delta = moved.get(audience);
      for (const id of [...(delta?.entered ?? []), ...(delta?.exited ?? [])])
        causes[id] ??= { by: 'audience', audience };
    }
    const ids = Object.keys(causes);
    if (ids.length === 0) continue;
    evaluated++;
    const delta = await applyMembership(db, toRule(row), time, ids, { by: 'profile' }, causes);
    if (delta.entered.length + delta.exited.length > 0) {
      moved.set(row.id, delta);
      changes += delta.entered.length + delta.exited.length;
    }
  }
  return { evaluated, changes };
}
