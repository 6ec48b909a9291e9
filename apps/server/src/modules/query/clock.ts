import type { WorkspaceJoins } from './event-condition.ts';
import { isTimeZone, type LocalDate, localDateOf } from './local-time.ts';
import { invalidAsOf, invalidTimeZone } from './query.errors.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** When a definition is evaluated: "now" for every relative condition is `asOf`, never the database clock. */
export interface EvaluationOptions {
  readonly asOf: Date;
  /** IANA zone in which dates without an offset are read and days start; default `Asia/Shanghai`. */
  readonly timeZone?: string;
}

/** Validated evaluation options with today's local date. */
export interface Clock {
  readonly asOf: Date;
  readonly timeZone: string;
  readonly today: LocalDate;
  /** Set: event conditions compile as grouped subqueries joined to `profiles p` (see `compileForWorkspace`). */
  readonly workspaceJoins?: WorkspaceJoins;
}

/** One clock per options object: evaluating many profiles with the same options computes days once. */
const clocks = new WeakMap<EvaluationOptions, Clock>();

/** Validates the options; throws `query.invalid_time_zone` or `query.invalid_as_of`. */
export function clockOf(options: EvaluationOptions): Clock {
  const known = clocks.get(options);
  if (
    known &&
    known.timeZone === (options.timeZone ?? DEFAULT_TIME_ZONE) &&
    options.asOf instanceof Date &&
    known.asOf.getTime() === options.asOf.getTime()
  )
    return known;
  const clock = newClock(options);
  clocks.set(options, clock);
  return clock;
}

function newClock(options: EvaluationOptions): Clock {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) throw invalidTimeZone(timeZone);
  const ms = options.asOf instanceof Date ? options.asOf.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw invalidAsOf();
  return { asOf: options.asOf, timeZone, today: localDateOf(ms, timeZone) };
}
