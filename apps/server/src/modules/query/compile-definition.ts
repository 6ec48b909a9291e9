import type { Condition, Definition } from '@cdp/protocol';
import { type CompiledQuery, type RawBuilder, type SqlBool, sql } from 'kysely';
import { type Clock, clockOf, type EvaluationOptions } from './clock.ts';
import { compileEvent, compileEventJoined, joinsOf, type WorkspaceJoins } from './event-condition.ts';
import { compileAudience, compileIdentifier, compileTag, compileTrait } from './profile-conditions.ts';
import { compileSequence } from './sequence-condition.ts';
import { toSql } from './sql-compiler.ts';
import { walk } from './walk.ts';

/** Options of a compiled statement: the workspace, "now" and the time zone. */
export interface CompileOptions extends EvaluationOptions {
  readonly workspaceId: string;
}

/**
 * A definition as a boolean Kysely expression over `profiles p`: true or false for every profile, never
 * NULL, so `not` and `or` behave as in the matcher. All user values and names are parameters.
 */
export function compilePredicate(definition: Definition, options: EvaluationOptions): RawBuilder<SqlBool> {
  return compileNode(definition, clockOf(options));
}

/**
 * The whole-workspace strategy, for statements over all profiles (full recomputations, estimates, tags):
 * each event condition becomes one grouped subquery over the workspace's events, left-joined to
 * `profiles p` (`joins`, space-led, go right after `from profiles as p`), instead of one subquery per profile.
 * Same semantics as `compilePredicate` (the property test checks both against the matcher).
 */
export function compileForWorkspace(
  definition: Definition,
  options: CompileOptions,
): { readonly joins: RawBuilder<unknown>; readonly predicate: RawBuilder<SqlBool> } {
  const { joins, predicates } = compileAllForWorkspace([definition], options);
  return { joins, predicate: predicates[0] };
}

/**
 * `compileForWorkspace` for several definitions of one statement (the cases of a rule or lifecycle
 * tag): their event conditions over the same events share one joined subquery.
 */
export function compileAllForWorkspace(
  definitions: readonly Definition[],
  options: CompileOptions,
): { readonly joins: RawBuilder<unknown>; readonly predicates: RawBuilder<SqlBool>[] } {
  const workspaceJoins: WorkspaceJoins = { workspaceId: options.workspaceId, joins: new Map() };
  const clock = { ...clockOf(options), workspaceJoins };
  const predicates = definitions.map((definition) => compileNode(definition, clock));
  const list = joinsOf(workspaceJoins);
  // with a leading space, so that `from profiles as p${joins} where` reads right with none
  const joins = list.length > 0 ? sql` ${sql.join(list, sql` `)}` : sql``;
  return { joins, predicates };
}

/** The predicate alone as `{ sql, parameters }` (placeholders from `$1`). */
export function compileDefinition(
  definition: Definition,
  options: EvaluationOptions,
): CompiledQuery<SqlBool> {
  return toSql(compilePredicate(definition, options));
}

function compileNode(node: Condition, clock: Clock): RawBuilder<SqlBool> {
  switch (node.kind) {
    case 'and':
    case 'or':
      return sql`(${sql.join(
        node.conditions.map((child) => compileNode(child, clock)),
        sql.raw(` ${node.kind} `),
      )})`;
    case 'not':
      return sql`not ${compileNode(node.condition, clock)}`;
    case 'trait':
      return compileTrait(node, clock);
    case 'event':
      return clock.workspaceJoins === undefined
        ? compileEvent(node, clock)
        : compileEventJoined(node, clock, clock.workspaceJoins);
    case 'sequence':
      return compileSequence(node, clock);
    case 'tag':
      return compileTag(node, clock);
    case 'audience':
      return compileAudience(node);
    case 'identifier':
      return compileIdentifier(node);
  }
}

/** `select p.id … order by p.id`: the ids of the workspace's profiles the definition selects. */
export function selectProfileIds(
  definition: Definition,
  options: CompileOptions,
): CompiledQuery<{ id: string }> {
  const { joins, predicate } = compileForWorkspace(definition, options);
  return toSql(
    sql<{
      id: string;
    }>`select p.id from profiles as p${joins} where p.workspace_id = ${options.workspaceId}::text and ${predicate} order by p.id`,
  );
}

/** `select count(*)`: how many of the workspace's profiles the definition selects. */
export function countProfiles(
  definition: Definition,
  options: CompileOptions,
): CompiledQuery<{ count: number }> {
  const { joins, predicate } = compileForWorkspace(definition, options);
  return toSql(
    sql<{
      count: number;
    }>`select count(*)::int as count from profiles as p${joins} where p.workspace_id = ${options.workspaceId}::text and ${predicate}`,
  );
}

/**
 * Which nodes hold for the given profiles: per profile a row `{ id, c0, c1, … }` with one boolean per node,
 * in `keys` order (parents before children; a node's `id`, else its path, as in `evaluate`).
 */
export function explainProfiles(
  definition: Definition,
  profileIds: readonly string[],
  options: CompileOptions,
): {
  readonly query: CompiledQuery<{ id: string } & Record<string, boolean>>;
  readonly keys: readonly string[];
} {
  const clock = clockOf(options);
  const nodes = [...walk(definition)];
  const columns = nodes.map(({ node }, i) => sql`${compileNode(node, clock)} as ${sql.raw(`c${i}`)}`);
  const query = toSql(
    sql<
      { id: string } & Record<string, boolean>
    >`select p.id, ${sql.join(columns)} from profiles as p where p.workspace_id = ${options.workspaceId}::text and p.id = any(${profileIds}::text[]) order by p.id`,
  );
  return { query, keys: nodes.map(({ node, path }) => node.id ?? path) };
}
