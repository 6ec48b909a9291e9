import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CircuitBreaker, retryDelayMs, TokenBucket } from './delivery-policy.ts';

describe('retry delay', () => {
  const options = { baseMs: 10_000, capMs: 300_000 };
  it('grows exponentially, jittered in [0, ceiling], capped', () => {
    assert.equal(
      retryDelayMs(1, options, undefined, () => 0.999_999),
      9_999,
    );
    assert.equal(
      retryDelayMs(3, options, undefined, () => 0.5),
      20_000,
    );
    assert.equal(
      retryDelayMs(20, options, undefined, () => 0.5),
      150_000,
    );
    assert.equal(
      retryDelayMs(4, options, undefined, () => 0),
      0,
    );
  });
  it('waits at least what Retry-After asks', () => {
    assert.equal(
      retryDelayMs(1, options, 60_000, () => 0.1),
      60_000,
    );
    assert.equal(
      retryDelayMs(6, options, 1_000, () => 0.5),
      150_000,
    );
  });
});

describe('circuit breaker', () => {
  it('opens after consecutive failures, probes once, doubles while probes fail, closes on success', () => {
    const b = new CircuitBreaker({ failures: 3, openMs: 1_000, maxOpenMs: 3_000 });
    assert.equal(b.allowance(0), Number.POSITIVE_INFINITY);
    b.failed(0);
    b.failed(0);
    b.succeeded(); // a success resets the count
    b.failed(0);
    b.failed(0);
    assert.equal(b.state(0), 'closed');
    b.failed(10);
    assert.equal(b.state(10), 'open');
    assert.equal(b.allowance(500), 0);
    assert.equal(b.state(1_010), 'half_open');
    assert.equal(b.allowance(1_010), 1);
    b.started(1_010);
    assert.equal(b.allowance(1_010), 0, 'one probe at a time');
    b.failed(1_020);
    assert.equal(b.state(2_000), 'open', 'a failed probe opens it for twice as long');
    assert.equal(b.state(3_020), 'half_open');
    b.started(3_020);
    b.failed(3_020);
    assert.equal(b.state(6_000), 'open', 'capped at maxOpenMs');
    assert.equal(b.state(6_020), 'half_open');
    b.started(6_020);
    b.succeeded();
    assert.equal(b.state(6_020), 'closed');
    assert.equal(b.allowance(6_020), Number.POSITIVE_INFINITY);
  });
});

describe('token bucket', () => {
  it('gives ratePerSecond tokens a second, bursts up to one second', () => {
    const t = new TokenBucket(100, 0);
    assert.equal(t.available(0), 100);
    t.take(100);
    assert.equal(t.available(0), 0);
    assert.equal(t.available(250), 25);
    t.take(25);
    assert.equal(t.available(10_000), 100, 'no more than one second of burst');
  });
});
