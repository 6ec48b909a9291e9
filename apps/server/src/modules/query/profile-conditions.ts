import type { AudienceCondition, IdentifierCondition, TagCondition, TraitCondition } from '@cdp/protocol';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Clock } from './clock.ts';
import { compileValueTest } from './compile-value-test.ts';
import type { LeafResult } from './explanation.ts';
import { matchValueTest } from './match-value-test.ts';
import { field, type ProfileSnapshot } from './profile-snapshot.ts';

/** A test on the trait `p.traits -> name` (a missing key is a missing value). */
export function compileTrait(condition: TraitCondition, clock: Clock): RawBuilder<SqlBool> {
  return sql`(select ${compileValueTest(condition.test, clock)} from (select p.traits -> ${condition.trait}::text as v) as x)`;
}

export function matchTrait(condition: TraitCondition, profile: ProfileSnapshot, clock: Clock): LeafResult {
  const value = field(profile.traits, condition.trait);
  return { held: matchValueTest(value, condition.test, clock), observed: { value: value ?? null } };
}

/** A test on the profile's current value of a tag (no row in `tag_values` is a missing value). */
export function compileTag(condition: TagCondition, clock: Clock): RawBuilder<SqlBool> {
  const value = sql`(select t.value from tag_values t where t.workspace_id = p.workspace_id and t.tag_id = ${condition.tag}::text and t.profile_id = p.id)`;
  return sql`(select ${compileValueTest(condition.test, clock)} from (select ${value} as v) as x)`;
}

export function matchTag(condition: TagCondition, profile: ProfileSnapshot, clock: Clock): LeafResult {
  const value = field(profile.tags, condition.tag);
  return { held: matchValueTest(value, condition.test, clock), observed: { value: value ?? null } };
}

/** Is (or is not) a current member of an audience. */
export function compileAudience(condition: AudienceCondition): RawBuilder<SqlBool> {
  const member = sql<SqlBool>`exists (select 1 from audience_members m where m.workspace_id = p.workspace_id and m.audience_id = ${condition.audience}::text and m.profile_id = p.id)`;
  return condition.member ? member : sql<SqlBool>`not ${member}`;
}

export function matchAudience(condition: AudienceCondition, profile: ProfileSnapshot): LeafResult {
  const audiences = profile.audiences;
  const member = Array.isArray(audiences)
    ? audiences.includes(condition.audience)
    : (audiences as ReadonlySet<string>).has(condition.audience);
  return { held: member === condition.member, observed: { member } };
}

/** Has (or has no) identifier of a type; with a scope, only values starting with `scope/`. */
export function compileIdentifier(condition: IdentifierCondition): RawBuilder<SqlBool> {
  const scope =
    condition.scope === undefined ? sql`` : sql` and starts_with(n.value, ${`${condition.scope}/`}::text)`;
  const has = sql<SqlBool>`exists (select 1 from identity_nodes n where n.workspace_id = p.workspace_id and n.profile_id = p.id and n.type = ${condition.identifierType}::text${scope})`;
  return condition.has ? has : sql<SqlBool>`not ${has}`;
}

export function matchIdentifier(condition: IdentifierCondition, profile: ProfileSnapshot): LeafResult {
  const prefix = condition.scope === undefined ? '' : `${condition.scope}/`;
  const count = profile.identifiers.filter(
    (i) => i.type === condition.identifierType && i.value.startsWith(prefix),
  ).length;
  return { held: count > 0 === condition.has, observed: { count } };
}
