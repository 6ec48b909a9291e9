import nodemailer from 'nodemailer';
import { z } from 'zod';
import {
  type DestinationContext,
  type DestinationType,
  PermanentError,
  RetryableError,
  SkippedError,
} from '../destination.ts';
import { emailRecipient, liquidTemplate, templateScope } from './recipients.ts';

const SCOPE = '{ profile, traits, event, audience, data, delivery, email }';

export const EmailConfig = z.object({
  host: z
    .string()
    .trim()
    .min(1)
    .describe('SMTP server host name, e.g. smtp.exmail.qq.com or smtpdm.aliyun.com.'),
  port: z
    .number()
    .int()
    .min(1)
    .max(65535)
    .default(465)
    .describe('SMTP server port: 465 for TLS, 587 or 25 for STARTTLS.'),
  secure: z
    .boolean()
    .default(true)
    .describe(
      'Connect over TLS from the start (port 465); when off, STARTTLS is used if the server offers it.',
    ),
  user: z.string().optional().describe('SMTP login; leave empty for a relay that needs none.'),
  password: z.string().optional().describe('SMTP password or authorisation code (授权码).'),
  from: z
    .string()
    .trim()
    .regex(/@/, 'a sender address is needed')
    .describe('Sender, e.g. 某某商城 <noreply@example.cn>; its domain also names the Message-ID.'),
  replyTo: z.string().trim().optional().describe('Reply-To address, when replies should go elsewhere.'),
  subjectTemplate: liquidTemplate()
    .min(1)
    .describe(`Liquid template of the subject over ${SCOPE}, e.g. {{ traits.name }}，您好.`),
  htmlTemplate: liquidTemplate()
    .min(1)
    .describe(
      `Liquid template of the HTML body over ${SCOPE}. Values are not escaped: ` +
        'write {{ traits.name | escape }} for text customers typed.',
    ),
  textTemplate: liquidTemplate()
    .optional()
    .describe(`Liquid template of the plain-text body over ${SCOPE}; mail clients without HTML show it.`),
  to: z
    .object({
      identifier: z.string().min(1).default('email').describe('Identifier type holding the address.'),
      trait: z
        .string()
        .default('email')
        .describe('Trait (dotted path) holding the address when the profile has no such identifier.'),
    })
    .default({ identifier: 'email', trait: 'email' })
    .describe('Where the recipient address is found.'),
});
export type EmailConfig = z.infer<typeof EmailConfig>;

type Transport = ReturnType<typeof openTransport>;

export const emailDestination: DestinationType<EmailConfig> = {
  type: 'email',
  category: 'email',
  label: { 'zh-CN': '邮件 (SMTP)', en: 'E-mail (SMTP)' },
  configSchema: EmailConfig,
  secrets: ['password'],
  urls: [],
  accepts: ['message', 'audience_change', 'event'],
  purposes: ['marketing'],
  async send(message, ctx) {
    const { config } = ctx;
    const to = emailRecipient(message, config.to);
    if (!to) throw new SkippedError('the profile has no e-mail address');
    const scope = templateScope(message, { email: to });
    const subject = (await ctx.render(config.subjectTemplate, scope)).replace(/[\r\n]+/g, ' ').trim();
    const html = await ctx.render(config.htmlTemplate, scope);
    const text = config.textTemplate ? await ctx.render(config.textTemplate, scope) : undefined;
    const transport = await smtpTransport(ctx);
    try {
      await transport.sendMail({
        from: config.from,
        to,
        replyTo: config.replyTo || undefined,
        subject,
        html,
        text,
        // the same delivery always gets the same Message-ID, so a resend after a lost answer is
        // recognisable (and deduplicated by receivers that do so)
        messageId: messageId(message.id, config.from),
        headers: { 'X-CDP-Delivery-Id': message.id },
        signal: ctx.signal,
      });
    } catch (err) {
      throw smtpError(err);
    }
  },
};

/** One pooled transport per destination, kept between deliveries and closed by the worker. */
function smtpTransport(ctx: DestinationContext<EmailConfig>): Promise<Transport> {
  return ctx.state.resource(
    'smtp',
    async () => {
      const transport = openTransport(ctx.config);
      // an 'error' event nobody listens to would end the worker process
      transport.on('error', (err) => ctx.log.warn({ err: err.message }, 'SMTP transport error'));
      return transport;
    },
    async (transport) => transport.close(),
  );
}

function openTransport(config: EmailConfig) {
  return nodemailer.createTransport({
    pool: true,
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
    maxConnections: 5,
    // the worker owns retries: one requeue covers a pooled connection the server closed meanwhile
    maxRequeues: 1,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}

/** `<deliveryId@sender-domain>`; an id with characters a Message-ID may not hold is hex-encoded. */
export function messageId(deliveryId: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)/.exec(from.slice(from.lastIndexOf('<') + 1))?.[1] ?? 'cdp.invalid';
  const left = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/.test(deliveryId)
    ? deliveryId
    : Buffer.from(deliveryId).toString('hex');
  return `<${left}@${domain.toLowerCase()}>`;
}

interface SmtpFailure {
  readonly code?: string;
  readonly responseCode?: number;
  readonly response?: string;
  readonly permanent?: boolean;
  readonly message?: string;
}

/** Codes of failures that no retry mends: bad credentials, a bad address or message, bad config. */
const PERMANENT_CODES = new Set(['EAUTH', 'ENOAUTH', 'EENVELOPE', 'EMESSAGE', 'ECONFIG', 'EMAXRECIPIENTS']);

/**
 * A server reply decides by its class (4xx retry, 5xx permanent; nodemailer's `permanent` also
 * keeps 503 retryable); without a reply, the connection failed and a retry may pass.
 */
export function smtpError(err: unknown): Error {
  const e = (err ?? {}) as SmtpFailure;
  const said = `SMTP: ${e.response ?? e.message ?? String(err)}`.slice(0, 500);
  if (typeof e.responseCode === 'number') {
    const permanent = e.permanent ?? e.responseCode >= 500;
    return permanent
      ? new PermanentError(said, { status: e.responseCode })
      : new RetryableError(said, { status: e.responseCode });
  }
  return e.code && PERMANENT_CODES.has(e.code) ? new PermanentError(said) : new RetryableError(said);
}
