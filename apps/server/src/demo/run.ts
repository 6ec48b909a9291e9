import { Clock } from './clock.ts';
import { type ContactKeys, contactKeys } from './contact.ts';
import { coprime, Rng } from './random.ts';
import { DEFAULT_DEMO_NOW, type DemoOptions } from './sources.ts';

/** Everything derived once per generation run from the options (seed-dependent constants, calendar). */
export interface Run {
  readonly seed: number;
  readonly profiles: number;
  readonly clock: Clock;
  readonly contact: ContactKeys;
  /** `demo-<seed>-`: messageIds are `<idPrefix><customer>-<n>`. */
  readonly idPrefix: string;
  /** 4 digits mixed into order numbers so that two seeds never share one. */
  readonly seedTag: string;
  /** Member numbers are `M` + (memberBase + scatter(customer index)), 10 digits, unique per index. */
  readonly memberBase: number;
  readonly memberMul: number;
  readonly memberOff: number;
}

/** Unique phones, e-mails and member numbers are guaranteed up to this many customers. */
export const MAX_PROFILES = 10_000_000;

export function createRun(options: DemoOptions): Run {
  const { profiles, seed } = options;
  const days = options.days ?? 90;
  const now = options.now ?? DEFAULT_DEMO_NOW;
  if (!Number.isSafeInteger(profiles) || profiles < 0 || profiles > MAX_PROFILES) {
    throw new RangeError(`demo: profiles must be an integer in [0, ${MAX_PROFILES}]`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError('demo: seed must be a safe integer');
  if (!(days >= 1 && days <= 3650)) throw new RangeError('demo: days must be in [1, 3650]');
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new RangeError('demo: now must be a valid Date');
  const rng = new Rng(seed, 0, 0);
  return {
    seed,
    profiles,
    clock: new Clock(now, days),
    contact: contactKeys(rng),
    idPrefix: `demo-${seed}-`,
    seedTag: String(1000 + rng.int(9000)),
    memberBase: (1 + rng.int(8)) * 1_000_000_000,
    memberMul: coprime(10_000_000 + rng.int(40_000_000)),
    memberOff: rng.int(100_000_000),
  };
}
