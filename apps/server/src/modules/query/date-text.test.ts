import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { instantOfText, isDateText, localDateOfText } from './date-text.ts';

describe('date text', () => {
  it('accepts strict ISO-8601 dates with real calendar days only', () => {
    for (const ok of [
      '2024-02-29',
      '2000-02-29',
      '2026-03-01T10:00',
      '2026-03-01 10:00:00.123456+08:00',
      '2026-03-01T10:00:00Z',
      '2026-03-01T10:00-0530',
    ])
      assert.ok(isDateText(ok), ok);
    for (const bad of [
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-3-1',
      '2026-03-01T24:00',
      '2026-03-01T10:00:60',
      '2026-03-01+08:00',
      ' 2026-03-01',
      '0999-01-01',
      '2026-03-01T10:00:00.1234567Z',
      20260301,
    ])
      assert.ok(!isDateText(bad), String(bad));
  });

  it('reads times without an offset in the zone, with one as absolute, to the microsecond', () => {
    assert.equal(
      instantOfText('2026-03-01T08:00:00.000001', 'Asia/Shanghai'),
      Date.parse('2026-03-01T00:00:00Z') * 1000 + 1,
    );
    assert.equal(instantOfText('2026-03-01', 'UTC'), Date.parse('2026-03-01T00:00:00Z') * 1000);
    assert.equal(instantOfText('2026-03-01T08:00+0800', 'UTC'), Date.parse('2026-03-01T00:00:00Z') * 1000);
  });

  it('takes the local date of a date without offset as written, and converts one with an offset', () => {
    assert.equal(localDateOfText('2026-03-01T23:30', 'UTC'), '2026-03-01');
    assert.equal(localDateOfText('2026-03-01T23:30:00Z', 'Asia/Shanghai'), '2026-03-02');
    assert.equal(localDateOfText('2026-03-01T23:30:00Z', 'UTC'), '2026-03-01');
  });
});
