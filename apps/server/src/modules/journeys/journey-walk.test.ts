import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Condition, JourneyStep } from '@cdp/protocol';
import { type ContactVerdict, pickBranch, type WalkWorld, walk } from './journey-walk.ts';

const NOW = new Date('2026-11-23T02:00:00Z');
const vip: Condition = { kind: 'trait', trait: 'level', test: { operator: 'equals', value: 'vip' } };

function world(steps: JourneyStep[], over: Partial<WalkWorld> = {}): WalkWorld {
  return {
    now: NOW,
    timeZone: 'Asia/Shanghai',
    steps: new Map(steps.map((s) => [s.id, s])),
    holds: () => false,
    didSince: () => false,
    bucket: () => 0,
    contact: (): ContactVerdict => ({ kind: 'ok' }),
    ...over,
  };
}
const start = (stepId: string) => ({ stepId, grp: 'all', waitingSince: null, visits: 0, reached: false });

describe('journey walk', () => {
  const send = (id: string, next: string | null): JourneyStep => ({
    kind: 'send',
    id,
    destinationId: 'dst_1',
    data: {},
    next,
  });

  it('sends, then waits a duration, then goes on', () => {
    const steps: JourneyStep[] = [
      send('s1', 'w'),
      { kind: 'wait', id: 'w', wait: { type: 'duration', minutes: 60 }, next: 's2' },
      send('s2', null),
    ];
    const first = walk(start('s1'), world(steps));
    assert.deepEqual([first.status, first.state.stepId, first.sends.length], ['active', 'w', 1]);
    assert.equal(first.wakeAt?.toISOString(), '2026-11-23T03:00:00.000Z');
    const early = walk(first.state, world(steps, { now: new Date(NOW.getTime() + 30 * 60_000) }));
    assert.deepEqual([early.status, early.sends.length], ['active', 0]);
    const later = walk(first.state, world(steps, { now: new Date(NOW.getTime() + 61 * 60_000) }));
    assert.deepEqual(
      [later.status, later.sends.map((s) => s.stepId), later.state.reached],
      ['done', ['s2'], true],
    );
  });

  it('waits for an event, or takes the timeout branch', () => {
    const steps: JourneyStep[] = [
      {
        kind: 'wait',
        id: 'w',
        wait: { type: 'event', match: { event: 'Paid' }, timeoutMinutes: 10, timeoutNext: 'late' },
        next: 'paid',
      },
      send('paid', null),
      send('late', null),
    ];
    const waiting = walk(start('w'), world(steps));
    assert.equal(waiting.status, 'active');
    const paid = walk(
      waiting.state,
      world(steps, { now: new Date(NOW.getTime() + 60_000), didSince: () => true }),
    );
    assert.deepEqual(
      paid.sends.map((s) => s.stepId),
      ['paid'],
    );
    const late = walk(waiting.state, world(steps, { now: new Date(NOW.getTime() + 11 * 60_000) }));
    assert.deepEqual(
      late.sends.map((s) => s.stepId),
      ['late'],
    );
  });

  it('splits on a condition and picks A/B branches by bucket; the first A/B names the group', () => {
    const steps: JourneyStep[] = [
      { kind: 'split', id: 'x', condition: vip, yes: 'ab', no: null },
      {
        kind: 'ab',
        id: 'ab',
        branches: [
          { name: 'A', percent: 30, next: 'a' },
          { name: 'B', percent: 70, next: 'b' },
        ],
      },
      send('a', null),
      send('b', null),
    ];
    const b = walk(start('x'), world(steps, { holds: () => true, bucket: () => 30 }));
    assert.deepEqual([b.state.grp, b.sends[0].stepId], ['B', 'b']);
    const no = walk(start('x'), world(steps));
    assert.deepEqual(
      [no.status, no.sends.length, no.log.map((l) => l.outcome)],
      ['done', 0, ['reached', 'no']],
    );
    const halves = [{ percent: 50 }, { percent: 50 }];
    assert.equal(pickBranch(halves, 49), halves[0]);
    assert.equal(pickBranch(halves, 50), halves[1]);
  });

  it('holds a message in quiet hours, skips it when capped, leaves when the exit condition holds', () => {
    const steps = [send('s', null)];
    const until = new Date(NOW.getTime() + 3_600_000);
    const quiet = walk(start('s'), world(steps, { contact: () => ({ kind: 'quiet', until }) }));
    assert.deepEqual(
      [quiet.status, quiet.wakeAt, quiet.sends.length, quiet.state.stepId],
      ['active', until, 0, 's'],
    );
    const capped = walk(start('s'), world(steps, { contact: () => ({ kind: 'capped' }) }));
    assert.deepEqual([capped.status, capped.sends.length, capped.log.at(-1)?.outcome], ['done', 0, 'capped']);
    const exited = walk(start('s'), world(steps, { exitWhen: vip, holds: () => true }));
    assert.deepEqual([exited.status, exited.sends.length], ['exited', 0]);
  });

  it('a cycle without waits cannot spin the worker', () => {
    const steps: JourneyStep[] = [
      { kind: 'split', id: 'a', condition: vip, yes: 'b', no: 'b' },
      { kind: 'split', id: 'b', condition: vip, yes: 'a', no: 'a' },
    ];
    const r = walk(start('a'), world(steps));
    assert.equal(r.status, 'active');
    assert.ok(r.wakeAt && r.wakeAt > NOW, 'looked at again later');
  });
});
