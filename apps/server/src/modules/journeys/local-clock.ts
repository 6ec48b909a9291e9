/** Times of day in a person's (or the workspace's) time zone: "wait until 09:00", quiet hours. */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Minutes since local midnight of `at` in `timeZone`. */
export function localMinutes(at: Date, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The next instant (after `at`, or `at` itself at that minute) when the local time is `hhmm`. */
export function nextTimeOfDay(at: Date, hhmm: string, timeZone: string): Date {
  const now = localMinutes(at, timeZone);
  const delta = (minutesOf(hhmm) - now + 1440) % 1440;
  const start = new Date(at.getTime() - (at.getTime() % 60_000));
  return new Date(start.getTime() + delta * 60_000);
}

/**
 * When quiet hours [start, end) hold at `at` (the window may wrap midnight, 22:00–08:00): the
 * instant they end; null when `at` is outside them.
 */
export function quietUntil(at: Date, start: string, end: string, timeZone: string): Date | null {
  const now = localMinutes(at, timeZone);
  const s = minutesOf(start);
  const e = minutesOf(end);
  const inside = s <= e ? now >= s && now < e : now >= s || now < e;
  return inside ? nextTimeOfDay(at, end, timeZone) : null;
}
