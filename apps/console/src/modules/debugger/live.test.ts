import type { QuarantineItem, StoredEvent } from '@cdp/protocol';
import { describe, expect, it } from 'vitest';
import { compareIds, eventLabel, matchesFilter, mergeEvents, mergeQuarantine, parseFrame } from './live.ts';

function ev(id: string, patch: Partial<StoredEvent> = {}): StoredEvent {
  return {
    id,
    sourceId: 's1',
    messageId: `m${id}`,
    type: 'track',
    event: 'Order Completed',
    name: null,
    userId: 'u1',
    anonymousId: null,
    timestamp: '2025-01-01T00:00:00.000Z',
    originalTimestamp: null,
    sentAt: null,
    receivedAt: '2025-01-01T00:00:00.000Z',
    flags: [],
    message: { type: 'track', event: 'Order Completed' },
    ...patch,
  };
}

function qi(id: string, receivedAt: string, status: QuarantineItem['status'] = 'pending'): QuarantineItem {
  return {
    id,
    sourceId: 's1',
    messageId: null,
    receivedAt,
    status,
    problems: [],
    payload: {},
    resolvedAt: null,
  };
}

describe('debugger helpers', () => {
  it('compares numeric ids of any length', () => {
    expect(compareIds('9', '10')).toBeLessThan(0);
    expect(compareIds('100', '99')).toBeGreaterThan(0);
    expect(compareIds('42', '42')).toBe(0);
  });

  it('merges event lists newest first, without duplicates, capped', () => {
    const merged = mergeEvents([[ev('1'), ev('3')], [ev('2'), ev('3', { event: 'fresh' })], [ev('10')]], 3);
    expect(merged.map((e) => e.id)).toEqual(['10', '3', '2']);
    expect(merged[1].event).toBe('fresh');
  });

  it('merges quarantine items by receivedAt, later lists win', () => {
    const merged = mergeQuarantine([
      [qi('a', '2025-01-01T00:00:01Z'), qi('b', '2025-01-01T00:00:02Z')],
      [qi('a', '2025-01-01T00:00:01Z', 'replayed')],
    ]);
    expect(merged.map((i) => [i.id, i.status])).toEqual([
      ['b', 'pending'],
      ['a', 'replayed'],
    ]);
  });

  it('labels and filters events', () => {
    expect(eventLabel(ev('1'))).toBe('Order Completed');
    expect(eventLabel(ev('1', { type: 'identify', event: null }))).toBe('identify');
    expect(eventLabel(ev('1', { type: 'page', event: null, name: 'Home' }))).toBe('Home');
    expect(matchesFilter(ev('1'), { text: 'order' })).toBe(true);
    expect(matchesFilter(ev('1'), { text: 'signup' })).toBe(false);
    expect(matchesFilter(ev('1'), { type: 'identify' })).toBe(false);
    expect(matchesFilter(ev('1'), { sourceId: 's2' })).toBe(false);
    expect(matchesFilter(ev('1'), {})).toBe(true);
  });

  it('parses only valid frames', () => {
    expect(parseFrame(JSON.stringify({ kind: 'event', event: ev('7') }))).toMatchObject({ kind: 'event' });
    expect(
      parseFrame(JSON.stringify({ kind: 'quarantine', item: qi('q', '2025-01-01T00:00:00Z') })),
    ).toMatchObject({
      kind: 'quarantine',
    });
    expect(parseFrame('not json')).toBeNull();
    expect(parseFrame(JSON.stringify({ kind: 'other' }))).toBeNull();
    expect(parseFrame(JSON.stringify({ kind: 'event', event: { id: 1 } }))).toBeNull();
  });
});

describe('parseFrame agrees with the protocol schema', () => {
  it('accepts what DebuggerFrame accepts for the fixtures used here', async () => {
    const { DebuggerFrame } = await import('@cdp/protocol');
    const frames = [
      { kind: 'event', event: ev('1', { flags: ['future_timestamp'] }) },
      { kind: 'quarantine', item: qi('q1', '2025-01-01T00:00:00Z') },
      { kind: 'event', event: { ...ev('2'), flags: 'x' } },
      { kind: 'quarantine', item: { ...qi('q2', '2025-01-01T00:00:00Z'), status: 'weird' } },
    ];
    for (const frame of frames) {
      expect(parseFrame(JSON.stringify(frame)) !== null).toBe(DebuggerFrame.safeParse(frame).success);
    }
  });
});
