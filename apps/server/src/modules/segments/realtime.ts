import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';
import {
  type Dependencies,
  evaluate,
  eventLookback,
  eventPropertyReads,
  mergeLookbacks,
  type ProfileSnapshot,
} from '../query/index.ts';
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
  // per person, only what the audiences its change can reach read: a changed profile reaches every
  // audience, new events the audiences reading their names, and both the audiences built on those
  const everyAudience = audiences.map((a) => a.row.id);
  const groups = new Map<string, { audiences: string[]; profiles: string[] }>();
  const join = (profileId: string, key: string, reached: () => string[]) => {
    if (removed.has(profileId)) return;
    const group = groups.get(key);
    if (group) group.profiles.push(profileId);
    else groups.set(key, { audiences: reached(), profiles: [profileId] });
  };
  const anyEvent = audiences.some((a) => a.dependencies.anyEvent);
  const readNames = new Set(audiences.flatMap((a) => a.dependencies.events));
  const all = new Set([...touches.profiles, ...(seed?.profiles ?? [])]);
  for (const id of all) join(id, '', () => everyAudience);
  for (const [id, eventNames] of touches.events) {
    if (all.has(id)) continue;
    const names = [...eventNames].filter((n) => anyEvent || readNames.has(n)).sort();
    if (names.length > 0)
      join(id, names.join('\u0000'), () =>
        withDependents(
          audiences,
          audiences.filter((a) => names.some((n) => reads(a.dependencies, n))).map((a) => a.row.id),
        ),
      );
  }
  if (groups.size === 0) return;
  const byId = new Map(audiences.map((a) => [a.row.id, a]));
  const snapshots = new Map<string, ProfileSnapshot & { audiences: Set<string> }>();
  for (const group of groups.values()) {
    const reached = group.audiences.flatMap((id) => byId.get(id) ?? []);
    const definitions = reached.flatMap(({ row }) => toRule(row).definition ?? []);
    // events only as far back as some audience's window reaches; properties only of the names
    // whose properties some condition reads
    const loaded = await loadSnapshots(
      db,
      workspaceId,
      group.profiles,
      mergeLookbacks(definitions.map((d) => eventLookback(d, time.asOf))),
      {
        tags: reached.some((a) => a.dependencies.tags.length > 0),
        identifiers: reached.some((a) => a.dependencies.identifierTypes.length > 0),
        eventProperties: new Set(definitions.flatMap((d) => [...eventPropertyReads(d)])),
      },
    );
    for (const [id, snapshot] of loaded) snapshots.set(id, snapshot);
  }

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

/** Whether an audience reads events of this name. */
const reads = (dependencies: Dependencies, name: string) =>
  dependencies.anyEvent || dependencies.events.includes(name);

/** These audiences and every audience built on one of them, directly or not. */
function withDependents(
  audiences: ReadonlyArray<{ readonly row: { readonly id: string }; readonly dependencies: Dependencies }>,
  ids: readonly string[],
): string[] {
  const reached = new Set(ids);
  for (let grew = true; grew; ) {
    grew = false;
    for (const { row, dependencies } of audiences)
      if (!reached.has(row.id) && dependencies.audiences.some((a) => reached.has(a))) {
        reached.add(row.id);
        grew = true;
      }
  }
  return [...reached];
}
