import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { normalizeDate } from './normalize-date.ts';

const now = new Date('2026-03-15T04:00:00Z'); // 12:00 in Shanghai
const at = (input: unknown) => normalizeDate(input, { now });

describe('normalizeDate', () => {
  it('reads the formats found in Chinese retail exports', () => {
    const inputs: readonly unknown[] = [
      '1990-05-20',
      '1990-5-20',
      '1990/5/20',
      '1990/05/20',
      '1990.5.20',
      '19900520',
      19900520,
      '1990年5月20日',
      '1990年05月20号',
      '1990 年 5 月 20 日',
      '１９９０－０５－２０',
      ' 1990-05-20\u200B',
      '20/05/1990',
      '20.5.1990',
      '05/20/1990',
      '1990-05-20T08:30:00',
      '1990-05-20 08:30',
      '1990-05-19T16:00:00.000Z',
      '1990-05-20T00:00:00+08:00',
      '1990-05-19 23:00:00 -0100',
      new Date('1990-05-19T16:00:00Z'),
    ];
    for (const input of inputs) assert.deepEqual(at(input), { value: '1990-05-20' }, String(input));
  });

  it('reads Excel serial numbers of the 1900 system', () => {
    assert.deepEqual(at(32983), { value: '1990-04-20' });
    assert.deepEqual(at('45292'), { value: '2024-01-01' });
    assert.deepEqual(at(36526.75), { value: '2000-01-01' }); // with a time fraction
    assert.deepEqual(at(10000), { value: '1927-05-18' });
    assert.deepEqual(normalizeDate(32983, { now, timeZone: 'America/Los_Angeles' }), { value: '1990-04-20' });
    assert.deepEqual(at(1990), { value: null, reason: 'format' }); // a year, not serial 1990
  });

  it('reads day and month the same either way', () => {
    assert.deepEqual(at('06/06/1990'), { value: '1990-06-06' });
    assert.deepEqual(at('05/06/1990'), { value: null, reason: 'ambiguous' });
    assert.deepEqual(at('1/2/2000'), { value: null, reason: 'ambiguous' });
  });

  it('rejects impossible days', () => {
    for (const input of [
      '1990-02-30',
      '19900230',
      '1990-13-01',
      '1990-00-10',
      '1990-04-31',
      '20/20/1990',
      '1990-02-30T10:00:00Z',
    ]) {
      assert.deepEqual(at(input), { value: null, reason: 'impossible' }, input);
    }
    assert.deepEqual(at('2000-02-29'), { value: '2000-02-29' });
    assert.deepEqual(at('1900-02-29'), { value: null, reason: 'impossible' });
  });

  it('rejects years before 1900 and days after today', () => {
    for (const input of ['1899-12-31', '0990-05-20', '2026-03-16', '2099-01-01', '2026-03-15T16:00:00Z']) {
      assert.deepEqual(at(input), { value: null, reason: 'out_of_range' }, input);
    }
    assert.deepEqual(at('2026-03-15'), { value: '2026-03-15' });
    assert.deepEqual(normalizeDate('1880-01-01', { now, minYear: 1800 }), { value: '1880-01-01' });
    assert.deepEqual(normalizeDate('2026-03-15T20:00:00Z', { now, timeZone: 'UTC' }), {
      value: '2026-03-15',
    });
    assert.deepEqual(at(new Date('+099999-12-31T16:00:00Z')), { value: null, reason: 'out_of_range' });
    assert.deepEqual(normalizeDate('1990-05-19T16:00:00Z', { now, timeZone: 'UTC' }), {
      value: '1990-05-19',
    });
  });

  it('says why it cannot read the rest', () => {
    for (const input of [null, undefined, '', '   ', Number.NaN])
      assert.deepEqual(at(input), { value: null, reason: 'empty' });
    for (const input of [
      '1990',
      '1990-05',
      '90-5-20',
      'May 20, 1990',
      '不详',
      '1990-05-20-01',
      true,
      {},
      new Date(Number.NaN),
    ]) {
      assert.deepEqual(at(input), { value: null, reason: 'format' }, String(input));
    }
  });

  it('never throws, and is idempotent', () => {
    const dateish = fc.oneof(
      fc.date({ noInvalidDate: false }),
      fc.integer({ min: 0, max: 99_999 }),
      fc.string({
        unit: fc.constantFrom('1', '9', '0', '2', '5', '-', '/', '.', '年', '月', '日', 'T', ':', 'Z', ' '),
      }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), dateish), (input) => {
        const first = at(input);
        assert.equal(first.value === null, first.reason !== undefined);
        if (first.value !== null) {
          assert.match(first.value, /^\d{4}-\d{2}-\d{2}$/);
          assert.deepEqual(at(first.value), first);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
