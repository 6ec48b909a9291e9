import { randomUUID } from 'node:crypto';
import type { DeliveryProfile, SnapshotMember } from '../destination.ts';
import { expectOk, PermanentError, RetryableError } from '../destination.ts';

/** What a platform preset does with the two kinds of audience delivery. */
export interface AudienceSync {
  /** One profile entered or left; SkippedError when it has no identifier the platform matches on. */
  change(profile: DeliveryProfile, change: 'enter' | 'exit'): Promise<void>;
  snapshot(mode: 'full' | 'incremental', members: AsyncIterable<SnapshotMember>): Promise<void>;
}

/**
 * The answer of a Chinese ad API that wraps errors in a 200 (`{ code, message, data }`, code 0 on
 * success): the `data`, or the error, retryable when `retryable(code)` says the platform asks for a
 * retry (system busy, rate limited).
 */
export async function codeResult(
  response: Response,
  what: string,
  retryable: (code: number) => boolean,
): Promise<Record<string, unknown>> {
  await expectOk(response, what);
  const text = await response.text();
  let body: { code?: unknown; message?: unknown; message_cn?: unknown; data?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // a gateway page instead of the API's JSON is a passing fault
    throw new RetryableError(`${what} answered non-JSON: ${text.slice(0, 200)}`);
  }
  const code = Number(body.code);
  if (code === 0)
    return body.data && typeof body.data === 'object' ? (body.data as Record<string, unknown>) : {};
  const message = `${what} answered code ${String(body.code)}: ${String(body.message_cn || body.message || '')}`;
  throw Number.isFinite(code) && retryable(code) ? new RetryableError(message) : new PermanentError(message);
}

/**
 * A JSON body whose `ids` (validated digit strings) are written as bare integers: the platforms'
 * account ids are 64-bit and would lose digits as JavaScript numbers.
 */
export function jsonWithIds(
  ids: Readonly<Record<string, string>>,
  rest: Readonly<Record<string, unknown>>,
): string {
  const parts = Object.entries(ids).map(([key, value]) => {
    if (!/^\d{1,20}$/.test(value)) throw new PermanentError(`${key} must be digits`);
    return `${JSON.stringify(key)}:${value}`;
  });
  const tail = JSON.stringify(rest).slice(1, -1);
  return `{${[...parts, ...(tail ? [tail] : [])].join(',')}}`;
}

/** A required config field the schema already checked per platform. */
export function required(value: string | undefined, name: string): string {
  if (!value) throw new PermanentError(`${name} is not configured`);
  return value;
}

/**
 * A multipart/form-data body of text fields and one file, built by hand: the guarded fetch runs on
 * its own undici, which does not recognise the runtime's global FormData.
 */
export function multipartBody(
  fields: Readonly<Record<string, string>>,
  file: { readonly field: string; readonly name: string; readonly type: string; readonly bytes: Uint8Array },
): { body: Uint8Array; contentType: string } {
  const boundary = `----cdp${randomUUID().replaceAll('-', '')}`;
  const head = (disposition: string, type?: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`;
  const parts: Uint8Array[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`${head(`name="${name}"`)}${value}\r\n`, 'utf8'));
  parts.push(Buffer.from(head(`name="${file.field}"; filename="${file.name}"`, file.type), 'utf8'));
  parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
