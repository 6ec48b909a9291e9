import type { Tag, TagLineage } from '@cdp/protocol';
import { clockOf, dependencies } from '../query/index.ts';
import { findCycle } from './tag-dependencies.ts';
import { definitionsOf, realtimeProblem, tagLineage, valueTypeProblem } from './tag-spec.ts';
import {
  realtimeNotSupported,
  tagDependencyCycle,
  unknownTagDependency,
  valueTypeMismatch,
} from './traits.errors.ts';

/** A tag as saved, before the catalogue fills ids and audit columns. */
export type TagDraft = Pick<Tag, 'valueType' | 'spec' | 'update' | 'timeZone'>;

/** The other tags of the workspace: what each reads. */
export type TagReads = ReadonlyMap<string, readonly string[]>;

/**
 * Checks what zod cannot see alone and returns the lineage: values of the declared type, a known time
 * zone, realtime only where per-profile updates are exact, definitions reading existing tags and no
 * dependency cycle. Throws a 4xx AppError with the path of the problem.
 */
export function validateTag(tagId: string | null, draft: TagDraft, others: TagReads): TagLineage {
  const problem = valueTypeProblem(draft.valueType, draft.spec);
  if (problem) throw valueTypeMismatch(problem.message, problem.path);
  clockOf({ asOf: new Date(), timeZone: draft.timeZone });
  const realtime = realtimeProblem(draft.spec, draft.update);
  if (realtime) throw realtimeNotSupported(realtime);
  for (const { definition, path } of definitionsOf(draft.spec))
    for (const tag of dependencies(definition).tags)
      if (!others.has(tag) && tag !== tagId) throw unknownTagDependency(tag, `${path}.definition`);
  const lineage = tagLineage(draft.spec);
  const cycle = findCycle(tagId ?? '(new tag)', lineage.tags, others);
  if (cycle) throw tagDependencyCycle(cycle);
  return lineage;
}
