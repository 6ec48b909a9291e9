import type { JourneyDefinition, JourneyStep } from '@cdp/protocol';
import { describe, expect, it } from 'vitest';
import { forSaving, hasErrors, validate } from './validate.ts';

const journey = (steps: JourneyStep[], start: string | null = steps[0]?.id ?? null): JourneyDefinition => ({
  entry: { type: 'audience', audienceId: 'aud_vip' },
  start,
  steps,
  holdoutPercent: 0,
});
const send: JourneyStep = { kind: 'send', id: 'send_1', destinationId: 'dst_1', data: {}, next: 'exit_1' };
const exit: JourneyStep = { kind: 'exit', id: 'exit_1' };

describe('journey validation', () => {
  it('accepts a connected journey', () => {
    expect(validate(journey([send, exit]))).toEqual([]);
  });

  it('needs an audience and a first step', () => {
    const problems = validate({ ...journey([], null), entry: { type: 'audience', audienceId: '' } });
    expect(problems).toEqual([
      { level: 'error', code: 'noAudience' },
      { level: 'error', code: 'noStart' },
    ]);
    expect(hasErrors(problems)).toBe(true);
  });

  it('warns about unreachable steps and outputs that lead nowhere', () => {
    const orphan: JourneyStep = {
      kind: 'wait',
      id: 'wait_1',
      wait: { type: 'duration', minutes: 5 },
      next: null,
    };
    const split: JourneyStep = {
      kind: 'split',
      id: 'split_1',
      condition: { kind: 'trait', trait: 'level', test: { operator: 'exists' } },
      yes: 'exit_1',
      no: null,
    };
    const problems = validate(journey([split, exit, orphan]));
    expect(problems).toEqual([
      { level: 'warning', code: 'missingNext', stepId: 'split_1', output: 'no' },
      { level: 'warning', code: 'unreachable', stepId: 'wait_1' },
    ]);
    expect(hasErrors(problems)).toBe(false);
  });

  it('wants A/B percentages adding up to 100 and distinct branch names', () => {
    const ab: JourneyStep = {
      kind: 'ab',
      id: 'ab_1',
      branches: [
        { name: 'A', percent: 50, next: 'exit_1' },
        { name: 'A', percent: 30, next: 'exit_1' },
      ],
    };
    expect(validate(journey([ab, exit]))).toEqual([
      { level: 'error', code: 'abSum', stepId: 'ab_1', sum: 80 },
      { level: 'error', code: 'abNames', stepId: 'ab_1' },
    ]);
    const one: JourneyStep = {
      kind: 'ab',
      id: 'ab_1',
      branches: [{ name: 'A', percent: 100, next: 'exit_1' }],
    };
    expect(validate(journey([one, exit]))).toEqual([{ level: 'error', code: 'abTooFew', stepId: 'ab_1' }]);
  });

  it('wants a destination, a condition, a trait or tag, and a valid time of day', () => {
    const steps: JourneyStep[] = [
      { kind: 'send', id: 's', destinationId: '', data: {}, next: 'c' },
      {
        kind: 'split',
        id: 'c',
        condition: { kind: 'and', conditions: [{ kind: 'or', conditions: [] }] },
        yes: 'u',
        no: 't',
      },
      { kind: 'update', id: 'u', set: { type: 'trait', trait: ' ', value: 1 }, next: 'g' },
      { kind: 'update', id: 'g', set: { type: 'tag', tagId: '', value: 1 }, next: 'exit_1' },
      { kind: 'wait', id: 't', wait: { type: 'time_of_day', time: '25:00' }, next: 'exit_1' },
      exit,
    ];
    expect(validate(journey(steps)).map((p) => `${p.code}:${p.stepId}`)).toEqual([
      'noDestination:s',
      'emptyCondition:c',
      'noTrait:u',
      'noTag:g',
      'badTime:t',
    ]);
  });

  it('drops the empty groups the builder leaves before saving', () => {
    const leaf = { kind: 'trait', trait: 'level', test: { operator: 'exists' } } as const;
    const split: JourneyStep = {
      kind: 'split',
      id: 'split_1',
      condition: { kind: 'and', conditions: [leaf, { kind: 'or', conditions: [] }] },
      yes: null,
      no: null,
    };
    const saved = forSaving({ ...journey([split]), exitWhen: { kind: 'and', conditions: [] } });
    expect(saved.exitWhen).toBeUndefined();
    expect('exitWhen' in saved).toBe(false);
    expect(saved.steps[0]).toMatchObject({ condition: { kind: 'and', conditions: [leaf] } });
  });
});
