import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { jsonDepth, sanitizeJson } from './sanitize-json.ts';

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

describe('jsonDepth', () => {
  it('measures nesting and stops early past the limit', () => {
    assert.equal(jsonDepth('x', 32), 0);
    assert.equal(jsonDepth({ a: { b: [1] } }, 32), 3);
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    assert.equal(jsonDepth(deep, 32) > 32, true);
  });
});
