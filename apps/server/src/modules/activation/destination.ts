import type { Purpose } from '@cdp/protocol';
import type { Logger } from 'pino';
import type { z } from 'zod';

/**
 * The destination contract. A destination type is a plain async function plus a zod config schema:
 * it maps one delivery message to the peer's format and sends it. The delivery worker owns the
 * outbox, retries, backoff, rate limits, circuit breaking, consent and idempotency; a destination
 * only says, by the error it throws, whether a failure is worth retrying.
 */

export type { Purpose } from '@cdp/protocol';

/** What a delivery carries. */
export type DeliveryKind =
  /** one event forwarded (event sync) */
  | 'event'
  /** a profile entered or left an audience (audience sync, real time) */
  | 'audience_change'
  /** an audience's members, all or the changes since the last snapshot (scheduled audience sync) */
  | 'audience_snapshot'
  /** the events of a period (scheduled event export) */
  | 'events_export'
  /** a message to one person (journey step): the destination's template over profile and data */
  | 'message';

export interface DeliveryIdentifier {
  readonly type: string;
  /** normalised: e-mail lower-cased, phone E.164, a WeChat OpenID as `appId/openId` when its app is known */
  readonly value: string;
}

export interface DeliveryProfile {
  readonly id: string;
  readonly traits: Readonly<Record<string, unknown>>;
  readonly identifiers: readonly DeliveryIdentifier[];
}

/** An event as the Segment spec shapes it. */
export interface DeliveryEvent {
  readonly messageId: string;
  readonly type: string;
  readonly event?: string | null;
  readonly name?: string | null;
  readonly userId?: string | null;
  readonly anonymousId?: string | null;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly traits: Readonly<Record<string, unknown>>;
  readonly context: Readonly<Record<string, unknown>>;
  readonly timestamp: string;
  readonly receivedAt: string;
  readonly sourceId: string;
}

export interface DeliveryAudience {
  readonly id: string;
  readonly name: string;
}

/** One member row of an audience snapshot: `enter` = is (or became) a member, `exit` = left. */
export interface SnapshotMember {
  readonly profile: DeliveryProfile;
  readonly change: 'enter' | 'exit';
}

export interface DeliveryMessage {
  /** The idempotency key: the same for every attempt and replay of this delivery. */
  readonly id: string;
  readonly kind: DeliveryKind;
  readonly workspaceId: string;
  /** When the cause happened (event time, enter/exit time, snapshot time), ISO 8601. */
  readonly at: string;
  readonly profile?: DeliveryProfile;
  readonly event?: DeliveryEvent;
  readonly audience?: DeliveryAudience;
  /** `audience_change`: the change. */
  readonly change?: 'enter' | 'exit';
  /**
   * The payload: for `event` the sync's field mapping applied to the event (the event itself when
   * the sync maps nothing); for `message` the journey step's parameters; otherwise `{}`.
   */
  readonly data: Readonly<Record<string, unknown>>;
  /** `audience_snapshot`: full (every member, replace) or incremental (enters and exits since the last). */
  readonly snapshot?: { readonly mode: 'full' | 'incremental' };
  /** `audience_snapshot`: the member rows, streamed (consent already applied). */
  readonly members?: () => AsyncIterable<SnapshotMember>;
  /** `events_export`: the events, streamed. */
  readonly events?: () => AsyncIterable<DeliveryEvent>;
}

/**
 * The delivery as the wire shows it by default (webhook body, NATS and Redis payloads): the message
 * without its streamed parts; undefined fields vanish in JSON.
 */
export function deliveryPayload(message: DeliveryMessage): Record<string, unknown> {
  const { id, kind, at, event, profile, audience, change, data } = message;
  return { id, type: kind, at, event, profile, audience, change, data };
}

/** `fetch` whose connections are checked against SSRF (see safe-fetch.ts) and bounded by a timeout. */
export type DestinationFetch = (url: string | URL, init?: RequestInit) => Promise<Response>;

