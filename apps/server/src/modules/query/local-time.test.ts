import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, instantOfWallClock, isTimeZone, localDateOf, startOfDay } from './local-time.ts';

const wall = (text: string) => Date.parse(`${text}Z`);
const iso = (ms: number) => new Date(ms).toISOString();

describe('local time', () => {
  it('finds local dates and day starts in a zone', () => {
    assert.equal(localDateOf(Date.parse('2026-03-09T15:59:59.999Z'), 'Asia/Shanghai'), '2026-03-09');
    assert.equal(localDateOf(Date.parse('2026-03-09T16:00:00Z'), 'Asia/Shanghai'), '2026-03-10');
    assert.equal(iso(startOfDay('2026-03-10', 'Asia/Shanghai')), '2026-03-09T16:00:00.000Z');
    assert.equal(iso(startOfDay('2026-03-10', 'UTC')), '2026-03-10T00:00:00.000Z');
  });

  it('adds calendar days across month, year and leap-day ends', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  });

  it('resolves skipped and repeated wall-clock times as PostgreSQL does', () => {
    // checked against PostgreSQL: '2026-03-08 02:30'::timestamp at time zone 'America/New_York' = 07:30Z
    assert.equal(
      iso(instantOfWallClock(wall('2026-03-08T02:30:00'), 'America/New_York')),
      '2026-03-08T07:30:00.000Z',
    );
    // '2026-11-01 01:30' (repeated) = 06:30Z, the offset after the jump back
    assert.equal(
      iso(instantOfWallClock(wall('2026-11-01T01:30:00'), 'America/New_York')),
      '2026-11-01T06:30:00.000Z',
    );
    assert.equal(
      iso(instantOfWallClock(wall('2026-07-01T12:00:00.250'), 'America/New_York')),
      '2026-07-01T16:00:00.250Z',
    );
  });

  it('accepts IANA zone names only', () => {
    assert.ok(isTimeZone('Asia/Shanghai'));
    assert.ok(isTimeZone('UTC'));
    assert.ok(!isTimeZone('Mars/Olympus'));
    assert.ok(!isTimeZone("UTC'; drop table profiles; --"));
  });
});
