import type { DebuggerFrame, QuarantineItem, StoredEvent } from '@cdp/protocol';

/** How many live events / quarantine items the debugger keeps in memory. */
export const MAX_LIVE_EVENTS = 500;
export const MAX_LIVE_QUARANTINE = 200;

/** Event ids are numeric strings ("larger is newer"): compare by length, then lexicographically. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Union of event lists by id, newest first, at most `max` items. Later lists win on duplicate ids. */
export function mergeEvents(
  lists: ReadonlyArray<readonly StoredEvent[]>,
  max: number = MAX_LIVE_EVENTS,
): StoredEvent[] {
  const byId = new Map<string, StoredEvent>();
  for (const list of lists) for (const e of list) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => compareIds(b.id, a.id)).slice(0, max);
}

/** Union of quarantine items by id, newest received first; later lists win (their status is fresher). */
export function mergeQuarantine(
  lists: ReadonlyArray<readonly QuarantineItem[]>,
  max: number = MAX_LIVE_QUARANTINE,
): QuarantineItem[] {
  const byId = new Map<string, QuarantineItem>();
  for (const list of lists) for (const item of list) byId.set(item.id, item);
  return [...byId.values()]
    .sort((a, b) =>
      a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : compareIds(b.id, a.id),
    )
    .slice(0, max);
}

/** The label shown for an event: its name for track (and named page/screen), else its type. */
export function eventLabel(e: Pick<StoredEvent, 'type' | 'event' | 'name'>): string {
  return e.event || e.name || e.type;
}

export interface EventFilter {
  readonly sourceId?: string;
  readonly type?: string;
  /** Case-insensitive substring of the event name (or type). */
  readonly text?: string;
}

export function matchesFilter(e: StoredEvent, filter: EventFilter): boolean {
  if (filter.sourceId && e.sourceId !== filter.sourceId) return false;
  if (filter.type && e.type !== filter.type) return false;
  const text = filter.text?.trim().toLowerCase();
  if (text && !eventLabel(e).toLowerCase().includes(text)) return false;
  return true;
}

/** Parses one SSE `data` payload; anything that is not a valid DebuggerFrame is ignored (null). */
export function parseFrame(data: string): DebuggerFrame | null {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRecord(json)) return null;
  if (json.kind === 'event' && isStoredEvent(json.event)) return { kind: 'event', event: json.event };
  if (json.kind === 'quarantine' && isQuarantineItem(json.item))
    return { kind: 'quarantine', item: json.item };
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNullableString = (v: unknown): boolean => v === null || typeof v === 'string';

/**
 * Structural checks of the fields the debugger renders (a hand-written guard rather than the zod schema,
 * to keep zod out of the browser bundle). Frames that fail them are ignored.
 */
function isStoredEvent(v: unknown): v is StoredEvent {
  return (
    isRecord(v) &&
    isString(v.id) &&
    isString(v.sourceId) &&
    isString(v.messageId) &&
    isString(v.type) &&
    isNullableString(v.event) &&
    isNullableString(v.name) &&
    isNullableString(v.userId) &&
    isNullableString(v.anonymousId) &&
    isString(v.timestamp) &&
    isString(v.receivedAt) &&
    Array.isArray(v.flags) &&
    v.flags.every(isString) &&
    isRecord(v.message)
  );
}

function isQuarantineItem(v: unknown): v is QuarantineItem {
  return (
    isRecord(v) &&
    isString(v.id) &&
    isString(v.sourceId) &&
    isNullableString(v.messageId) &&
    isString(v.receivedAt) &&
    (v.status === 'pending' || v.status === 'replayed' || v.status === 'discarded') &&
    Array.isArray(v.problems) &&
    v.problems.every((p) => isRecord(p) && isString(p.code) && isString(p.path) && isString(p.message))
  );
}
