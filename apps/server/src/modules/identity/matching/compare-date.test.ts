import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { compareDate, DEFAULT_DATE_DAYS, dateLevels, parseIsoDate } from './compare-date.ts';

const label = (a: string, b: string) => {
  const level = compareDate(a, b, DEFAULT_DATE_DAYS);
  return level === null ? null : dateLevels(DEFAULT_DATE_DAYS)[level];
};

describe('compareDate', () => {
  it('finds transposed day/month, typos and distances in days', () => {
    assert.equal(label('1990-03-12', '1990-03-12'), 'exact');
    assert.equal(label('1990-03-12', '1990-12-03'), 'day_month_swapped');
    assert.equal(label('1990-03-12', '1990-03-21'), 'one_typo');
    assert.equal(label('1990-03-12', '1980-03-12'), 'one_typo');
    assert.equal(label('1990-03-12', '1990-04-02'), 'within_31_days');
    assert.equal(label('1990-03-12', '1990-11-30'), 'within_366_days');
    assert.equal(label('1990-12-31', '1991-01-01'), 'within_31_days');
    assert.equal(label('1990-03-12', '1975-07-30'), 'else');
  });

  it('treats a value that is not a calendar date as missing', () => {
    assert.equal(label('1990-02-30', '1990-02-28'), null);
    assert.equal(label('1990/03/12', '1990-03-12'), null);
    assert.equal(label('', '1990-03-12'), null);
  });

  it('parses every calendar day like Date does', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2200, 0, 1) }), (time) => {
        const epochDay = Math.floor(time / 86_400_000);
        const text = new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
        assert.equal(parseIsoDate(text)?.epochDay, epochDay);
      }),
    );
    assert.equal(parseIsoDate('2000-02-29')?.day, 29);
    assert.equal(parseIsoDate('1900-02-29'), null);
    assert.equal(parseIsoDate('1990-13-01'), null);
  });
});
