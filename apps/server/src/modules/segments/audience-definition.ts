import type { AudienceSource, Combination, Condition } from '@cdp/protocol';
import { type Dependencies, dependencies } from '../query/index.ts';

/** The condition a combination stands for: membership of its audiences joined by the operator. */
export function combinationDefinition(combination: Combination): Condition {
  const member = (audience: string, isMember = true): Condition => ({
    kind: 'audience',
    audience,
    member: isMember,
  });
  const [first, ...rest] = combination.audiences;
  switch (combination.operator) {
    case 'union':
      return { kind: 'or', conditions: combination.audiences.map((a) => member(a)) };
    case 'intersection':
      return { kind: 'and', conditions: combination.audiences.map((a) => member(a)) };
    case 'exclusion':
      return { kind: 'and', conditions: [member(first), ...rest.map((a) => member(a, false))] };
  }
}

/** The condition tree evaluated for an audience; `null` for a file audience (its keys decide). */
export function definitionOf(source: AudienceSource): Condition | null {
  if (source.kind === 'rule') return source.definition;
  if (source.kind === 'combination') return combinationDefinition(source.combination);
  return null;
}

const NONE: Dependencies = {
  traits: [],
  events: [],
  anyEvent: false,
  tags: [],
  audiences: [],
  identifierTypes: [],
  timeRelative: false,
};

/** What an audience reads; a file audience reads only identifiers (its members change with the graph). */
export function audienceDependencies(definition: Condition | null, fileTypes: readonly string[] = []) {
  if (!definition) return { ...NONE, identifierTypes: [...new Set(fileTypes)].sort() };
  return dependencies(definition);
}

/**
 * Audiences in evaluation order: every audience after the audiences it reads. Throws with the path
 * when the graph has a cycle (`onCycle`).
 */
export function evaluationOrder<T extends { id: string; dependencies: Pick<Dependencies, 'audiences'> }>(
  audiences: readonly T[],
  onCycle: (path: readonly string[]) => Error,
): T[] {
  const byId = new Map(audiences.map((a) => [a.id, a]));
  const done = new Set<string>();
  const visiting: string[] = [];
  const ordered: T[] = [];
  const visit = (a: T) => {
    if (done.has(a.id)) return;
    if (visiting.includes(a.id)) throw onCycle([...visiting.slice(visiting.indexOf(a.id)), a.id]);
    visiting.push(a.id);
    for (const dep of a.dependencies.audiences) {
      const d = byId.get(dep);
      if (d) visit(d);
    }
    visiting.pop();
    done.add(a.id);
    ordered.push(a);
  };
  for (const a of [...audiences].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) visit(a);
  return ordered;
}
