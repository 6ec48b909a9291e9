import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sanitizeJson } from './sanitize-json.ts';
import { validateMessage } from './validate-message.ts';

const size = (v: unknown) => Buffer.byteLength(JSON.stringify(v));
const check = (v: unknown, type: Parameters<typeof validateMessage>[1] = null) =>
  validateMessage(v, type, size(v), sanitizeJson(v).depth);

describe('validateMessage', () => {
  it('accepts each message type of the spec', () => {
    for (const m of [
      { type: 'track', event: 'A', userId: 'u' },
      { type: 'identify', anonymousId: 'a', traits: { name: '张三' } },
      { type: 'page', anonymousId: 'a' },
      { type: 'screen', userId: 1 },
      { type: 'group', userId: 'u', groupId: 'g' },
      { type: 'alias', userId: 'u', previousId: 'a' },
    ]) {
      assert.equal(check(m).ok, true, JSON.stringify(m));
    }
  });

  it('takes the type from the endpoint for single-message paths', () => {
    const r = check({ event: 'A', userId: 'u' }, 'track');
    assert.ok(r.ok && r.message.type === 'track');
  });

  it('names the problem with a JSON pointer', () => {
    const cases: Array<[unknown, string, string]> = [
      [{ type: 'track', userId: 'u' }, 'invalid_message', '/event'],
      [{ type: 'track', event: 'A' }, 'missing_identity', '/userId'],
      [{ type: 'alias', previousId: 'a', anonymousId: 'x' }, 'missing_identity', '/userId'],
      [{ type: 'identify', userId: 'u', traits: 'x' }, 'invalid_message', '/traits'],
      [{ type: 'track', event: 'A', userId: 'u', properties: [] }, 'invalid_message', '/properties'],
      [{ type: 'track', event: 'A', userId: 'u', timestamp: 'yesterday' }, 'invalid_message', '/timestamp'],
      [{ type: 'track', event: 'A', userId: {} }, 'invalid_message', '/userId'],
      [
        { type: 'track', event: 'A', userId: 'u', messageId: 'x'.repeat(101) },
        'invalid_message_id',
        '/messageId',
      ],
      [{ type: 'bogus', userId: 'u' }, 'invalid_message', '/type'],
      ['not an object', 'invalid_message', ''],
    ];
    for (const [input, code, path] of cases) {
      const r = check(input);
      assert.equal(r.ok, false, JSON.stringify(input));
      if (!r.ok)
        assert.deepEqual([r.problems[0].code, r.problems[0].path], [code, path], JSON.stringify(input));
    }
  });

  it('refuses oversize and too-deep messages with the reason', () => {
    const big = { type: 'track', event: 'A', userId: 'u', properties: { blob: 'x'.repeat(40_000) } };
    const r = check(big);
    assert.ok(
      !r.ok && r.problems[0].code === 'event_too_large' && r.problems[0].message.includes('properties='),
    );
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = { d: deep };
    const d = check({ type: 'track', event: 'A', userId: 'u', properties: deep });
    assert.ok(!d.ok && d.problems[0].code === 'too_deep');
  });
});
