import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import { evaluate, eventLookback, eventPropertyReads, mergeLookbacks } from '../query/index.ts';
import { evaluationOrder } from './audience-definition.ts';
import { audiencesRepository, dependenciesOf, toRule } from './audiences.repository.ts';
import {
  applyMembership,
  type Cause,
  type EvaluationTime,
  type MembershipChange,
  type MembershipDelta,
  recordChanges,
  removeMembers,
} from './membership.ts';
import { loadSnapshots } from './profile-snapshot.repository.ts';
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

/**
 * Re-evaluates, for the touched profiles only, the active audiences the change can affect: an event
 * reaches audiences that read its name (or any event), a profile change reaches every audience, and
 * a membership change reaches the audiences built on that audience (evaluated after it). The touched
 * profiles are loaded once (traits, the events the audiences read, identifiers, tags, memberships)
 * and evaluated in memory by the matcher, which has the compiled SQL's semantics (property-tested);
 * file audiences are evaluated in SQL. All enters and exits are then written in one statement, each
 * with its cause. Callers hold the workspace's audience lock, inside the transaction that applied the
 * change.
 */
export async function evaluateTouchedProfiles(
  db: Db,
  workspaceId: string,
  touches: ProfileTouches,
  time: EvaluationTime,
  /** A full recomputation moved these profiles in or out of this audience: only its dependents follow. */
  seed?: { readonly audience: string; readonly profiles: ReadonlySet<string> },
): Promise<void> {
  await removeMembers(db, workspaceId, touches.removed, { by: 'profile', change: 'removed' });
  const rows = await audiencesRepository.list(db, workspaceId, ['active']);
  if (rows.length === 0) return;
  const audiences = evaluationOrder(
    rows.map((row) => ({ id: row.id, row, dependencies: dependenciesOf(row) })),
    audienceCycle,
  );
  const removed = new Set(touches.removed);
  // only profiles some audience can move: changed ones, and those with events an audience reads
  const anyEvent = audiences.some((a) => a.dependencies.anyEvent);
  const read = new Set(audiences.flatMap((a) => a.dependencies.events));
  const readsOne = (names: ReadonlySet<string>) => anyEvent || [...names].some((n) => read.has(n));
  const touched = [
    ...new Set([
      ...touches.profiles,
      ...[...touches.events].filter(([, names]) => readsOne(names)).map(([id]) => id),
      ...(seed?.profiles ?? []),
    ]),
  ].filter((id) => !removed.has(id));
  if (touched.length === 0) return;
  // events only as far back as some audience's window reaches
  const definitions = audiences.flatMap(({ row }) => toRule(row).definition ?? []);
  const lookback = mergeLookbacks(definitions.map((d) => eventLookback(d, time.asOf)));
  const snapshots = await loadSnapshots(db, workspaceId, touched, lookback, {
    tags: audiences.some((a) => a.dependencies.tags.length > 0),
    identifiers: audiences.some((a) => a.dependencies.identifierTypes.length > 0),
    // properties only of the events whose properties some condition reads
    eventProperties: new Set(definitions.flatMap((d) => [...eventPropertyReads(d)])),
  });

  const moved = new Map<string, MembershipDelta>();
  if (seed) moved.set(seed.audience, { entered: [...seed.profiles], exited: [] });
  const changes: MembershipChange[] = [];
  // profiles by the names of their new events: each audience visits only the profiles it reads
  const byName = new Map<string, string[]>();
  for (const [id, names] of touches.events)
    for (const name of names) {
      const ids = byName.get(name);
      if (ids) ids.push(id);
      else byName.set(name, [id]);
    }
  const byProfile: Cause = { by: 'profile' };
  for (const { row, dependencies } of audiences) {
    if (row.id === seed?.audience) continue;
    const causes = new Map<string, Cause>();
    for (const id of touches.profiles) causes.set(id, byProfile);
    const eventNames = dependencies.anyEvent ? [...byName.keys()] : dependencies.events;
    const read = new Map<string, string[]>();
    for (const name of eventNames)
      for (const id of byName.get(name) ?? []) {
        if (causes.has(id)) continue;
        const names = read.get(id);
        if (names) names.push(name);
        else read.set(id, [name]);
      }
    // one cause object per distinct list of names
    const shared = new Map<string, Cause>();
    for (const [id, names] of read) {
      const key = names.sort().join('\u0000');
      const cause = shared.get(key) ?? { by: 'event', events: names };
      shared.set(key, cause);
      causes.set(id, cause);
    }
    for (const audience of dependencies.audiences) {
      const delta = moved.get(audience);
      for (const id of [...(delta?.entered ?? []), ...(delta?.exited ?? [])])
        if (!causes.has(id)) causes.set(id, { by: 'audience', audience });
    }
    const ids = [...causes.keys()].filter((id) => !removed.has(id));
    if (ids.length === 0) continue;
    const rule = toRule(row);
    let delta: MembershipDelta;
    if (rule.definition === null) {
      // a file audience: who holds the uploaded identifiers, in SQL
      delta = await applyMembership(db, rule, time, ids, byProfile, Object.fromEntries(causes));
      for (const id of delta.entered) snapshots.get(id)?.audiences.add(row.id);
      for (const id of delta.exited) snapshots.get(id)?.audiences.delete(row.id);
    } else {
      const entered: string[] = [];
      const exited: string[] = [];
      for (const id of ids) {
        const snapshot = snapshots.get(id);
        if (!snapshot) continue;
        const member = snapshot.audiences.has(row.id);
        if (evaluate(rule.definition, snapshot, time).matched === member) continue;
        if (member) {
          snapshot.audiences.delete(row.id);
          exited.push(id);
        } else {
          snapshot.audiences.add(row.id);
          entered.push(id);
        }
        changes.push({
          audienceId: row.id,
          profileId: id,
          change: member ? 'exit' : 'enter',
          cause: causes.get(id) ?? byProfile,
        });
      }
      delta = { entered, exited };
    }
    if (delta.entered.length + delta.exited.length > 0) moved.set(row.id, delta);
  }
  await recordChanges(db, workspaceId, changes);
}
