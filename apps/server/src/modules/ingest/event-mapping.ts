import type { MessageProblem, QuarantineItem, QuarantineStatus, StoredEvent } from '@cdp/protocol';
import type { EventRow, QuarantineRow } from './ingest.tables.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Rebuilds the message as the client sent it, with the stored `timestamp` and `receivedAt`. */
export function toStoredEvent(row: EventRow): StoredEvent {
  const message: Record<string, unknown> = { ...(row.extra as Record<string, unknown> | null) };
  const put = (k: string, v: unknown) => {
    if (v !== null && v !== undefined) message[k] = v;
  };
  put('type', row.type);
  put('messageId', row.message_id);
  put('userId', row.user_id);
  put('anonymousId', row.anonymous_id);
  put('event', row.event);
  put('name', row.name);
  put('groupId', row.group_id);
  put('previousId', row.previous_id);
  put('properties', row.properties);
  put('traits', row.traits);
  put('context', row.context);
  put('integrations', row.integrations);
  put('originalTimestamp', iso(row.original_timestamp));
  put('sentAt', iso(row.sent_at));
  message.timestamp = row.timestamp.toISOString();
  message.receivedAt = row.received_at.toISOString();
  return {
    id: String(row.id),
    sourceId: row.source_id,
    messageId: row.message_id,
    type: row.type,
    event: row.event,
    name: row.name,
    userId: row.user_id,
    anonymousId: row.anonymous_id,
    timestamp: row.timestamp.toISOString(),
    originalTimestamp: iso(row.original_timestamp),
    sentAt: iso(row.sent_at),
    receivedAt: row.received_at.toISOString(),
    flags: row.flags,
    message,
  };
}

export function toQuarantineItem(row: QuarantineRow): QuarantineItem {
  return {
    id: row.id,
    sourceId: row.source_id,
    messageId: row.message_id,
    receivedAt: row.received_at.toISOString(),
    status: row.status as QuarantineStatus,
    problems: row.problems as MessageProblem[],
    payload: row.payload,
    resolvedAt: iso(row.resolved_at),
  };
}
