import { LIMITS, Message, type MessageProblem, type MessageType } from '@cdp/protocol';
import { jsonPointer } from '../../platform/http/http-server.ts';

export type Validation =
  | { readonly ok: true; readonly message: Message }
  | { readonly ok: false; readonly problems: MessageProblem[] };

const problem = (code: MessageProblem['code'], path: string, message: string): MessageProblem => ({
  code,
  path,
  message,
});

/** Sizes of the largest top-level fields, so an oversize error says where the bytes are. */
function fieldSizes(raw: Record<string, unknown>): string {
  return Object.entries(raw)
    .map(([k, v]) => [k, Buffer.byteLength(JSON.stringify(v) ?? '')] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([k, n]) => `${k}=${n} B`)
    .join(', ');
}

const hasId = (v: unknown) => (typeof v === 'string' && v.length > 0) || typeof v === 'number';

/**
 * Checks one message against the Segment spec and our limits. `pathType` is the type implied by the
 * endpoint (`/v1/track` …); for batch items the message's own `type` decides.
 */
const nonEmpty = (v: unknown) => typeof v === 'object' && v !== null && Object.keys(v).length > 0;
const hasTraits = (obj: Record<string, unknown>) =>
  nonEmpty(obj.traits) || nonEmpty((obj.context as { traits?: unknown } | undefined)?.traits);

export function validateMessage(
  raw: unknown,
  pathType: MessageType | null,
  bytes: number,
  /** Nesting depth of `raw`, as measured by sanitizeJson. */
  depth: number,
  /**
   * File imports: a row may name its person only by traits (a member number, a phone), which the
   * identity pipeline reads; the tracking API keeps Segment's rule (userId or anonymousId).
   */
  identityInTraits = false,
): Validation {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problems: [problem('invalid_message', '', 'A message must be a JSON object')] };
  }
  const obj = raw as Record<string, unknown>;
  if (bytes > LIMITS.maxMessageBytes) {
    return {
      ok: false,
      problems: [
        problem(
          'event_too_large',
          '',
          `Message is ${bytes} bytes; the limit is ${LIMITS.maxMessageBytes} (largest: ${fieldSizes(obj)})`,
        ),
      ],
    };
  }
  if (depth > LIMITS.maxDepth) {
    return {
      ok: false,
      problems: [problem('too_deep', '', `Nesting deeper than ${LIMITS.maxDepth} levels`)],
    };
  }
  const candidate = pathType ? { ...obj, type: pathType } : obj;
  const parsed = Message.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => {
        const path = jsonPointer(i.path);
        const code = path === '/messageId' ? 'invalid_message_id' : 'invalid_message';
        const field = i.path.length ? String(i.path[i.path.length - 1]) : 'message';
        const what =
          i.path.length === 1 && i.path[0] === 'type'
            ? 'type must be one of track, identify, page, screen, group, alias'
            : i.message.endsWith('received undefined')
              ? `${field} is required`
              : `${field}: ${i.message}`;
        return problem(code, path, what);
      }),
    };
  }
  const message = parsed.data;
  if (message.type === 'alias') {
    if (!hasId(obj.userId))
      return { ok: false, problems: [problem('missing_identity', '/userId', 'alias needs userId')] };
  } else if (!hasId(obj.userId) && !hasId(obj.anonymousId) && !(identityInTraits && hasTraits(obj))) {
    return {
      ok: false,
      problems: [problem('missing_identity', '/userId', `${message.type} needs userId or anonymousId`)],
    };
  }
  return { ok: true, message };
}
