import { Redis } from 'ioredis';
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

/** A stream key: printable, bounded (keys are binary-safe, but this one is typed in the console). */
const isStreamKey = (key: string) => key.length > 0 && key.length <= 512 && !/[\s\p{Cc}]/u.test(key);

export const RedisStreamConfig = z.object({
  url: z
    .string()
    .max(2048)
    .refine((url) => URL.canParse(url) && /^rediss?:$/.test(new URL(url).protocol), {
      message: 'expected redis://[:password@]host:port[/db] or rediss:// (TLS)',
    })
    .describe('Redis server URL, e.g. redis://:password@redis:6379/0; rediss:// for TLS.'),
  stream: liquidTemplate()
    .min(1)
    .max(1000)
    .refine((stream) => isTemplate(stream) || isStreamKey(stream), {
      message: 'not a valid stream key (no spaces)',
    })
    .describe(
      'Stream key; a Liquid template over message, event, profile, traits, audience, change and data, e.g. cdp:{{ message.kind }}.',
    ),
  maxLen: z
    .number()
    .int()
    .min(1)
    .max(1_000_000_000)
    .optional()
    .describe('Keep about this many entries (approximate trimming, MAXLEN ~). Empty: never trim.'),
  dedupeSeconds: z
    .number()
    .int()
    .min(60)
    .max(30 * 86_400)
    .default(86_400)
    .describe(
      'How long a delivered message id is remembered so a retried delivery is not added again, in seconds; longer than the delivery retries last.',
    ),
  dedupePrefix: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[\w:.-]+$/, 'letters, digits, _ : . - only')
    .default('cdp:dedupe')
    .describe('Key prefix of the remembered message ids (<prefix>:<stream>:<id>).'),
  timeoutMs: z
    .number()
    .int()
    .min(100)
    .max(60_000)
    .default(5_000)
    .describe('How long to wait for Redis (connecting, each command), in ms.'),
});
export type RedisStreamConfig = z.infer<typeof RedisStreamConfig>;

/**
 * Adds the entry unless this message id was added within the dedupe window, atomically (a script
 * runs alone). The entry is added before the id is remembered: a script is not rolled back, so an
 * XADD that fails (wrong key type) must not leave the id behind to swallow the retry.
 * KEYS: dedupe key, stream. ARGV: ttl, maxlen (0 = none), id, type, payload. Returns the entry id,
 * or false for a duplicate.
 */
const ADD_ONCE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return false end
local entry
if tonumber(ARGV[2]) > 0 then
  entry = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'id', ARGV[3], 'type', ARGV[4], 'payload', ARGV[5])
else
  entry = redis.call('XADD', KEYS[2], '*', 'id', ARGV[3], 'type', ARGV[4], 'payload', ARGV[5])
end
redis.call('SET', KEYS[1], entry, 'EX', ARGV[1])
return entry
`;

/**
 * A client that fails fast while disconnected (the worker retries) and, once it has been ready,
 * reconnects by itself. A first connection that fails ends the client, leaving no timers behind.
 */
async function openClient(ctx: DestinationContext<RedisStreamConfig>): Promise<Redis> {
  const { url, timeoutMs } = ctx.config;
  let ready = false;
  let lastError: Error | undefined;
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    connectionName: `cdp-${ctx.destinationId}`,
    retryStrategy: (attempt) => (ready ? Math.min(attempt * 100, 2_000) : null),
  });
  client.once('ready', () => {
    ready = true;
  });
  client.on('error', (err: Error) => {
    lastError = err;
    ctx.log.debug({ err }, 'redis stream destination: connection error');
  });
  try {
    await client.connect();
    return client;
  } catch (err) {
    // "Connection is closed." hides the cause (refused, timeout, wrong password)
    throw lastError ?? err;
  }
}

/** Only a key of another type is the config's fault; everything else (network, OOM, failover) may pass. */
function redisError(err: unknown): Error {
  if (err instanceof RetryableError || err instanceof PermanentError) return err;
  const text = err instanceof Error ? err.message : String(err);
  return /^WRONGTYPE/.test(text)
    ? new PermanentError(`Redis: ${text}`)
    : new RetryableError(`Redis: ${text}`);
}

async function send(message: DeliveryMessage, ctx: DestinationContext<RedisStreamConfig>): Promise<void> {
  const { config } = ctx;
  const stream = isTemplate(config.stream)
    ? (await ctx.render(config.stream, templateScope(message, { message }))).trim()
    : config.stream;
  if (!isStreamKey(stream))
    throw new PermanentError(`Redis: the stream template gave "${stream.slice(0, 200)}", not a valid key`);
  const payload = JSON.stringify(deliveryPayload(message));
  try {
    const client = await ctx.state.resource(
      'redis',
      () => openClient(ctx),
      async (held) => {
        // quit fails while disconnected; disconnect also stops the reconnecting
        await held.quit().catch(() => held.disconnect());
      },
    );
    await client.eval(
      ADD_ONCE,
      2,
      `${config.dedupePrefix}:${stream}:${message.id}`,
      stream,
      config.dedupeSeconds,
      config.maxLen ?? 0,
      message.id,
      message.kind,
      payload,
    );
  } catch (err) {
    throw redisError(err);
  }
}

export const redisStreamDestination: DestinationType<RedisStreamConfig> = {
  type: 'redis_stream',
  category: 'bus',
  label: { 'zh-CN': 'Redis Stream', en: 'Redis Stream' },
  configSchema: RedisStreamConfig,
  secrets: ['url'],
  urls: [],
  accepts: ['event', 'audience_change', 'message'],
  purposes: ['analytics'],
  send,
};
