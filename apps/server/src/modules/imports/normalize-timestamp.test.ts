import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeTimestamp } from './normalize-timestamp.ts';

const now = new Date('2024-06-01T00:00:00Z');

describe('normalizeTimestamp', () => {
  it('reads the times of Chinese exports as Shanghai wall-clock time', () => {
    const cases: ReadonlyArray<readonly [unknown, string]> = [
      ['2024-03-05 14:30', '2024-03-05T06:30:00.000Z'],
      ['2024/3/5 14:30:15', '2024-03-05T06:30:15.000Z'],
      ['2024年3月5日 14:30', '2024-03-05T06:30:00.000Z'],
      ['2024年3月5日14时30分15秒', '2024-03-05T06:30:15.000Z'],
      ['２０２４－０３－０５　１４：３０', '2024-03-05T06:30:00.000Z'],
      ['2024-03-05T14:30:00', '2024-03-05T06:30:00.000Z'],
      ['2024-03-05 14:30:00.5', '2024-03-05T06:30:00.500Z'],
      ['20240305143000', '2024-03-05T06:30:00.000Z'],
      ['2024-03-05', '2024-03-04T16:00:00.000Z'],
      ['45356.5', '2024-03-05T04:00:00.000Z'],
      [45356, '2024-03-04T16:00:00.000Z'],
    ];
    for (const [input, expected] of cases)
      assert.deepEqual(normalizeTimestamp(input, '+08:00', now), { value: expected }, String(input));
  });

  it('keeps explicit offsets and reads Unix times', () => {
    const cases: ReadonlyArray<readonly [unknown, string]> = [
      ['2024-03-05T14:30:00Z', '2024-03-05T14:30:00.000Z'],
      ['2024-03-05T14:30:00.123+0800', '2024-03-05T06:30:00.123Z'],
      ['2024-03-05 14:30:00 -05:00', '2024-03-05T19:30:00.000Z'],
      ['1709620200', '2024-03-05T06:30:00.000Z'],
      [1709620200000, '2024-03-05T06:30:00.000Z'],
      [new Date('2024-03-05T06:30:00Z'), '2024-03-05T06:30:00.000Z'],
    ];
    for (const [input, expected] of cases)
      assert.deepEqual(normalizeTimestamp(input, '+08:00', now), { value: expected }, String(input));
  });

  it('uses the given offset for wall-clock times', () => {
    assert.deepEqual(normalizeTimestamp('2024-03-05 14:30', '+00:00', now), {
      value: '2024-03-05T14:30:00.000Z',
    });
  });

  it('says why a value is no time', () => {
    const cases: ReadonlyArray<readonly [unknown, string]> = [
      ['', 'empty'],
      [null, 'empty'],
      ['garbage', 'format'],
      ['2024-02-30 10:00', 'impossible'],
      ['2024-03-05 24:00', 'impossible'],
      ['03/05/2024 14:30', 'ambiguous'],
      ['2024-06-03 10:00', 'out_of_range'],
      ['1850-01-01', 'out_of_range'],
    ];
    for (const [input, reason] of cases)
      assert.deepEqual(normalizeTimestamp(input, '+08:00', now), { value: null, reason }, String(input));
  });
});
