import type { EventMatch, JourneyDefinition, JourneyEntry, JourneyStep } from '@cdp/protocol';
import type { TFunction } from 'i18next';
import { describeCondition, describeSeconds, describeTest, formatValue } from '../audiences/describe.ts';
import { pruneEmpty } from '../audiences/tree.ts';
import type { Problem } from './validate.ts';

/** Display names by id of what journeys reference (ids are shown when a name is unknown). */
export interface JourneyNames {
  readonly audiences?: ReadonlyMap<string, string>;
  readonly tags?: ReadonlyMap<string, string>;
  readonly destinations?: ReadonlyMap<string, string>;
}

export const describeMinutes = (minutes: number, t: TFunction) => describeSeconds(minutes * 60, t);

/** 「Order Completed」（amount 大于 100）: which events a match picks. */
export function describeEvent(match: EventMatch, t: TFunction): string {
  const event = match.event
    ? t('audiences.describe.eventName', { name: match.event })
    : match.type
      ? t('audiences.describe.messageType', { type: match.type })
      : t('audiences.describe.anyEvent');
  const filters = (match.where ?? []).map((f) =>
    t('audiences.describe.filter', { path: f.path.join('.'), test: describeTest(f.test, t) }),
  );
  return filters.length === 0
    ? event
    : event + t('audiences.describe.where', { filters: filters.join(t('audiences.describe.whereJoin')) });
}

export function describeEntry(entry: JourneyEntry, t: TFunction, names: JourneyNames = {}): string {
  if (entry.type === 'event')
    return t('journeys.describe.entryEvent', { event: describeEvent(entry.match, t) });
  if (entry.audienceId === '') return t('journeys.describe.notSet');
  return t('journeys.describe.entryAudience', {
    audience: names.audiences?.get(entry.audienceId) ?? entry.audienceId,
  });
}

export function describeGoal(goal: JourneyDefinition['goal'], t: TFunction): string {
  if (!goal) return t('journeys.describe.noGoal');
  return t('journeys.describe.goal', { event: describeEvent(goal.match, t), days: goal.withinDays });
}

/** One line on a step's canvas node. */
export function describeStep(step: JourneyStep, t: TFunction, names: JourneyNames = {}): string {
  switch (step.kind) {
    case 'wait':
      if (step.wait.type === 'duration')
        return t('journeys.describe.waitFor', { duration: describeMinutes(step.wait.minutes, t) });
      if (step.wait.type === 'time_of_day') return t('journeys.describe.waitUntil', { time: step.wait.time });
      return t('journeys.describe.waitEvent', {
        event: describeEvent(step.wait.match, t),
        timeout: describeMinutes(step.wait.timeoutMinutes, t),
      });
    case 'split': {
      const condition = pruneEmpty(step.condition);
      return condition ? describeCondition(condition, t, names) : t('journeys.describe.notSet');
    }
    case 'ab':
      return step.branches.map((b) => `${b.name} ${b.percent}%`).join(' · ');
    case 'send':
      return step.destinationId === ''
        ? t('journeys.describe.notSet')
        : t('journeys.describe.send', {
            destination: names.destinations?.get(step.destinationId) ?? step.destinationId,
          });
    case 'update':
      if (step.set.type === 'trait')
        return step.set.trait.trim() === ''
          ? t('journeys.describe.notSet')
          : t('journeys.describe.setTrait', { trait: step.set.trait, value: formatValue(step.set.value) });
      return step.set.tagId === ''
        ? t('journeys.describe.notSet')
        : t('journeys.describe.setTag', {
            tag: names.tags?.get(step.set.tagId) ?? step.set.tagId,
            value: formatValue(step.set.value),
          });
    case 'exit':
      return t('journeys.describe.exit');
  }
}

/** The label of a step output: 是 / 否 / 超时 / the A/B branch name; plain `next` has none. */
export function outputLabel(step: JourneyStep | undefined, output: string, t: TFunction): string {
  if (output === 'yes' || output === 'no' || output === 'timeout') return t(`journeys.outputs.${output}`);
  if (step?.kind === 'ab' && /^b\d+$/.test(output)) {
    const branch = step.branches[Number(output.slice(1))];
    return branch ? `${branch.name} ${branch.percent}%` : output;
  }
  return '';
}

/** 对照组 / 全部 / the A/B branch name. */
export function groupLabel(group: string, t: TFunction): string {
  return group === 'control' || group === 'all' ? t(`journeys.report.groups.${group}`) : group;
}

/** A validation problem as a sentence, naming the step and the output it is about. */
export function describeProblem(
  problem: Problem,
  steps: ReadonlyMap<string, JourneyStep>,
  t: TFunction,
): string {
  const label =
    problem.stepId && problem.output ? outputLabel(steps.get(problem.stepId), problem.output, t) : '';
  return t(`journeys.problems.${problem.code}`, {
    step: problem.stepId ?? '',
    output: label ? t('journeys.editor.outputQuoted', { label }) : '',
    sum: problem.sum ?? 0,
  });
}
