import type { Condition, JourneyDefinition, JourneyStep } from '@cdp/protocol';
import { pruneEmpty } from '../audiences/tree.ts';
import { outputsOf, targetsOf } from './steps.ts';

export type ProblemCode =
  | 'noStart'
  | 'noAudience'
  | 'tooManySteps'
  | 'unreachable'
  | 'missingNext'
  | 'abTooFew'
  | 'abSum'
  | 'abNames'
  | 'emptyCondition'
  | 'badTime'
  | 'noDestination'
  | 'noTrait'
  | 'noTag';

/** Errors stop saving and publishing; warnings are shown and allowed (a loose end ends the journey). */
export interface Problem {
  readonly level: 'error' | 'warning';
  readonly code: ProblemCode;
  readonly stepId?: string;
  /** the output of the step the problem is about (`next`, `yes`, `b1`…) */
  readonly output?: string;
  /** the A/B percentages' total */
  readonly sum?: number;
}

export const MAX_STEPS = 100;
const BRANCH_NAME = /^[A-Za-z0-9_-]{1,20}$/;
const HOUR_MINUTE = /^([01]\d|2[0-3]):[0-5]\d$/;

const error = (code: ProblemCode, more: Partial<Problem> = {}): Problem => ({
  level: 'error',
  code,
  ...more,
});
const warning = (code: ProblemCode, more: Partial<Problem> = {}): Problem => ({
  level: 'warning',
  code,
  ...more,
});

/** Step ids reachable from the start, following every output. */
export function reachable(definition: Pick<JourneyDefinition, 'start' | 'steps'>): Set<string> {
  const byId = new Map(definition.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const stack = definition.start ? [definition.start] : [];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    const step = byId.get(id);
    if (!step || seen.has(id)) continue;
    seen.add(id);
    for (const target of targetsOf(step).values()) if (target) stack.push(target);
  }
  return seen;
}

function stepProblems(step: JourneyStep): Problem[] {
  const stepId = step.id;
  switch (step.kind) {
    case 'wait':
      return step.wait.type === 'time_of_day' && !HOUR_MINUTE.test(step.wait.time)
        ? [error('badTime', { stepId })]
        : [];
    case 'split':
      return pruneEmpty(step.condition) === null ? [error('emptyCondition', { stepId })] : [];
    case 'ab': {
      const problems: Problem[] = [];
      const sum = step.branches.reduce((total, b) => total + b.percent, 0);
      if (step.branches.length < 2) problems.push(error('abTooFew', { stepId }));
      if (sum !== 100) problems.push(error('abSum', { stepId, sum }));
      const names = step.branches.map((b) => b.name);
      if (names.some((n) => !BRANCH_NAME.test(n)) || new Set(names).size !== names.length)
        problems.push(error('abNames', { stepId }));
      return problems;
    }
    case 'send':
      return step.destinationId === '' ? [error('noDestination', { stepId })] : [];
    case 'update':
      if (step.set.type === 'trait' && step.set.trait.trim() === '') return [error('noTrait', { stepId })];
      if (step.set.type === 'tag' && step.set.tagId.trim() === '') return [error('noTag', { stepId })];
      return [];
    case 'exit':
      return [];
  }
}

/** What is wrong with a definition, in canvas order: the entry first, then step by step. */
export function validate(definition: JourneyDefinition): Problem[] {
  const problems: Problem[] = [];
  if (definition.entry.type === 'audience' && definition.entry.audienceId === '')
    problems.push(error('noAudience'));
  if (definition.start === null) problems.push(error('noStart'));
  if (definition.steps.length > MAX_STEPS) problems.push(error('tooManySteps'));
  const live = reachable(definition);
  for (const step of definition.steps) {
    problems.push(...stepProblems(step));
    if (!live.has(step.id)) {
      problems.push(warning('unreachable', { stepId: step.id }));
      continue;
    }
    const targets = targetsOf(step);
    for (const output of outputsOf(step))
      if (!targets.get(output)) problems.push(warning('missingNext', { stepId: step.id, output }));
  }
  return problems;
}

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.level === 'error');

const pruned = (condition: Condition): Condition => pruneEmpty(condition) ?? condition;

/** The definition as the API takes it: empty groups the condition builder leaves are dropped. */
export function forSaving(definition: JourneyDefinition): JourneyDefinition {
  const exitWhen = definition.exitWhen ? (pruneEmpty(definition.exitWhen) ?? undefined) : undefined;
  const { exitWhen: _, ...rest } = definition;
  return {
    ...rest,
    ...(exitWhen ? { exitWhen } : {}),
    steps: definition.steps.map((s) => (s.kind === 'split' ? { ...s, condition: pruned(s.condition) } : s)),
  };
}
