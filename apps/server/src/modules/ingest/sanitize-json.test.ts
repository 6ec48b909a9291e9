import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MAX_BODY_DEPTH } from '../../platform/http/http-server.ts';
import { sanitizeJson } from './sanitize-json.ts';

describe('sanitizeJson', () => {
  it('replaces NUL and lone surrogates in keys and values, and says so', () => {
    const { value, changed } = sanitizeJson({ a: 'x\u0000y', 'k\ud800': ['\udc00', 1, null], ok: '𠮷🎉' });
    assert.equal(changed, true);
    assert.deepEqual(value, { a: 'x\uFFFDy', 'k\uFFFD': ['\uFFFD', 1, null], ok: '𠮷🎉' });
  });

  it('returns well-formed input unchanged (same object)', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const input = JSON.parse(text) as unknown;
        const out = sanitizeJson(input);
        if (!out.changed) assert.equal(out.value, input);
        assert.ok(JSON.stringify(out.value).isWellFormed());
      }),
    );
  });
});

describe('sanitizeJson depth', () => {
  it('measures nesting (a scalar is 0), up to the deepest body the parser lets through', () => {
    assert.equal(sanitizeJson('x').depth, 0);
    assert.equal(sanitizeJson({ a: { b: [1] } }).depth, 3);
    let deep: unknown = 1;
    for (let i = 0; i < MAX_BODY_DEPTH; i++) deep = [deep];
    assert.equal(sanitizeJson(deep).depth, MAX_BODY_DEPTH);
  });
});
