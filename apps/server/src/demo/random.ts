/**
 * Seedable, fast PRNG (sfc32) and sampling helpers. Only 32-bit integer arithmetic and exact double
 * arithmetic are used, so a given seed produces the same stream on every platform and Node version.
 */

const TWO_POW_32 = 4294967296;

/** murmur3 finaliser: a strong 32-bit avalanche, used to derive independent stream keys. */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Splits any finite number into two 32-bit words (integer part only). */
function seedWords(seed: number): [number, number] {
  const s = Number.isFinite(seed) ? Math.trunc(seed) : 0;
  return [s >>> 0, Math.floor(s / TWO_POW_32) >>> 0];
}

/** A stable 32-bit hash of (seed, stream, index): streams and indexes give unrelated sequences. */
export function streamKey(seed: number, stream: number, index: number): number {
  const [lo, hi] = seedWords(seed);
  let h = mix32(lo ^ 0x9e3779b9);
  h = mix32(h ^ hi ^ 0x85ebca6b);
  h = mix32(h ^ Math.imul(stream + 1, 0x27d4eb2f));
  h = mix32(h ^ (index >>> 0));
  return mix32(h ^ Math.floor(index / TWO_POW_32));
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const HEX = '0123456789abcdef';

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** One independent stream per (seed, stream, index), e.g. one per customer. */
  constructor(seed: number, stream = 0, index = 0) {
    const k = streamKey(seed, stream, index);
    this.a = k;
    this.b = mix32(k ^ 0x6a09e667);
    this.c = mix32(k ^ 0xbb67ae85);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** Uniform 32-bit unsigned integer (sfc32). */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / TWO_POW_32;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max] (inclusive). */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /**
   * Pareto-distributed integer ≥ `min`, capped at `max`: most draws are near `min`, a few are large
   * (the long tail of customer activity). Smaller `alpha` = heavier tail.
   */
  tail(min: number, alpha: number, max: number): number {
    return Math.min(max, Math.floor(min / (1 - this.next()) ** (1 / alpha)));
  }

  /** `n` random decimal digits. */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(48 + Math.floor(this.next() * 10));
    return s;
  }

  /** `n` characters of the base64url alphabet (the WeChat OpenID/UnionID alphabet). */
  base64url(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += BASE64URL[this.u32() & 63];
    return s;
  }

  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += HEX[this.u32() & 15];
    return s;
  }

  /** A random (v4-shaped) UUID, as analytics.js and mobile SDKs use for anonymousId. */
  uuid(): string {
    const variant = HEX[8 + (this.u32() & 3)];
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${variant}${this.hex(3)}-${this.hex(12)}`;
  }
}

/** Weighted choice by binary search over cumulative weights (built once, sampled millions of times). */
export class Weighted<T> {
  readonly items: readonly T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    if (entries.length === 0) throw new Error('Weighted: no entries');
    this.items = entries.map((e) => e[0]);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, w], i) => {
      if (!(w >= 0)) throw new Error('Weighted: weights must be ≥ 0');
      sum += w;
      this.cumulative[i] = sum;
    });
    if (!(sum > 0)) throw new Error('Weighted: total weight must be > 0');
    this.total = sum;
  }

  /** Index of the sampled entry. */
  index(rng: Rng): number {
    return searchCumulative(this.cumulative, rng.next() * this.total);
  }

  pick(rng: Rng): T {
    return this.items[this.index(rng)];
  }
}

/** The first number ≥ x that is odd and not a multiple of 3 or 5: coprime with 10^k and 9 × 10^k. */
export function coprime(x: number): number {
  let m = x | 1;
  while (m % 3 === 0 || m % 5 === 0) m += 2;
  return m;
}

/**
 * A bijection of [0, modulus) (for `multiplier` coprime with `modulus`): turns a customer index into
 * a unique but random-looking number (phone tails, QQ numbers …). Exact while index × multiplier < 2^53.
 */
export function scatter(index: number, modulus: number, multiplier: number, offset: number): number {
  return (index * multiplier + offset) % modulus;
}

/** Index of the first cumulative weight above `r` (binary search over ascending sums). */
export function searchCumulative(cum: ArrayLike<number>, r: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
