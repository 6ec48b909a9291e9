/**
 * The worker's policies per destination, pure and clock-driven so they are tested without waiting:
 * backoff with full jitter, a circuit breaker, a token bucket.
 */

export interface BackoffOptions {
  /** first retry within this (ms) */
  readonly baseMs: number;
  /** no wait longer than this (ms) */
  readonly capMs: number;
}

/**
 * Exponential backoff with full jitter (a random wait in [0, min(cap, base·2^(attempt−1))]), so that
 * retries of many deliveries spread out instead of hitting a recovering peer together; a
 * `Retry-After` from the peer is a floor.
 */
export function retryDelayMs(
  attempt: number,
  options: BackoffOptions,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs === undefined
    ? jittered
    : Math.max(jittered, Math.min(retryAfterMs, options.capMs * 12));
}

export type CircuitState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  /** consecutive failures that open the circuit */
  readonly failures: number;
  /** first open period (ms); doubles while probes fail, up to `maxOpenMs` */
  readonly openMs: number;
  readonly maxOpenMs: number;
}

/** Open at most 30 s: after an outage, deliveries resume within half a minute of the peer's return. */
export const DEFAULT_BREAKER: BreakerOptions = { failures: 5, openMs: 5_000, maxOpenMs: 30_000 };

/**
 * A circuit breaker: after `failures` consecutive failures the destination gets no deliveries for
 * a while (its queue waits, other destinations go on); then one probe delivery decides whether it
 * closes again or stays open twice as long.
 */
export class CircuitBreaker {
  private consecutive = 0;
  private openUntil = 0;
  private openMs: number;
  private probing = false;

  constructor(private readonly options: BreakerOptions = DEFAULT_BREAKER) {
    this.openMs = options.openMs;
  }

  state(now: number): CircuitState {
    if (this.openUntil === 0) return 'closed';
    return now < this.openUntil ? 'open' : 'half_open';
  }

  /** How many deliveries may start now: unlimited when closed, one probe when half open. */
  allowance(now: number): number {
    const state = this.state(now);
    if (state === 'closed') return Number.POSITIVE_INFINITY;
    if (state === 'open' || this.probing) return 0;
    return 1;
  }

  /** A delivery started (a probe when half open). */
  started(now: number): void {
    if (this.state(now) === 'half_open') this.probing = true;
  }

  succeeded(): void {
    this.consecutive = 0;
    this.openUntil = 0;
    this.probing = false;
    this.openMs = this.options.openMs;
  }

  failed(now: number): void {
    this.consecutive++;
    if (this.probing) {
      this.probing = false;
      this.openMs = Math.min(this.openMs * 2, this.options.maxOpenMs);
      this.openUntil = now + this.openMs;
    } else if (this.openUntil === 0 && this.consecutive >= this.options.failures) {
      this.openUntil = now + this.openMs;
    }
  }
}

/** A token bucket: `ratePerSecond` tokens a second, bursts up to one second's worth. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly ratePerSecond: number,
    now: number,
  ) {
    this.tokens = ratePerSecond;
    this.at = now;
  }

  available(now: number): number {
    this.tokens = Math.min(this.ratePerSecond, this.tokens + ((now - this.at) / 1000) * this.ratePerSecond);
    this.at = now;
    return Math.floor(this.tokens);
  }

  take(n: number): void {
    this.tokens -= n;
  }
}
