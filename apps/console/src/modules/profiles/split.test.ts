import { describe, expect, it } from 'vitest';
import { evidenceText } from './evidence.ts';
import { historyDetail } from './history.ts';
import { byPriority } from './identifiers.ts';
import { followUpIdentifiers, splitBody } from './split.ts';

const identifiers = [
  { type: 'anonymous_id', value: 'anon-1' },
  { type: 'crm_id', value: 'C-9' },
  { type: 'phone', value: '+8613800138000' },
  { type: 'member_id', value: 'M1001' },
  { type: 'user_id', value: 'u-1' },
];

describe('split', () => {
  it('builds the request body for an identifier or a piece of evidence', () => {
    expect(
      splitBody({ kind: 'identifier', identifier: { type: 'member_id', value: 'M1001' } }, ' 门店误录 '),
    ).toEqual({ identifier: { type: 'member_id', value: 'M1001' }, reason: '门店误录' });
    expect(splitBody({ kind: 'evidence', evidenceId: 'src_pos/o1' }, '  ')).toEqual({
      evidenceId: 'src_pos/o1',
      reason: undefined,
    });
  });

  it('follows the person by their highest-priority identifier that stays', () => {
    expect(byPriority(identifiers).map((i) => i.type)).toEqual([
      'user_id',
      'member_id',
      'phone',
      'crm_id',
      'anonymous_id',
    ]);
    const target = { kind: 'identifier', identifier: { type: 'user_id', value: 'u-1' } } as const;
    expect(followUpIdentifiers(identifiers, target)[0]).toEqual({ type: 'member_id', value: 'M1001' });
    const evidence = { kind: 'evidence', evidenceId: 'x/y' } as const;
    expect(followUpIdentifiers(identifiers, evidence)[0]).toEqual({ type: 'user_id', value: 'u-1' });
  });
});

describe('history details', () => {
  it('reads strings and lists, ignoring anything else', () => {
    expect(historyDetail({ from: ['prof_a', 3, ''], into: 'prof_b', retracted: ['member_id:M1'] })).toEqual({
      from: ['prof_a'],
      into: ['prof_b'],
      retracted: ['member_id:M1'],
    });
    expect(historyDetail({})).toEqual({ from: [], into: [], retracted: [] });
  });
});

describe('evidence names', () => {
  it('names the source of event evidence and leaves other ids alone', () => {
    const names = new Map([['src_pos', '门店 POS']]);
    expect(evidenceText('src_pos/o1/x', names)).toBe('门店 POS / o1/x');
    expect(evidenceText('src_gone/o1', names)).toBe('src_gone/o1');
    expect(evidenceText('manual:42', names)).toBe('manual:42');
  });
});
