import { z } from 'zod';
import { type DestinationContext, PermanentError, RetryableError, responseError } from '../destination.ts';
import { liquidTemplate, valueAt } from './recipients.ts';

/**
 * A generic HTTP provider: one request whose body is a Liquid template, and a check of the answer's
 * body, since many Chinese SMS and push gateways answer 200 with `{"code": "…"}` saying whether the
 * message went out. Used as is by the SMS destination's `generic` provider.
 */

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// line breaks would split the request; HTTP carries header values as Latin-1 bytes
const HEADER_VALUE = /^[\t\x20-\x7E\x80-\xFF]*$/;
const HeaderMap = z.record(
  z.string().regex(HEADER_NAME, 'not a header name'),
  z.string().max(8_000).regex(HEADER_VALUE, 'header values may hold only printable Latin-1 characters'),
);

export const HttpProviderConfig = z.object({
  url: z
    .url({ protocol: /^https?$/ })
    .describe("The provider's API endpoint (http or https), called for every message."),
  method: z.enum(['POST', 'PUT']).default('POST').describe('HTTP method of the request.'),
  headers: HeaderMap.default({}).describe('Extra request headers (name → value), stored and shown as typed.'),
  secretHeaders: HeaderMap.default({}).describe(
    'Request headers holding credentials (e.g. Authorization); write-only and never logged.',
  ),
  bodyTemplate: liquidTemplate()
    .min(1)
    .describe(
      'Liquid template of the request body over { profile, traits, event, audience, data, delivery, phone }. ' +
        'In a JSON body write values with the json filter, e.g. {"mobile": {{ phone | json }}}.',
    ),
  contentType: z
    .string()
    .regex(/^[\w.+-]+\/[\w.+-]+(\s*;[^\r\n\0]*)?$/, 'expected a media type such as application/json')
    .max(200)
    .default('application/json; charset=utf-8')
    .describe('Content-Type of the request body.'),
  success: z
    .object({
      path: z
        .string()
        .min(1)
        .describe('Dotted path of the status field in the JSON answer, e.g. code or result.status.'),
      equals: z
        .string()
        .describe('The value that field has when the provider accepted the message, e.g. OK or 0.'),
    })
    .optional()
    .describe('How a 2xx answer says success; without it every 2xx answer counts as sent.'),
  retryableCodes: z
    .array(z.string().min(1))
    .default([])
    .describe(
      'Status field values that mean "try again later" (throttling, busy); a trailing * matches a prefix, ' +
        'e.g. Throttling*. Other failure values are permanent.',
    ),
});
export type HttpProviderConfig = z.infer<typeof HttpProviderConfig>;

/** Whether a provider code is in a list of codes, where `Prefix*` matches every code starting so. */
export function matchesCode(code: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => (p.endsWith('*') ? code.startsWith(p.slice(0, -1)) : code === p));
}

/**
 * Sends one request. A non-2xx answer maps through `responseError` unless its body carries a
 * retryable code; a 2xx answer whose status field is not the success value is a RetryableError
 * for a listed code and a PermanentError otherwise (also when the answer cannot be read: the
 * message may have gone out, so sending it again blindly could send it twice).
 */
export async function sendHttpProvider(
  config: HttpProviderConfig,
  scope: Readonly<Record<string, unknown>>,
  ctx: Pick<DestinationContext<unknown>, 'fetch' | 'render'>,
  deliveryId: string,
  what = 'provider',
): Promise<void> {
  const body = await ctx.render(config.bodyTemplate, scope);
  const headers = new Headers({ ...config.headers, ...config.secretHeaders });
  headers.set('content-type', config.contentType);
  // for gateways that deduplicate retries
  headers.set('idempotency-key', deliveryId);
  const response = await ctx.fetch(config.url, {
    method: config.method,
    headers,
    body,
    // a redirect would drop the body or carry the credentials elsewhere: a misconfigured URL
    redirect: 'error',
  });
  const text = await response.text().catch(() => '');
  const code = config.success ? statusCode(text, config.success.path) : undefined;
  const said = `${what} answered ${response.status}: ${text.slice(0, 500)}`;
  if (code !== undefined && matchesCode(code, config.retryableCodes))
    throw new RetryableError(said, { status: response.status });
  if (!response.ok)
    throw await responseError(
      new Response(text, { status: response.status, headers: response.headers }),
      what,
    );
  if (!config.success || code === config.success.equals) return;
  throw new PermanentError(said, { status: response.status });
}

/** The status field of a JSON answer as text, or undefined when the body is no JSON or lacks it. */
function statusCode(text: string, path: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const value = valueAt(json, path);
  return value === undefined || value === null || typeof value === 'object' ? undefined : String(value);
}