/**
 * Per-destination state kept in the worker's memory between deliveries, dropped when the
 * destination's config changes or the worker stops.
 */
export interface DestinationState {
  /** A value with a lifetime (an access token): loaded once, shared, reloaded after `ttlMs`. */
  memo<T>(key: string, load: () => Promise<{ value: T; ttlMs: number }>): Promise<T>;
  /** Forget a memo (a token the peer rejected). */
  forget(key: string): void;
  /** A long-lived connection (NATS, Redis, a database pool), opened once and closed by the worker. */
  resource<T>(key: string, open: () => Promise<T>, close: (value: T) => Promise<void>): Promise<T>;
}

export interface DestinationContext<C> {
  /** The parsed config, secrets included. */
  readonly config: C;
  readonly destinationId: string;
  readonly fetch: DestinationFetch;
  readonly log: Logger;
  /** Aborted when the delivery's time is up or the worker stops. */
  readonly signal: AbortSignal;
  readonly state: DestinationState;
  /** The directory under which file destinations write (`CDP_EXPORT_DIR`); they never write elsewhere. */
  readonly exportRoot: string;
  /** Renders a Liquid template (no file access, bounded output) over `scope`. */
  render(template: string, scope: Readonly<Record<string, unknown>>): Promise<string>;
}

export interface DestinationType<C = unknown> {
  readonly type: string;
  readonly category: 'webhook' | 'email' | 'sms' | 'wechat' | 'ads' | 'file' | 'bus' | 'database';
  readonly label: { readonly 'zh-CN': string; readonly en: string };
  /** Validates the config; its JSON Schema renders the console form. */
  readonly configSchema: z.ZodType<C>;
  /** Config fields holding secrets: write-only in the API, never logged. */
  readonly secrets: readonly string[];
  /** Config fields that are URLs called by the server: checked against SSRF when saved. */
  readonly urls: readonly string[];
  readonly accepts: readonly DeliveryKind[];
  /** The purposes a new destination of this type declares unless told otherwise. */
  readonly purposes: readonly Purpose[];
  send(message: DeliveryMessage, ctx: DestinationContext<C>): Promise<void>;
}

/** A failure that may pass: retried with backoff (honouring `retryAfterMs`). */
export class RetryableError extends Error {
  override name = 'RetryableError';
  constructor(
    message: string,
    readonly details: { readonly status?: number; readonly retryAfterMs?: number } = {},
  ) {
    super(message);
  }
}

/** A failure that will not pass by retrying (bad request, bad config): dead-lettered at once. */
export class PermanentError extends Error {
  override name = 'PermanentError';
  constructor(
    message: string,
    readonly details: { readonly status?: number } = {},
  ) {
    super(message);
  }
}

/**
 * Nothing to send for this message (no e-mail address, no OpenID for the app): counted as skipped
 * with the reason, neither retried nor dead-lettered.
 */
export class SkippedError extends Error {
  override name = 'SkippedError';
}

/** The peer says the target is gone for good (HTTP 410): the destination is disabled, deliveries kept. */
export class GoneError extends PermanentError {
  override name = 'GoneError';
}

/**
 * The error for a non-2xx HTTP answer: 408, 425, 429 and 5xx retry (with `Retry-After`), 410 is
 * gone, other 4xx are permanent. The body's start is kept in the message for the dead-letter list.
 */
export async function responseError(response: Response, what = 'peer'): Promise<Error> {
  const body = (await response.text().catch(() => '')).slice(0, 500);
  const message = `${what} answered ${response.status}${body ? `: ${body}` : ''}`;
  const status = response.status;
  if (status === 410) return new GoneError(message, { status });
  if (status === 408 || status === 425 || status === 429 || status >= 500)
    return new RetryableError(message, {
      status,
      retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
    });
  return new PermanentError(message, { status });
}

/** `Retry-After` in seconds or as an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Throws the right error unless the answer is 2xx. */
export async function expectOk(response: Response, what?: string): Promise<Response> {
  if (!response.ok) throw await responseError(response, what);
  return response;
}
