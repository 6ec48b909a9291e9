import { Identify, LIMITS, Track } from '@cdp/protocol';
import { newProperties, type Properties, putField, putProperty } from './collect-properties.ts';
import { newTraits, putIdentifier, putTrait, type Traits } from './collect-traits.ts';
import type { ImportMapping } from './import-mapping.ts';
import { contentMessageId, orderMessageId, stableJson } from './message-id.ts';
import { normalizeTimestamp } from './normalize-timestamp.ts';
import { isBlank } from './parse-value.ts';
import { type RowIssue, rowIssue } from './source-row.ts';

export type ImportMessage = Identify | Track;
export type MapResult =
  | { readonly ok: true; readonly message: ImportMessage }
  | { readonly ok: false; readonly errors: RowIssue[] };

export interface MapContext {
  /** The source the messages go to; recorded in `context.import`. Must not change between re-imports. */
  readonly sourceId: string;
}

const LIBRARY = { name: 'cdp-import', version: '1' } as const;
const fail = (errors: RowIssue[]): MapResult => ({ ok: false, errors });

/** The row's time: from `timestampColumn` or the column mapped to the timestamp field. */
function readTimestamp(record: Record<string, unknown>, mapping: ImportMapping, errors: RowIssue[]) {
  let column = mapping.timestampColumn;
  for (const name in mapping.columns) {
    const target = mapping.columns[name]!;
    if ('field' in target && target.field === 'timestamp') column = name;
  }
  if (column === undefined) return undefined;
  const raw = record[column];
  if (isBlank(raw)) {
    if (mapping.kind !== 'profiles') errors.push(rowIssue(column, 'missing_timestamp'));
    return undefined;
  }
  const time = normalizeTimestamp(raw, mapping.utcOffset);
  if (time.value === null)
    errors.push(rowIssue(column, 'invalid_timestamp', `${time.reason}: ${String(raw)}`));
  return time.value ?? undefined;
}

/** Traits, then the ids the row maps (a row may name its person by traits alone: see validateMessage). */
function identity(got: Traits): { userId?: string; anonymousId?: string; traits: Record<string, unknown> } {
  const traits = got.quality.length > 0 ? { ...got.traits, data_quality: got.quality } : got.traits;
  return {
    ...(got.userId && { userId: got.userId }),
    ...(got.anonymousId && { anonymousId: got.anonymousId }),
    traits,
  };
}

/**
 * Turns one row into a Segment message. Profiles give an `identify` with cleaned traits; events and
 * orders a `track` with properties and the person's identifiers and traits in `context.traits`
 * (orders: event `Order Completed` and currency CNY unless set). Identifiers are normalised (see
 * putIdentifier); the import submits with `identityInTraits`, so no stand-in anonymousId is needed. The
 * messageId is deterministic (see message-id.ts). `rowNumber` is not used: nothing in the message may
 * depend on where the row sits in the file, or a re-sorted re-import would conflict. The message
 * passes the protocol's schema and size limit, or the row is rejected.
 */
export function mapRow(
  record: Record<string, unknown>,
  _rowNumber: number,
  mapping: ImportMapping,
  context: MapContext,
): MapResult {
  const got = newTraits();
  const event: Properties = newProperties();
  for (const [column, target] of Object.entries(mapping.columns)) {
    const raw = record[column];
    if ('identifier' in target) putIdentifier(got, target.identifier, raw, mapping);
    else if ('trait' in target) putTrait(got, target.trait, raw, target.type);
    else if ('property' in target) putProperty(event, column, target.property, raw, target.type);
    else if (target.field !== 'timestamp') putField(event, column, target.field, raw);
  }
  const errors = event.errors;
  const timestamp = readTimestamp(record, mapping, errors);
  if (got.userId === undefined && got.anonymousId === undefined && got.identifiers.length === 0) {
    errors.unshift(rowIssue('', 'missing_identifier', got.quality.join(', ') || undefined));
  }
  const orderId = event.properties.order_id;
  if (mapping.kind === 'orders' && typeof orderId !== 'string') errors.push(rowIssue('', 'missing_order_id'));
  const name =
    event.event ?? mapping.defaults.event ?? (mapping.kind === 'orders' ? 'Order Completed' : undefined);
  if (mapping.kind !== 'profiles' && name === undefined) errors.push(rowIssue('', 'missing_event'));
  if (errors.length > 0) return fail(errors);

  const { traits, ...ids } = identity(got);
  const base = { ...ids, ...(timestamp && { timestamp }) };
  const libraryContext = { library: LIBRARY, import: { sourceId: context.sourceId } };
  const message: Record<string, unknown> =
    mapping.kind === 'profiles'
      ? { type: 'identify', ...base, traits, context: libraryContext }
      : {
          type: 'track',
          event: name,
          ...base,
          properties: withCurrency(event.properties, mapping),
          context: libraryContext,
        };
  if (mapping.kind !== 'profiles' && Object.keys(traits).length > 0)
    message.context = { ...libraryContext, traits };
  const json = stableJson(message);
  message.messageId =
    typeof orderId === 'string' && mapping.kind === 'orders'
      ? orderMessageId(orderId)
      : contentMessageId(json);
  return validate(message, json, mapping.kind === 'profiles' ? Identify : Track);
}

function withCurrency(properties: Record<string, unknown>, mapping: ImportMapping): Record<string, unknown> {
  const currency =
    properties.currency ?? mapping.defaults.currency ?? (mapping.kind === 'orders' ? 'CNY' : undefined);
  return currency === undefined ? properties : { ...properties, currency };
}

/** Checks size (`json` is the message without its messageId) and shape against the protocol. */
function validate(
  message: Record<string, unknown>,
  json: string,
  schema: typeof Identify | typeof Track,
): MapResult {
  const bytes = Buffer.byteLength(json) + String(message.messageId).length + 16;
  if (bytes > LIMITS.maxMessageBytes) {
    return fail([
      rowIssue('', 'message_too_large', `${bytes} bytes; the limit is ${LIMITS.maxMessageBytes}`),
    ]);
  }
  const parsed = schema.safeParse(message);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0]!;
  return fail([
    rowIssue(String(issue.path[0] ?? ''), 'invalid_message', `${issue.path.join('.')}: ${issue.message}`),
  ]);
}
