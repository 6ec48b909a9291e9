import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  expectOk,
  GoneError,
  PermanentError,
  RetryableError,
  responseError,
  retryAfterMs,
} from './destination.ts';

function answer(status: number, body = '', headers: Record<string, string> = {}): Response {
  return new Response(status === 204 || status === 304 ? null : body, { status, headers });
}

describe('responseError', () => {
  for (const status of [408, 425, 429, 500, 502, 503, 504]) {
    it(`retries ${status}`, async () => {
      const err = await responseError(answer(status, 'busy'), 'crm');
      assert.ok(err instanceof RetryableError, `${status} is retried`);
      assert.equal(err.details.status, status);
      assert.equal(err.message, `crm answered ${status}: busy`);
    });
  }

  it('marks 410 as gone, which is also permanent', async () => {
    const err = await responseError(answer(410, 'hook deleted'));
    assert.ok(err instanceof GoneError, 'gone');
    assert.ok(err instanceof PermanentError, 'gone is permanent');
    assert.equal(err.details.status, 410);
    assert.equal(err.message, 'peer answered 410: hook deleted');
  });

  for (const status of [300, 302, 400, 401, 403, 404, 409, 413, 422]) {
    it(`does not retry ${status}`, async () => {
      const err = await responseError(answer(status));
      assert.ok(err instanceof PermanentError, `${status} is permanent`);
      assert.ok(!(err instanceof GoneError), `${status} is not gone`);
      assert.ok(!(err instanceof RetryableError), `${status} is not retried`);
      assert.equal(err.details.status, status);
      assert.equal(err.message, `peer answered ${status}`);
    });
  }

  it('passes Retry-After on', async () => {
    const err = await responseError(answer(429, '', { 'retry-after': '7' }));
    assert.ok(err instanceof RetryableError, '429 is retried');
    assert.equal(err.details.retryAfterMs, 7_000);
    const without = await responseError(answer(503));
    assert.ok(without instanceof RetryableError, '503 is retried');
    assert.equal(without.details.retryAfterMs, undefined);
  });

  it('keeps only the start of a long body', async () => {
    const err = await responseError(answer(400, `${'x'.repeat(500)}TAIL`));
    assert.equal(err.message, `peer answered 400: ${'x'.repeat(500)}`);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-02T03:04:05Z');

  it('reads seconds', () => {
    assert.equal(retryAfterMs('7', now), 7_000);
    assert.equal(retryAfterMs('0', now), 0);
    assert.equal(retryAfterMs('120', now), 120_000);
  });

  it('reads an HTTP date, as time from now', () => {
    assert.equal(retryAfterMs('Fri, 02 Jan 2026 03:04:35 GMT', now), 30_000);
  });

  it('never answers a negative delay for a date already past', () => {
    assert.equal(retryAfterMs('Thu, 01 Jan 2026 00:00:00 GMT', now), 0);
  });

  it('is undefined when absent or unreadable', () => {
    assert.equal(retryAfterMs(null, now), undefined);
    assert.equal(retryAfterMs('', now), undefined);
    assert.equal(retryAfterMs('soon', now), undefined);
  });
});

describe('expectOk', () => {
  it('passes 2xx answers through', async () => {
    const ok = answer(201, 'made');
    assert.equal(await expectOk(ok), ok);
    const empty = answer(204);
    assert.equal(await expectOk(empty), empty);
  });

  it('throws the mapped error otherwise', async () => {
    await assert.rejects(expectOk(answer(503, 'down'), 'api'), (err: unknown) => {
      assert.ok(err instanceof RetryableError, '503 is retried');
      assert.equal(err.message, 'api answered 503: down');
      return true;
    });
    await assert.rejects(expectOk(answer(404)), PermanentError);
    await assert.rejects(expectOk(answer(410)), GoneError);
  });
});
