import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Message } from '@cdp/protocol';
import { correctTimestamp, messageFingerprint, normalizeEvent } from './normalize-event.ts';

const payloadHash = (raw: Record<string, unknown>) => messageFingerprint(raw).hash;

const rules = { futureToleranceMs: 3_600_000 };
const at = (s: string) => new Date(s);

describe('correctTimestamp (Segment clock-skew formula)', () => {
  const received = at('2026-11-23T10:00:00.000Z');

  it('applies timestamp = receivedAt − (sentAt − originalTimestamp)', () => {
    // Device clock 2 h fast; event happened 30 s before sending.
    const r = correctTimestamp(at('2026-11-23T11:59:30Z'), at('2026-11-23T12:00:00Z'), received, rules);
    assert.equal(r.timestamp.toISOString(), '2026-11-23T09:59:30.000Z');
    assert.deepEqual(r.flags, ['clock_skew_corrected']);
  });

  it('keeps the client time when sentAt is missing, and falls back to receivedAt', () => {
    assert.equal(
      correctTimestamp(at('2026-01-01T00:00:00Z'), null, received, rules).timestamp.toISOString(),
      '2026-01-01T00:00:00.000Z',
    );
    assert.equal(correctTimestamp(null, null, received, rules).timestamp, received);
  });

  it('flags far-future and pre-2000 timestamps without dropping them', () => {
    assert.deepEqual(correctTimestamp(at('2099-01-01T00:00:00Z'), null, received, rules).flags, [
      'future_timestamp',
    ]);
    assert.deepEqual(correctTimestamp(at('1970-01-01T00:00:00Z'), null, received, rules).flags, [
      'ancient_timestamp',
    ]);
    assert.deepEqual(
      correctTimestamp(at('2026-11-23T10:30:00Z'), null, received, rules).flags,
      [],
      'within tolerance',
    );
  });
});

describe('normalizeEvent', () => {
  const raw = {
    type: 'track',
    event: '下单',
    userId: 42,
    messageId: 'm-1',
    timestamp: '2026-11-23T18:00:00+08:00',
    properties: { total: 99.5 },
    context: {
      page: { url: 'https://x.cn/a?b=1', path: '/a' },
      campaign: { source: 'wechat', medium: 'social', name: '双11' },
      library: { name: 'analytics.js', version: '2' },
    },
    _metadata: { bundled: [] },
    channel: 'web',
  };
  const message = Message.parse(raw);
  const row = normalizeEvent(
    raw,
    message,
    { id: 'src_1', workspaceId: 'ws_1' },
    'm-1',
    {
      receivedAt: at('2026-11-23T10:00:05Z'),
      context: { library: { name: 'batch-level' }, locale: 'zh-CN' },
      requestIp: '203.0.113.9',
      userAgent: 'curl/8',
    },
    rules,
  );

  it('fills the query columns from the context and keeps unknown fields in extra', () => {
    assert.equal(row.user_id, '42', 'numeric ids become strings');
    assert.equal(row.event, '下单');
    assert.equal(row.timestamp, '2026-11-23T10:00:00.000Z');
    assert.equal(row.page_path, '/a');
    assert.deepEqual([row.utm_source, row.utm_medium, row.utm_campaign], ['wechat', 'social', '双11']);
    assert.equal(row.library_name, 'analytics.js', 'message context wins over batch context');
    assert.equal(row.locale, 'zh-CN', 'batch context fills gaps');
    assert.equal(row.ip, '203.0.113.9', 'request IP when the client sent none');
    assert.equal(row.user_agent, 'curl/8');
    assert.deepEqual(row.extra, { _metadata: { bundled: [] }, channel: 'web' });
    assert.equal(row.flags, '{}');
  });

  it('fingerprints content but not retry-specific fields', () => {
    assert.equal(
      payloadHash(raw),
      payloadHash({ ...raw, sentAt: '2026-11-23T10:00:00Z', writeKey: 'k', _metadata: {} }),
    );
    assert.notEqual(payloadHash(raw), payloadHash({ ...raw, properties: { total: 100 } }));
  });
});
