import type { JourneyStep } from '@cdp/protocol';
import { emptyGroup } from '../audiences/tree.ts';

export type StepKind = JourneyStep['kind'];
export const STEP_KINDS: readonly StepKind[] = ['wait', 'split', 'ab', 'send', 'update', 'exit'];

/**
 * The named exits of a step: `next`, `yes`/`no`, `timeout` (an event wait that timed out) and `b<i>`
 * (the i-th A/B branch). They are the canvas handle ids, and each maps to one `next`-like field.
 */
export function outputsOf(step: JourneyStep): string[] {
  switch (step.kind) {
    case 'wait':
      return step.wait.type === 'event' ? ['next', 'timeout'] : ['next'];
    case 'split':
      return ['yes', 'no'];
    case 'ab':
      return step.branches.map((_, i) => `b${i}`);
    case 'send':
    case 'update':
      return ['next'];
    case 'exit':
      return [];
  }
}

/** Where each output of a step leads (null: nowhere, the journey ends there). */
export function targetsOf(step: JourneyStep): Map<string, string | null> {
  const targets = new Map<string, string | null>();
  switch (step.kind) {
    case 'wait':
      targets.set('next', step.next);
      if (step.wait.type === 'event') targets.set('timeout', step.wait.timeoutNext);
      break;
    case 'split':
      targets.set('yes', step.yes);
      targets.set('no', step.no);
      break;
    case 'ab':
      for (const [i, b] of step.branches.entries()) targets.set(`b${i}`, b.next);
      break;
    case 'send':
    case 'update':
      targets.set('next', step.next);
      break;
    case 'exit':
      break;
  }
  return targets;
}

/** The step with its outputs set from `targets` (missing outputs lead nowhere). */
export function withTargets(step: JourneyStep, targets: ReadonlyMap<string, string | null>): JourneyStep {
  const to = (output: string) => targets.get(output) ?? null;
  switch (step.kind) {
    case 'wait':
      return {
        ...step,
        next: to('next'),
        wait: step.wait.type === 'event' ? { ...step.wait, timeoutNext: to('timeout') } : step.wait,
      };
    case 'split':
      return { ...step, yes: to('yes'), no: to('no') };
    case 'ab':
      return { ...step, branches: step.branches.map((b, i) => ({ ...b, next: to(`b${i}`) })) };
    case 'send':
    case 'update':
      return { ...step, next: to('next') };
    case 'exit':
      return step;
  }
}

/** A new step of a kind with defaults the user then edits; its outputs lead nowhere yet. */
export function newStep(kind: StepKind, id: string): JourneyStep {
  switch (kind) {
    case 'wait':
      return { kind, id, wait: { type: 'duration', minutes: 60 }, next: null };
    case 'split':
      return { kind, id, condition: emptyGroup(), yes: null, no: null };
    case 'ab':
      return {
        kind,
        id,
        branches: [
          { name: 'A', percent: 50, next: null },
          { name: 'B', percent: 50, next: null },
        ],
      };
    case 'send':
      return { kind, id, destinationId: '', data: {}, next: null };
    case 'update':
      return { kind, id, set: { type: 'trait', trait: '', value: '' }, next: null };
    case 'exit':
      return { kind, id };
  }
}

/** `send_1`, `send_2`, …: the first id of that kind not taken yet. */
export function nextStepId(kind: StepKind, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${kind}_${n}`)) return `${kind}_${n}`;
}

/** Percentages of `count` branches that add up to 100 (the remainder goes to the first ones). */
export function evenPercents(count: number): number[] {
  const base = Math.floor(100 / count);
  return Array.from({ length: count }, (_, i) => base + (i < 100 - base * count ? 1 : 0));
}
