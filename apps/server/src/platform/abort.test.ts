import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deadline } from './abort.ts';

describe('deadline', () => {
  it('aborts with a TimeoutError after the time, even when only the signal is kept', async () => {
    const { signal } = deadline(30);
    // what collected a bare AbortSignal.timeout inside AbortSignal.any on Node 20
    globalThis.gc?.();
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(signal.aborted, true);
    assert.equal((signal.reason as DOMException).name, 'TimeoutError');
  });

  it('follows a parent, and done() stops the timer', async () => {
    const parent = new AbortController();
    const child = deadline(10_000, parent.signal, undefined);
    parent.abort(new Error('stopping'));
    assert.equal(child.signal.aborted, true);
    assert.equal((child.signal.reason as Error).message, 'stopping');
    const finished = deadline(20);
    finished.done();
    await new Promise((r) => setTimeout(r, 40));
    assert.equal(finished.signal.aborted, false);
  });
});
