import { describe, expect, it } from 'vitest';
import {
  audienceModes,
  eventsModes,
  isScheduled,
  newSyncForm,
  parsePath,
  pathText,
  type SyncForm,
  syncBody,
} from './syncSpec.ts';

describe('sync modes', () => {
  it('offers only the modes whose deliveries the destination accepts', () => {
    expect(eventsModes(['event', 'audience_change'])).toEqual(['realtime']);
    expect(audienceModes(['event', 'audience_change'])).toEqual(['realtime']);
    expect(audienceModes(['audience_change', 'audience_snapshot'])).toEqual([
      'realtime',
      'full',
      'incremental',
    ]);
    expect(eventsModes(['events_export'])).toEqual(['export']);
  });

  it('starts with audiences when the destination takes no events', () => {
    expect(newSyncForm(['audience_change', 'audience_snapshot']).kind).toBe('audience');
    expect(newSyncForm(['event']).kind).toBe('events');
  });

  it('knows which modes run on a schedule', () => {
    expect(isScheduled({ kind: 'events', eventsMode: 'realtime', audienceMode: 'full' })).toBe(false);
    expect(isScheduled({ kind: 'events', eventsMode: 'export', audienceMode: 'realtime' })).toBe(true);
    expect(isScheduled({ kind: 'audience', eventsMode: 'export', audienceMode: 'realtime' })).toBe(false);
    expect(isScheduled({ kind: 'audience', eventsMode: 'realtime', audienceMode: 'incremental' })).toBe(true);
  });
});

describe('parsePath', () => {
  it('splits dotted paths and drops blanks', () => {
    expect(parsePath('properties.total')).toEqual(['properties', 'total']);
    expect(parsePath(' context . page.url. ')).toEqual(['context', 'page', 'url']);
    expect(parsePath('')).toEqual([]);
    expect(pathText(['order', 'total'])).toBe('order.total');
  });
});

describe('syncBody', () => {
  const base: SyncForm = {
    ...newSyncForm(['event', 'audience_change', 'audience_snapshot']),
    name: ' 大额订单 ',
  };

  it('builds a real-time event sync with filter and mapping, without a schedule', () => {
    const body = syncBody(
      {
        ...base,
        sources: ['src_1'],
        events: [
          { event: 'Order Completed', where: [{ path: ['total'], test: { operator: 'gte', value: 100 } }] },
          {},
        ],
        mapping: [
          { to: 'order.total', from: 'properties.total' },
          { to: '', from: ' ' },
          { to: 'user', from: '' },
        ],
      },
      'dst_1',
    );
    expect(body).toEqual({
      name: '大额订单',
      destinationId: 'dst_1',
      spec: {
        kind: 'events',
        mode: 'realtime',
        filter: {
          sources: ['src_1'],
          events: [
            { event: 'Order Completed', where: [{ path: ['total'], test: { operator: 'gte', value: 100 } }] },
          ],
        },
        // the half-typed row is kept for the server to point at
        mapping: [
          { to: ['order', 'total'], from: ['properties', 'total'] },
          { to: ['user'], from: [] },
        ],
      },
    });
  });

  it('builds scheduled audience snapshots with their cron expression', () => {
    const body = syncBody(
      { ...base, kind: 'audience', audienceId: 'aud_1', audienceMode: 'full', schedule: ' 0 3 * * * ' },
      'dst_1',
    );
    expect(body).toEqual({
      name: '大额订单',
      destinationId: 'dst_1',
      spec: { kind: 'audience', audienceId: 'aud_1', mode: 'full' },
      schedule: '0 3 * * *',
    });
    const realtime = syncBody(
      { ...base, kind: 'audience', audienceId: 'aud_1', audienceMode: 'realtime' },
      'dst_1',
    );
    expect(realtime).not.toHaveProperty('schedule');
  });
});
