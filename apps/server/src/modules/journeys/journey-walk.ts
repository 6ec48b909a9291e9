import type { Condition, EventMatch, JourneyStep } from '@cdp/protocol';
import { nextTimeOfDay } from './local-clock.ts';

/** Where one person is in a journey. */
export interface WalkState {
  readonly stepId: string | null;
  readonly grp: string;
  readonly waitingSince: Date | null;
  readonly visits: number;
  readonly reached: boolean;
}

/** A send step's verdict from the contact policy. */
export type ContactVerdict =
  | { readonly kind: 'ok' }
  | { readonly kind: 'capped' }
  | { readonly kind: 'quiet'; readonly until: Date };

/** What the walk may ask about the person and the world, answered by the runner. */
export interface WalkWorld {
  readonly now: Date;
  readonly timeZone: string;
  readonly steps: ReadonlyMap<string, JourneyStep>;
  readonly exitWhen?: Condition;
  holds(condition: Condition): boolean;
  /** did the person do a matching event at or after `since` */
  didSince(match: EventMatch, since: Date): boolean;
  /** a stable number in [0, 100) for this person and step (A/B) */
  bucket(stepId: string): number;
  /** may a message go out through this destination now (caps, quiet hours) */
  contact(destinationId: string): ContactVerdict;
}

export interface WalkSend {
  readonly stepId: string;
  readonly destinationId: string;
  readonly data: Readonly<Record<string, string>>;
  readonly visit: number;
}

export interface WalkResult {
  readonly state: WalkState;
  readonly status: 'active' | 'done' | 'exited';
  /** when to look at the person again (active only) */
  readonly wakeAt: Date | null;
  readonly log: ReadonlyArray<{ readonly stepId: string; readonly outcome: string }>;
  readonly sends: readonly WalkSend[];
  readonly updates: ReadonlyArray<{
    readonly stepId: string;
    readonly step: Extract<JourneyStep, { kind: 'update' }>;
  }>;
}

/** Steps walked in one go at most: a loop in a journey's graph cannot spin the worker. */
const MAX_STEPS_PER_WALK = 50;
/** How often a wait for an event looks at the person's events again. */
export const EVENT_WAIT_POLL_MS = 30_000;

/**
 * Moves one person through a journey from where they are until they wait, finish or leave: a
 * pure function of the state and the world, so the runner decides effects (sends, updates, the
 * next wake-up) in one transaction and tests can walk journeys without a database.
 */
export function walk(start: WalkState, world: WalkWorld): WalkResult {
  let state = start;
  const log: Array<{ stepId: string; outcome: string }> = [];
  const sends: WalkSend[] = [];
  const updates: Array<{ stepId: string; step: Extract<JourneyStep, { kind: 'update' }> }> = [];
  const result = (status: WalkResult['status'], wakeAt: Date | null): WalkResult => ({
    state,
    status,
    wakeAt,
    log,
    sends,
    updates,
  });
  const move = (next: string | null, outcome: string) => {
    if (state.stepId) log.push({ stepId: state.stepId, outcome });
    state = { ...state, stepId: next, waitingSince: null, visits: state.visits + 1 };
  };

  for (let n = 0; n < MAX_STEPS_PER_WALK; n++) {
    if (world.exitWhen && world.holds(world.exitWhen)) {
      if (state.stepId) log.push({ stepId: state.stepId, outcome: 'exit_condition' });
      return result('exited', null);
    }
    if (state.stepId === null) return result('done', null);
    const step = world.steps.get(state.stepId);
    if (!step) return result('done', null);
    if (state.waitingSince === null && step.kind !== 'wait')
      log.push({ stepId: step.id, outcome: 'reached' });
    switch (step.kind) {
      case 'exit':
        return result('done', null);
      case 'split': {
        const yes = world.holds(step.condition);
        move(yes ? step.yes : step.no, yes ? 'yes' : 'no');
        break;
      }
      case 'ab': {
        const branch = pickBranch(step.branches, world.bucket(step.id));
        // the first A/B step decides the person's group in the effect report
        if (state.grp === 'all') state = { ...state, grp: branch.name };
        move(branch.next, `branch:${branch.name}`);
        break;
      }
      case 'send': {
        const verdict = world.contact(step.destinationId);
        if (verdict.kind === 'quiet') {
          log.push({ stepId: step.id, outcome: 'quiet_hours' });
          state = { ...state, waitingSince: world.now };
          return result('active', verdict.until);
        }
        if (verdict.kind === 'capped') move(step.next, 'capped');
        else {
          sends.push({
            stepId: step.id,
            destinationId: step.destinationId,
            data: step.data,
            visit: state.visits,
          });
          state = { ...state, reached: true };
          move(step.next, 'sent');
        }
        break;
      }
      case 'update':
        updates.push({ stepId: step.id, step });
        move(step.next, 'updated');
        break;
      case 'wait': {
        const wait = step.wait;
        if (state.waitingSince === null) {
          log.push({ stepId: step.id, outcome: 'reached' });
          state = { ...state, waitingSince: world.now };
          if (wait.type === 'event' && world.didSince(wait.match, world.now)) {
            move(step.next, 'event');
            break;
          }
          return result('active', wakeOf(wait, world.now, world));
        }
        const since = state.waitingSince;
        if (wait.type === 'event') {
          if (world.didSince(wait.match, since)) move(step.next, 'event');
          else if (world.now.getTime() >= since.getTime() + wait.timeoutMinutes * 60_000)
            move(wait.timeoutNext, 'timeout');
          else return result('active', wakeOf(wait, since, world));
        } else {
          const due = wakeOf(wait, since, world);
          if (world.now.getTime() < due.getTime()) return result('active', due);
          move(step.next, 'waited');
        }
        break;
      }
    }
  }
  // a cycle without waits: look again later rather than spin
  return result('active', new Date(world.now.getTime() + 60_000));
}

function wakeOf(wait: Extract<JourneyStep, { kind: 'wait' }>['wait'], since: Date, world: WalkWorld): Date {
  switch (wait.type) {
    case 'duration':
      return new Date(since.getTime() + wait.minutes * 60_000);
    case 'time_of_day':
      return nextTimeOfDay(new Date(since.getTime() + 60_000), wait.time, world.timeZone);
    case 'event':
      return new Date(
        Math.min(since.getTime() + wait.timeoutMinutes * 60_000, world.now.getTime() + EVENT_WAIT_POLL_MS),
      );
  }
}

/** The branch whose share of [0, 100) holds `bucket` (shares in order, cumulated). */
export function pickBranch<B extends { readonly percent: number }>(
  branches: readonly B[],
  bucket: number,
): B {
  let upTo = 0;
  for (const branch of branches) {
    upTo += branch.percent;
    if (bucket < upTo) return branch;
  }
  return branches[branches.length - 1];
}
