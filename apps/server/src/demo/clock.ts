import { type Rng, searchCumulative } from './random.ts';

/**
 * When things happen: the period [now − days, now] cut into hours, each weighted by China-time
 * (UTC+8) habits — evenings and weekends are busier online, stores only trade 10:00–22:00 — and by
 * shopping festivals (3.8, 520, 618, 双11, 双12 …) when they fall in the period.
 */

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
const CHINA_OFFSET = 8 * HOUR;

export type Activity = 'online' | 'store';

// biome-ignore format: data table
const ONLINE_HOURS = [0.9, 0.5, 0.25, 0.15, 0.1, 0.1, 0.2, 0.45, 0.75, 0.9, 1, 1.05, 1.25, 1.2, 1, 0.95, 0.95, 1, 1.1, 1.4, 1.7, 1.9, 1.8, 1.35];
// biome-ignore format: data table
const STORE_HOURS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.6, 0.8, 0.9, 1, 1.2, 1.3, 1.3, 1.2, 1.3, 1.5, 1.4, 0.9, 0, 0];
/** Sunday … Saturday. */
const ONLINE_WEEKDAYS = [1.3, 1, 1, 1, 1, 1.1, 1.4];
const STORE_WEEKDAYS = [1.7, 0.8, 0.8, 0.85, 0.9, 1.1, 1.9];

/** Festival multipliers by China-time month (1–12) and day. */
function festival(month: number, day: number, activity: Activity): number {
  const online = activity === 'online';
  if (month === 11) {
    if (day === 11) return online ? 5 : 1.6;
    if (day === 10) return online ? 2.2 : 1.2;
    if (day <= 12) return online ? 1.4 : 1.1;
  }
  if (month === 10) {
    if (day <= 7) return online ? 0.9 : 1.8; // 国庆 Golden Week: people go out
    if (day >= 20) return online ? 1.35 : 1; // 双11 pre-sale
  }
  if (month === 6 && day <= 18) return day === 18 ? (online ? 3 : 1.3) : online ? 1.2 : 1;
  if (month === 12 && day === 12) return online ? 2 : 1.2;
  if (month === 12 && day >= 20 && day <= 25) return 1.3;
  if (month === 3 && day === 8) return online ? 2 : 1.5;
  if (month === 5 && day === 20) return 1.7;
  if (month === 2 && day === 14) return 1.6;
  return 1;
}

export class Clock {
  readonly start: number;
  readonly end: number;
  private readonly online: Float64Array;
  private readonly store: Float64Array;

  constructor(now: Date, days: number) {
    this.end = now.getTime();
    this.start = this.end - Math.round(days * DAY);
    const buckets = Math.ceil((this.end - this.start) / HOUR);
    this.online = new Float64Array(buckets);
    this.store = new Float64Array(buckets);
    let online = 0;
    let store = 0;
    for (let i = 0; i < buckets; i++) {
      const from = this.start + i * HOUR;
      const share = (Math.min(from + HOUR, this.end) - from) / HOUR;
      const local = new Date(from + CHINA_OFFSET);
      const hour = local.getUTCHours();
      const weekday = local.getUTCDay();
      const month = local.getUTCMonth() + 1;
      const day = local.getUTCDate();
      online += share * ONLINE_HOURS[hour] * ONLINE_WEEKDAYS[weekday] * festival(month, day, 'online');
      store += share * STORE_HOURS[hour] * STORE_WEEKDAYS[weekday] * festival(month, day, 'store');
      this.online[i] = online;
      this.store[i] = store;
    }
    if (!(store > 0)) this.store = this.online; // a period shorter than opening hours: no closing times
  }

  /** A random instant (ms since epoch) in the period, following the activity curve. */
  sample(rng: Rng, activity: Activity): number {
    const cum = activity === 'store' ? this.store : this.online;
    const lo = searchCumulative(cum, rng.next() * cum[cum.length - 1]);
    const from = this.start + lo * HOUR;
    return Math.min(this.end, Math.floor(from + rng.next() * (Math.min(from + HOUR, this.end) - from)));
  }
}

/** `2025-11-11T12:00:00.000Z` — what browser and mobile SDKs send. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/** `2025-11-11T20:00:00.000+08:00` — local time with offset, as the POS and marketplace systems send. */
export function isoChina(ms: number): string {
  return `${new Date(ms + CHINA_OFFSET).toISOString().slice(0, 23)}+08:00`;
}
