import assert from 'node:assert/strict';
import type { Condition } from '@cdp/protocol';
import { type Kysely, sql } from 'kysely';
import { type CompileOptions, explainProfiles, selectProfileIds } from './compile-definition.ts';
import { evaluate } from './evaluate.ts';
import type { Explanation } from './explanation.ts';
import type { ProfileSnapshot } from './profile-snapshot.ts';

/** A profile to insert for compiler tests: rows in profiles, events, event_keys, identity_nodes, tags, members. */
export interface FixtureProfile {
  readonly id: string;
  readonly traits: Readonly<Record<string, unknown>>;
  readonly events: readonly {
    readonly type: string;
    readonly event: string | null;
    readonly timestamp: Date;
    readonly properties?: unknown;
  }[];
  readonly identifiers: readonly { readonly type: string; readonly value: string }[];
  readonly tags: Readonly<Record<string, unknown>>;
  readonly audiences: readonly string[];
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * Inserts profiles directly (no pipeline). Each profile gets a `user_id:<id>` identity node that heads
 * its events, so they reach the `profile_events` view through `event_keys`.
 */
export async function insertProfiles(
  db: Kysely<unknown>,
  workspaceId: string,
  profiles: readonly FixtureProfile[],
): Promise<void> {
  if (profiles.length === 0) return;
  const at = new Date('2026-01-01T00:00:00Z').toISOString();
  await sql`insert into profiles (workspace_id, id, traits, identifier_count, first_seen_at) values ${sql.join(
    profiles.map(
      (p) =>
        sql`(${workspaceId}, ${p.id}, ${JSON.stringify(p.traits)}::jsonb, ${p.identifiers.length + 1}, ${at})`,
    ),
  )}`.execute(db);
  const nodes = profiles.flatMap((p) =>
    [{ type: 'user_id', value: p.id }, ...p.identifiers].map((i) => ({ ...i, profile: p.id })),
  );
  await sql`insert into identity_nodes (workspace_id, key, type, value, profile_id, first_seen_at) values ${sql.join(
    nodes.map(
      (n) => sql`(${workspaceId}, ${`${n.type}:${n.value}`}, ${n.type}, ${n.value}, ${n.profile}, ${at})`,
    ),
  )}`.execute(db);
  const events = profiles.flatMap((p, i) =>
    p.events.map((e, j) => ({ ...e, profile: p.id, message: `m${i}-${j}` })),
  );
  if (events.length > 0)
    await sql`with inserted as (insert into events (workspace_id, source_id, message_id, type, event, user_id, "timestamp", received_at, properties) values ${sql.join(
      events.map(
        (e) =>
          sql`(${workspaceId}, 'src_test', ${e.message}, ${e.type}, ${e.event}, ${e.profile}, ${e.timestamp.toISOString()}::timestamptz, ${at}::timestamptz, ${json(e.properties)}::jsonb)`,
      ),
    )} returning id, user_id, type, event, "timestamp")
    insert into event_keys (workspace_id, key, event_id, type, event, "timestamp")
    select ${workspaceId}, 'user_id:' || user_id, id, type, event, "timestamp" from inserted`.execute(db);
  const tags = profiles.flatMap((p) =>
    Object.entries(p.tags).map(([tag, value]) => ({ tag, value, profile: p.id })),
  );
  if (tags.length > 0)
    await sql`insert into tag_values (workspace_id, tag_id, profile_id, value) values ${sql.join(
      tags.map((t) => sql`(${workspaceId}, ${t.tag}, ${t.profile}, ${JSON.stringify(t.value)}::jsonb)`),
    )}`.execute(db);
  const members = profiles.flatMap((p) => p.audiences.map((audience) => ({ audience, profile: p.id })));
  if (members.length > 0)
    await sql`insert into audience_members (workspace_id, audience_id, profile_id, entered_at) values ${sql.join(
      members.map((m) => sql`(${workspaceId}, ${m.audience}, ${m.profile}, ${at})`),
    )}`.execute(db);
}

/** What the matcher sees of a fixture profile (as a loader would read it back). */
export function snapshotOf(profile: FixtureProfile): ProfileSnapshot {
  return {
    traits: JSON.parse(JSON.stringify(profile.traits)),
    events: profile.events.map((e) => ({ ...e, properties: e.properties ?? null })),
    identifiers: [{ type: 'user_id', value: profile.id }, ...profile.identifiers],
    tags: profile.tags,
    audiences: new Set(profile.audiences),
  };
}

/** Held flags of an explanation, parents before children (the order of `explainProfiles` columns). */
function heldFlags(explanation: Explanation): boolean[] {
  return [explanation.held, ...(explanation.children ?? []).flatMap(heldFlags)];
}

/**
 * Asserts that SQL and the matcher agree on every node of a definition for every fixture profile, and
 * returns the ids SQL selects (sorted).
 */
export async function assertAgreement(
  db: Kysely<unknown>,
  tree: Condition,
  people: readonly FixtureProfile[],
  options: CompileOptions,
): Promise<string[]> {
  const selected = (await db.executeQuery(selectProfileIds(tree, options))).rows.map((r) => r.id).sort();
  const { query } = explainProfiles(
    tree,
    people.map((p) => p.id),
    options,
  );
  const rows = new Map((await db.executeQuery(query)).rows.map((row) => [row.id, row]));
  for (const person of people) {
    const expected = heldFlags(evaluate(tree, snapshotOf(person), options).explanation);
    const row = rows.get(person.id)!;
    const actual = expected.map((_, i) => row[`c${i}`]);
    assert.deepEqual(actual, expected, `${person.id}: ${JSON.stringify({ tree, person, options })}`);
  }
  const matched = people.filter((p) => evaluate(tree, snapshotOf(p), options).matched).map((p) => p.id);
  assert.deepEqual(selected, matched.sort(), JSON.stringify({ tree, options }));
  return selected;
}
