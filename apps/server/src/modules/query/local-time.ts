/**
 * Calendar days and time zones, computed once in JS for both the SQL compiler (as parameters) and the
 * matcher, so the two can never disagree on where a day starts. Local dates are `YYYY-MM-DD` strings,
 * which order correctly as text.
 */
export type LocalDate = string;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** Whether `timeZone` is an IANA zone name this runtime knows (`Asia/Shanghai`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(timeZone)) return false;
  try {
    formatFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of an instant (epoch ms) in a zone, as epoch ms of that wall clock read as UTC. */
function wallClockOf(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(new Date(ms)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const whole = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return whole + (((ms % 1000) + 1000) % 1000);
}

/** The local date of an instant (epoch ms). */
export function localDateOf(ms: number, timeZone: string): LocalDate {
  return new Date(wallClockOf(ms, timeZone)).toISOString().slice(0, 10);
}

/** A local date moved by `days` calendar days. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The instant (epoch ms) of a wall-clock time in a zone (`wall` = that wall clock read as UTC), with
 * PostgreSQL's rules for daylight-saving transitions: a time skipped by a jump forward uses the offset
 * from before the jump; a time repeated by a jump back uses the offset from after it.
 */
export function instantOfWallClock(wall: number, timeZone: string): number {
  const before = wallClockOf(wall - 86_400_000, timeZone) - (wall - 86_400_000);
  const after = wallClockOf(wall + 86_400_000, timeZone) - (wall + 86_400_000);
  if (before === after) return wall - before;
  const valid = (offset: number) => wallClockOf(wall - offset, timeZone) === wall;
  if (valid(after)) return wall - after;
  if (valid(before)) return wall - before;
  return wall - before;
}

/** The instant (epoch ms) a local day starts. */
export function startOfDay(date: LocalDate, timeZone: string): number {
  return instantOfWallClock(Date.parse(`${date}T00:00:00Z`), timeZone);
}
