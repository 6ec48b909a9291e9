import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localMinutes, nextTimeOfDay, quietUntil } from './local-clock.ts';

describe('local clock', () => {
  const at = new Date('2026-11-23T14:30:00Z'); // 22:30 in Shanghai, 09:30 in New York

  it('reads the local time of day in a time zone', () => {
    assert.equal(localMinutes(at, 'Asia/Shanghai'), 22 * 60 + 30);
    assert.equal(localMinutes(at, 'America/New_York'), 9 * 60 + 30);
  });

  it('finds the next occurrence of a time of day', () => {
    assert.equal(nextTimeOfDay(at, '09:00', 'Asia/Shanghai').toISOString(), '2026-11-24T01:00:00.000Z');
    assert.equal(nextTimeOfDay(at, '23:00', 'Asia/Shanghai').toISOString(), '2026-11-23T15:00:00.000Z');
    assert.equal(nextTimeOfDay(at, '22:30', 'Asia/Shanghai').toISOString(), at.toISOString());
  });

  it('tells whether quiet hours hold, also across midnight, and when they end', () => {
    assert.equal(
      quietUntil(at, '22:00', '08:00', 'Asia/Shanghai')?.toISOString(),
      '2026-11-24T00:00:00.000Z',
    );
    assert.equal(quietUntil(at, '22:00', '08:00', 'America/New_York'), null);
    assert.equal(quietUntil(at, '12:00', '14:00', 'America/New_York'), null);
    assert.equal(
      quietUntil(at, '09:00', '10:00', 'America/New_York')?.toISOString(),
      '2026-11-23T15:00:00.000Z',
    );
  });
});
