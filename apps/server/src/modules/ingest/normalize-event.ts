import { hash } from 'node:crypto';
import type { EventFlag, Message } from '@cdp/protocol';

/** Fields of the request around a message: batch-level defaults and what the server saw. */
export interface Envelope {
  readonly receivedAt: Date;
  readonly sentAt?: string;
  readonly context?: Record<string, unknown>;
  readonly integrations?: Record<string, unknown>;
  readonly requestIp: string | null;
  readonly userAgent: string | null;
  /** A file import: identity may be given by traits alone (see validateMessage). */
  readonly identityInTraits?: boolean;
}

export interface TimeRules {
  /** A corrected timestamp later than receivedAt + this is flagged `future_timestamp`. */
  readonly futureToleranceMs: number;
}

/**
 * One row of `events` as sent to PostgreSQL (dates as ISO strings, JSON columns as values). Empty
 * columns are left out rather than null: a missing key reads as NULL in jsonb_to_recordset, and the
 * batch is shorter to serialise, send and parse.
 */
export interface EventInsert {
  workspace_id: string;
  source_id: string;
  message_id: string;
  type: string;
  event?: string;
  name?: string;
  user_id?: string;
  anonymous_id?: string;
  group_id?: string;
  previous_id?: string;
  timestamp: string;
  original_timestamp?: string;
  sent_at?: string;
  received_at: string;
  flags: string;
  ip?: string;
  user_agent?: string;
  library_name?: string;
  library_version?: string;
  locale?: string;
  page_url?: string;
  page_path?: string;
  page_referrer?: string;
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string;
  device_type?: string;
  os_name?: string;
  properties?: unknown;
  traits?: unknown;
  context?: unknown;
  integrations?: unknown;
  extra?: unknown;
}

/** Top-level fields that have a column; everything else of a message is kept in `extra`. */
const COLUMN_FIELDS = new Set([
  'type',
  'messageId',
  'event',
  'name',
  'userId',
  'anonymousId',
  'groupId',
  'previousId',
  'timestamp',
  'originalTimestamp',
  'sentAt',
  'receivedAt',
  'properties',
  'traits',
  'context',
  'integrations',
  'writeKey',
]);
/** Fields that differ between retries of one message and so are left out of its fingerprint. */
const VOLATILE_FIELDS = new Set(['sentAt', 'writeKey', '_metadata', 'receivedAt']);
const EPOCH_FLOOR = Date.parse('2000-01-01T00:00:00Z');

const str = (v: unknown, max = 2048): string | null =>
  typeof v === 'string' && v.length > 0 ? v.slice(0, max) : typeof v === 'number' ? String(v) : null;
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const iso = (s: string | undefined | null): Date | null => {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t);
};

/**
 * Segment's clock-skew correction: `timestamp = receivedAt − (sentAt − originalTimestamp)` when the
 * client sent `sentAt`, else the client's time, else the server's. Flags suspicious results.
 */
export function correctTimestamp(
  originalTimestamp: Date | null,
  sentAt: Date | null,
  receivedAt: Date,
  rules: TimeRules,
): { timestamp: Date; flags: EventFlag[] } {
  const flags: EventFlag[] = [];
  let timestamp = originalTimestamp ?? receivedAt;
  if (originalTimestamp && sentAt) {
    const skew = receivedAt.getTime() - sentAt.getTime();
    timestamp = new Date(originalTimestamp.getTime() + skew);
    if (Math.abs(skew) > 1000) flags.push('clock_skew_corrected');
  }
  if (timestamp.getTime() > receivedAt.getTime() + rules.futureToleranceMs) flags.push('future_timestamp');
  if (timestamp.getTime() < EPOCH_FLOOR) flags.push('ancient_timestamp');
  return { timestamp, flags };
}

/**
 * The fingerprint of a message, to tell a retry (same) from a conflicting reuse of its messageId, and
 * its size in bytes (without the transport fields), from one serialisation.
 */
export function messageFingerprint(raw: Record<string, unknown>): { hash: string; bytes: number } {
  const stable: Record<string, unknown> = {};
  for (const k of Object.keys(raw).sort()) if (!VOLATILE_FIELDS.has(k)) stable[k] = raw[k];
  const text = JSON.stringify(stable);
  return { hash: hash('sha1', text, 'base64url'), bytes: Buffer.byteLength(text) };
}

/** Turns a validated message into its `events` row: corrected time, merged context, query columns. */
export function normalizeEvent(
  raw: Record<string, unknown>,
  message: Message,
  source: { readonly id: string; readonly workspaceId: string },
  messageId: string,
  envelope: Envelope,
  rules: TimeRules,
  extraFlags: readonly EventFlag[] = [],
): EventInsert {
  const context: Record<string, unknown> = { ...envelope.context, ...message.context };
  if (context.ip === undefined && envelope.requestIp) context.ip = envelope.requestIp;
  const page = obj(context.page);
  const campaign = obj(context.campaign);
  const library = obj(context.library);
  const original = iso(message.originalTimestamp ?? message.timestamp);
  const sentAt = iso(message.sentAt ?? envelope.sentAt);
  const { timestamp, flags } = correctTimestamp(original, sentAt, envelope.receivedAt, rules);
  const m = message as Record<string, unknown>;
  const row: EventInsert = {
    workspace_id: source.workspaceId,
    source_id: source.id,
    message_id: messageId,
    type: message.type,
    timestamp: timestamp.toISOString(),
    received_at: envelope.receivedAt.toISOString(),
    flags: `{${[...flags, ...extraFlags].join(',')}}`,
  };
  const set = <K extends keyof EventInsert>(key: K, value: EventInsert[K] | null | undefined) => {
    if (value !== null && value !== undefined) row[key] = value;
  };
  set('event', message.type === 'track' ? message.event : null);
  set('name', str(m.name));
  set('user_id', message.userId);
  set('anonymous_id', message.anonymousId);
  set('group_id', str(m.groupId));
  set('previous_id', str(m.previousId));
  set('original_timestamp', original?.toISOString());
  set('sent_at', sentAt?.toISOString());
  set('ip', str(context.ip, 64));
  set('user_agent', str(context.userAgent) ?? envelope.userAgent);
  set('library_name', str(library?.name, 200));
  set('library_version', str(library?.version, 100));
  set('locale', str(context.locale, 64));
  set('page_url', str(page?.url));
  set('page_path', str(page?.path));
  set('page_referrer', str(page?.referrer));
  set('utm_source', str(campaign?.source, 200));
  set('utm_medium', str(campaign?.medium, 200));
  set('utm_campaign', str(campaign?.name, 200));
  set('device_type', str(obj(context.device)?.type, 100));
  set('os_name', str(obj(context.os)?.name, 100));
  set('properties', m.properties);
  set('traits', m.traits);
  if (Object.keys(context).length) row.context = context;
  set('integrations', message.integrations ?? envelope.integrations);
  for (const k in raw) {
    if (!COLUMN_FIELDS.has(k)) {
      row.extra ??= {};
      (row.extra as Record<string, unknown>)[k] = raw[k];
    }
  }
  return row;
}
