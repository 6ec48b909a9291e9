import { Webhook } from 'standardwebhooks';
import { z } from 'zod';
import { deadline } from '../../../platform/abort.ts';
import {
  type DeliveryMessage,
  type DestinationContext,
  type DestinationType,
  deliveryPayload,
  expectOk,
} from '../destination.ts';
import { checkTemplate } from '../templates.ts';

/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers this destination sets itself, or that the HTTP client owns. */
const RESERVED_HEADERS = new Set([
  'content-type',
  'content-length',
  'host',
  'connection',
  'transfer-encoding',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
  'idempotency-key',
]);

// line breaks would split the request; HTTP carries header values as Latin-1 bytes
const headerValue = z
  .string()
  .max(8_000)
  .regex(/^[\t\x20-\x7E\x80-\xFF]*$/, 'header values may hold only printable Latin-1 characters');

/** Header names checked here rather than in the key schema, whose error would not say what is wrong. */
const headerRecord = z.record(z.string(), headerValue).superRefine((headers, ctx) => {
  for (const name of Object.keys(headers)) {
    if (!HEADER_NAME.test(name)) ctx.addIssue({ code: 'custom', path: [name], message: 'not a header name' });
    else if (RESERVED_HEADERS.has(name.toLowerCase()))
      ctx.addIssue({ code: 'custom', path: [name], message: 'this header is set by the webhook itself' });
  }
});

/** A Standard Webhooks secret: `whsec_` and 24 to 64 random bytes in base64, as the spec advises. */
const signingSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'expected whsec_ followed by a base64 key')
  .refine((secret) => {
    const bytes = Buffer.from(secret.slice('whsec_'.length), 'base64').length;
    return bytes >= 24 && bytes <= 64;
  }, 'the key must be 24 to 64 bytes');

export const WebhookConfig = z.object({
  url: z
    .url({ protocol: /^https?$/, error: 'expected an http or https URL' })
    .max(2_000)
    .describe('The URL that receives each delivery'),
  method: z.enum(['POST', 'PUT', 'PATCH']).default('POST').describe('HTTP method'),
  headers: headerRecord.default({}).describe('Extra request headers, shown in the console'),
  secretHeaders: headerRecord
    .default({})
    .describe('Extra request headers holding credentials (e.g. Authorization): write-only, never shown'),
  bodyTemplate: z
    .string()
    .max(100_000)
    .superRefine((template, ctx) => {
      try {
        checkTemplate(template);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `template: ${err instanceof Error ? err.message : err}` });
      }
    })
    .optional()
    .describe(
      'Liquid template of the body over message, event, profile, traits, audience, change and data; ' +
        'a JSON document of the delivery when empty',
    ),
  contentType: z
    .string()
    .regex(/^[\w.+-]+\/[\w.+-]+(\s*;[^\r\n\0]*)?$/, 'expected a media type such as application/json')
    .max(200)
    .default('application/json')
    .describe('Content-Type of the body'),
  signingSecret: signingSecret
    .optional()
    .describe('Standard Webhooks signing secret (whsec_…): signs each request with HMAC-SHA256'),
  timeoutMs: z
    .number()
    .int()
    .min(1_000)
    .max(15_000)
    .default(10_000)
    .describe('How long to wait for an answer, in milliseconds'),
});
export type WebhookConfig = z.infer<typeof WebhookConfig>;

function templateScope(message: DeliveryMessage): Record<string, unknown> {
  const { event, profile, audience, change, data } = message;
  return { message, event, profile, traits: profile?.traits ?? {}, audience, change, data };
}

async function send(message: DeliveryMessage, ctx: DestinationContext<WebhookConfig>): Promise<void> {
  const { config } = ctx;
  const body = config.bodyTemplate
    ? await ctx.render(config.bodyTemplate, templateScope(message))
    : JSON.stringify(deliveryPayload(message));

  const headers = new Headers({ ...config.headers, ...config.secretHeaders });
  headers.set('content-type', config.contentType);
  // the receiver deduplicates retries and replays on these
  headers.set('webhook-id', message.id);
  headers.set('idempotency-key', message.id);
  if (config.signingSecret) {
    const now = new Date();
    headers.set('webhook-timestamp', String(Math.floor(now.getTime() / 1000)));
    headers.set('webhook-signature', new Webhook(config.signingSecret).sign(message.id, now, body));
  }

  const limit = deadline(config.timeoutMs, ctx.signal);
  try {
    const response = await ctx.fetch(config.url, {
      method: config.method,
      headers,
      body,
      // a redirect would turn the POST into a GET without the body, or carry the secret headers to
      // another host: a 3xx is the receiver's misconfiguration, reported as a permanent failure
      redirect: 'manual',
      signal: limit.signal,
    });
    await expectOk(response, 'webhook');
    // the answer's body is not used; cancelling frees the connection
    await response.body?.cancel();
  } finally {
    limit.done();
  }
}

export const webhookDestination: DestinationType<WebhookConfig> = {
  type: 'webhook',
  category: 'webhook',
  label: { 'zh-CN': 'Webhook', en: 'Webhook' },
  configSchema: WebhookConfig,
  secrets: ['secretHeaders', 'signingSecret'],
  urls: ['url'],
  accepts: ['event', 'audience_change', 'message'],
  purposes: ['analytics'],
  send,
};
