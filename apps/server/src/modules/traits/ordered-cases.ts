import type { TagValue } from '@cdp/protocol';
import { type EvaluationOptions, evaluate, type ProfileSnapshot } from '../query/index.ts';
import type { TagCase } from './tag-spec.ts';

/**
 * The in-memory twin of a rule or lifecycle tag's SQL (`case when … then … else default end`): the
 * value of the first case whose definition holds for the profile, else the default (null = no value).
 */
export function evaluateCases(
  cases: readonly Pick<TagCase, 'value' | 'definition'>[],
  defaultValue: TagValue | null,
  profile: ProfileSnapshot,
  options: EvaluationOptions,
): TagValue | null {
  for (const c of cases) if (evaluate(c.definition, profile, options).matched) return c.value;
  return defaultValue;
}
