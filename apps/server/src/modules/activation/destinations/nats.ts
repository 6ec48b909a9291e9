import { JetStreamApiError, jetstream } from '@nats-io/jetstream';
import {
  AuthorizationError,
  connect,
  headers,
  InvalidArgumentError,
  InvalidSubjectError,
  type NatsConnection,
  type NodeConnectionOptions,
  PermissionViolationError,
  RequestError,
  UserAuthenticationExpiredError,
} from '@nats-io/transport-node';
import { z } from 'zod';
import {
  type DeliveryMessage,
  type DestinationContext,
  type DestinationType,
  deliveryPayload,
  PermanentError,
  RetryableError,
} from '../destination.ts';
import { liquidTemplate, templateScope } from './recipients.ts';

const isTemplate = (text: string) => /{{|{%/.test(text);

/** Publishable subject: dot-separated non-empty tokens, no wildcards, whitespace or control characters. */
const SUBJECT = /^[^\s\p{Cc}.*>]+(\.[^\s\p{Cc}.*>]+)*$/u;
const isNatsSubject = (subject: string) => subject.length <= 512 && SUBJECT.test(subject);

/** A server URL without credentials: those go in `user`/`password`/`token`, which are kept secret. */
function serverIssue(server: string): string | undefined {
  let url: URL;
  try {
    url = new URL(server.includes('://') ? server : `nats://${server}`);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'nats:' && url.protocol !== 'tls:') return 'use nats:// or tls://';
  if (url.username || url.password) return 'put credentials in user/password or token, not in the URL';
  if (!url.hostname || (url.pathname !== '' && url.pathname !== '/') || url.search || url.hash)
    return 'expected nats://host:port';
  return undefined;
}

export const NatsConfig = z
  .object({
    servers: z
      .array(
        z.string().superRefine((server, ctx) => {
          const issue = serverIssue(server);
          if (issue) ctx.addIssue({ code: 'custom', message: issue });
        }),
      )
      .min(1)
      .max(20)
      .describe('NATS server URLs, e.g. nats://nats-1:4222 (several for a cluster; tls:// for TLS).'),
    user: z.string().min(1).max(256).optional().describe('User name, when the server requires one.'),
    password: z.string().min(1).max(1024).optional().describe('Password of the user.'),
    token: z
      .string()
      .min(1)
      .max(4096)
      .optional()
      .describe('Authentication token, when the server uses token authentication instead of a user.'),
    subject: liquidTemplate()
      .min(1)
      .max(1000)
      .refine((subject) => isTemplate(subject) || isNatsSubject(subject), {
        message: 'not a valid NATS subject (dot-separated tokens, no spaces or wildcards)',
      })
      .describe(
        'Subject to publish to; a Liquid template over message, event, profile, traits, audience, change and data, e.g. cdp.events.{{ event.event | default: message.kind }}.',
      ),
    jetstream: z
      .boolean()
      .default(false)
      .describe(
        'Publish through JetStream and wait for the stream to store the message; retried deliveries are dropped by the stream within its duplicate window. A stream must capture the subject.',
      ),
    body: liquidTemplate()
      .min(1)
      .optional()
      .describe(
        'Liquid template of the message body. Empty: JSON of id, type, at, event, profile, audience, change and data.',
      ),
    timeoutMs: z
      .number()
      .int()
      .min(100)
      .max(60_000)
      .default(5_000)
      .describe('How long to wait for the server (connecting, flushing, JetStream acknowledgement), in ms.'),
  })
  .refine((c) => (c.user === undefined) === (c.password === undefined), {
    message: 'user and password go together',
    path: ['password'],
  })
  .refine((c) => !(c.token && c.user), {
    message: 'use either a token or a user, not both',
    path: ['token'],
  });
export type NatsConfig = z.infer<typeof NatsConfig>;

/**
 * The destination's connection, shared by its deliveries. The client reconnects by itself; when it
 * gives up and closes (e.g. after repeated authorization failures) the next delivery opens a new one.
 */
class NatsLink {
  private current: Promise<NatsConnection> | undefined;

  constructor(private readonly options: NodeConnectionOptions) {}

  connection(): Promise<NatsConnection> {
    if (this.current) return this.current;
    const opening = connect(this.options);
    this.current = opening;
    const forget = () => {
      if (this.current === opening) this.current = undefined;
    };
    opening.then((nc) => nc.closed().then(forget), forget);
    return opening;
  }

  async close(): Promise<void> {
    const held = this.current;
    this.current = undefined;
    const nc = await held?.catch(() => undefined);
    await nc?.close();
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, signal: AbortSignal, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fail = () => reject(new RetryableError(`NATS: ${what} timed out`));
    if (signal.aborted) return fail();
    const timer = setTimeout(fail, ms);
    signal.addEventListener('abort', fail, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal.removeEventListener('abort', fail);
    });
  });
}

/** Authorization and malformed input will not pass by retrying; the network and the server may. */
function natsError(err: unknown, subject: string, useJetStream: boolean): Error {
  if (err instanceof RetryableError || err instanceof PermanentError) return err;
  const text = err instanceof Error ? err.message : String(err);
  if (useJetStream && err instanceof Error && err.cause instanceof RequestError && err.cause.isNoResponders())
    return new PermanentError(
      `NATS: no JetStream stream captures subject "${subject}" (or JetStream is not enabled): create a stream for it`,
    );
  if (err instanceof JetStreamApiError)
    return err.status >= 500 || err.status === 429
      ? new RetryableError(`NATS JetStream: ${text}`, { status: err.status })
      : new PermanentError(`NATS JetStream: ${text}`, { status: err.status });
  if (
    err instanceof AuthorizationError ||
    err instanceof UserAuthenticationExpiredError ||
    err instanceof PermissionViolationError ||
    err instanceof InvalidSubjectError ||
    err instanceof InvalidArgumentError
  )
    return new PermanentError(`NATS: ${text}`);
  return new RetryableError(`NATS: ${text}`);
}

async function send(message: DeliveryMessage, ctx: DestinationContext<NatsConfig>): Promise<void> {
  const { config } = ctx;
  const scope = templateScope(message, { message });
  const subject = isTemplate(config.subject)
    ? (await ctx.render(config.subject, scope)).trim()
    : config.subject;
  if (!isNatsSubject(subject))
    throw new PermanentError(
      `NATS: the subject template gave "${subject.slice(0, 200)}", not a valid subject`,
    );
  const body = config.body ? await ctx.render(config.body, scope) : JSON.stringify(deliveryPayload(message));

  try {
    const link = await ctx.state.resource(
      'nats',
      async () =>
        new NatsLink({
          servers: config.servers,
          user: config.user,
          pass: config.password,
          token: config.token,
          timeout: config.timeoutMs,
          name: `cdp ${ctx.destinationId}`,
          maxReconnectAttempts: -1,
        }),
      (held) => held.close(),
    );
    const nc = await withTimeout(link.connection(), config.timeoutMs, ctx.signal, 'connecting');
    if (config.jetstream) {
      // the stream drops a second message with the same Nats-Msg-Id within its duplicate window
      await jetstream(nc).publish(subject, body, { msgID: message.id, timeout: config.timeoutMs });
      return;
    }
    const h = headers();
    h.set('Nats-Msg-Id', message.id);
    nc.publish(subject, body, { headers: h });
    // core NATS does not acknowledge: a round trip at least proves the server has the message
    await withTimeout(nc.flush(), config.timeoutMs, ctx.signal, 'flush');
  } catch (err) {
    throw natsError(err, subject, config.jetstream);
  }
}

export const natsDestination: DestinationType<NatsConfig> = {
  type: 'nats',
  category: 'bus',
  label: { 'zh-CN': 'NATS 消息', en: 'NATS' },
  configSchema: NatsConfig,
  secrets: ['password', 'token'],
  urls: [],
  accepts: ['event', 'audience_change', 'message'],
  purposes: ['analytics'],
  send,
};
