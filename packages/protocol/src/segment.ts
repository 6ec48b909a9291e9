import { z } from 'zod';

/**
 * The Segment Tracking API message spec (https://segment.com/docs/connections/spec/), as accepted by
 * the collector. Unknown top-level fields are kept (`.loose()`), like Segment does.
 */

export const MESSAGE_TYPES = ['track', 'identify', 'page', 'screen', 'group', 'alias'] as const;
export const MessageType = z.enum(MESSAGE_TYPES);
export type MessageType = z.infer<typeof MessageType>;

/** Short paths used by analytics.js (`/v1/t` …) mapped to message types. */
export const SHORT_PATHS: Readonly<Record<string, MessageType | 'batch'>> = {
  t: 'track',
  i: 'identify',
  p: 'page',
  s: 'screen',
  g: 'group',
  a: 'alias',
  b: 'batch',
};

export const LIMITS = {
  /** Segment: 32 KB per message. */
  maxMessageBytes: 32 * 1024,
  /** Segment: 500 KB per batch request. */
  maxBatchBytes: 500 * 1024,
  /** Segment: 2,500 messages per batch. */
  maxBatchMessages: 2500,
  maxMessageIdLength: 100,
  /** Nesting deeper than this is rejected (PostgreSQL jsonb and JSON.parse stacks). */
  maxDepth: 32,
} as const;

const JsonObject = z.record(z.string(), z.unknown());
/** userId / anonymousId: Segment accepts strings and numbers; numbers are stored as strings. */
const Id = z.union([z.string().min(1).max(1024), z.number().finite()]).transform((v) => String(v));
const IsoDate = z.iso.datetime({ offset: true, local: true }).or(z.iso.date());

export const Context = z
  .object({
    ip: z.string().optional(),
    userAgent: z.string().optional(),
    locale: z.string().optional(),
    timezone: z.string().optional(),
    library: z.object({ name: z.string().optional(), version: z.string().optional() }).loose().optional(),
    page: JsonObject.optional(),
    campaign: JsonObject.optional(),
    device: JsonObject.optional(),
    os: JsonObject.optional(),
    app: JsonObject.optional(),
    network: JsonObject.optional(),
    screen: JsonObject.optional(),
    traits: JsonObject.optional(),
  })
  .loose();
export type Context = z.infer<typeof Context>;

const common = {
  messageId: z.string().min(1).max(LIMITS.maxMessageIdLength).optional(),
  userId: Id.nullish(),
  anonymousId: Id.nullish(),
  timestamp: IsoDate.optional(),
  originalTimestamp: IsoDate.optional(),
  sentAt: IsoDate.optional(),
  context: Context.optional(),
  integrations: JsonObject.optional(),
  channel: z.string().optional(),
  writeKey: z.string().optional(),
};

export const Track = z
  .object({
    type: z.literal('track'),
    event: z.string().min(1).max(512),
    properties: JsonObject.optional(),
    ...common,
  })
  .loose();
export const Identify = z
  .object({ type: z.literal('identify'), traits: JsonObject.optional(), ...common })
  .loose();
export const Page = z
  .object({
    type: z.literal('page'),
    name: z.string().nullish(),
    category: z.string().nullish(),
    properties: JsonObject.optional(),
    ...common,
  })
  .loose();
export const Screen = z
  .object({
    type: z.literal('screen'),
    name: z.string().nullish(),
    category: z.string().nullish(),
    properties: JsonObject.optional(),
    ...common,
  })
  .loose();
export const Group = z
  .object({ type: z.literal('group'), groupId: Id, traits: JsonObject.optional(), ...common })
  .loose();
export const Alias = z.object({ type: z.literal('alias'), previousId: Id, ...common }).loose();

export const Message = z.discriminatedUnion('type', [Track, Identify, Page, Screen, Group, Alias]);
export type Message = z.infer<typeof Message>;
export type Track = z.infer<typeof Track>;
export type Identify = z.infer<typeof Identify>;
export type Page = z.infer<typeof Page>;
export type Screen = z.infer<typeof Screen>;
export type Group = z.infer<typeof Group>;
export type Alias = z.infer<typeof Alias>;

/** The batch envelope: only its shape is checked here; each item is validated on its own. */
export const BatchEnvelope = z
  .object({
    batch: z.array(z.unknown()).max(LIMITS.maxBatchMessages),
    context: JsonObject.optional(),
    integrations: JsonObject.optional(),
    sentAt: IsoDate.optional(),
    writeKey: z.string().optional(),
  })
  .loose();
export type BatchEnvelope = z.infer<typeof BatchEnvelope>;
