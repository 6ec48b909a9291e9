import { z } from 'zod';
import { AudienceId, EventMatch, PropertyKey } from './definitions.ts';

/** Activation API shapes: destinations (`/api/v1/destinations`), syncs, deliveries. */

const Iso = z.string().describe('ISO-8601 date-time');
const Name = z.string().trim().min(1).max(200);

/** Why data may be sent: a destination serves purposes; a profile's consent must allow each. */
export const PURPOSES = ['marketing', 'advertising', 'analytics', 'personalization', 'service'] as const;
export const Purpose = z.enum(PURPOSES);
export type Purpose = z.infer<typeof Purpose>;

export const DELIVERY_KINDS = [
  'event',
  'audience_change',
  'audience_snapshot',
  'events_export',
  'message',
] as const;
export const DeliveryKind = z.enum(DELIVERY_KINDS);

export const DESTINATION_CATEGORIES = [
  'webhook',
  'email',
  'sms',
  'wechat',
  'ads',
  'file',
  'bus',
  'database',
] as const;

/** A destination type the server offers, with the JSON Schema of its config (renders the form). */
export const DestinationTypeInfo = z.object({
  type: z.string(),
  category: z.enum(DESTINATION_CATEGORIES),
  label: z.object({ 'zh-CN': z.string(), en: z.string() }),
  accepts: z.array(DeliveryKind),
  purposes: z.array(Purpose),
  /** config fields that are secrets: write-only */
  secrets: z.array(z.string()),
  configSchema: z.record(z.string(), z.unknown()),
});
export type DestinationTypeInfo = z.infer<typeof DestinationTypeInfo>;
export const DestinationTypeList = z.object({ items: z.array(DestinationTypeInfo) });
export type DestinationTypeList = z.infer<typeof DestinationTypeList>;

const Limits = {
  /** deliveries in flight at once */
  concurrency: z.number().int().min(1).max(200),
  /** requests per second; null = unlimited */
  ratePerSecond: z.number().int().min(1).max(100_000).nullable(),
  /** how long failed deliveries are retried before the dead-letter list */
  retryHours: z.number().min(0).max(72),
};

export const CreateDestinationBody = z
  .object({
    name: Name,
    type: z.string().min(1).max(64),
    /** the type's config, secrets included (they are stored apart and never returned) */
    config: z.record(z.string(), z.unknown()),
    purposes: z.array(Purpose).max(PURPOSES.length).optional(),
    enabled: z.boolean().default(true),
    concurrency: Limits.concurrency.default(10),
    ratePerSecond: Limits.ratePerSecond.default(null),
    retryHours: Limits.retryHours.default(4),
  })
  .strict();
export type CreateDestinationBody = z.infer<typeof CreateDestinationBody>;
export type CreateDestinationInput = z.input<typeof CreateDestinationBody>;

export const UpdateDestinationBody = z
  .object({
    name: Name.optional(),
    /** merged into the config; a secret left out keeps its value, a secret set to null is cleared */
    config: z.record(z.string(), z.unknown()).optional(),
    purposes: z.array(Purpose).max(PURPOSES.length).optional(),
    enabled: z.boolean().optional(),
    concurrency: Limits.concurrency.optional(),
    ratePerSecond: Limits.ratePerSecond.optional(),
    retryHours: Limits.retryHours.optional(),
  })
  .strict();
export type UpdateDestinationBody = z.infer<typeof UpdateDestinationBody>;
export type UpdateDestinationInput = z.input<typeof UpdateDestinationBody>;

export const Destination = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  /** config without secrets */
  config: z.record(z.string(), z.unknown()),
  /** the secret fields that hold a value */
  secretsSet: z.array(z.string()),
  purposes: z.array(Purpose),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  concurrency: z.number().int(),
  ratePerSecond: z.number().int().nullable(),
  retryHours: z.number(),
  version: z.number().int(),
  createdAt: Iso,
  updatedAt: Iso,
});
export type Destination = z.infer<typeof Destination>;
export const DestinationList = z.object({ items: z.array(Destination) });
export type DestinationList = z.infer<typeof DestinationList>;

export const DELIVERY_STATUSES = [
  'pending',
  'sending',
  'delivered',
  'skipped',
  'suppressed',
  'dead',
] as const;
export const DeliveryStatus = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** Delivery overview of a destination. */
export const DestinationMetrics = z.object({
  /** pending, never attempted */
  queued: z.number().int(),
  /** pending after a failed attempt */
  retrying: z.number().int(),
  sending: z.number().int(),
  delivered: z.number().int(),
  skipped: z.number().int(),
  suppressed: z.number().int(),
  dead: z.number().int(),
  /** over the deliveries finished in the last hour */
  lastHour: z.object({
    delivered: z.number().int(),
    failedAttempts: z.number().int(),
    /** request time at the peer (ms) */
    p50Ms: z.number().nullable(),
    p95Ms: z.number().nullable(),
    /** from the change to the delivery (ms) */
    endToEndP50Ms: z.number().nullable(),
    endToEndP95Ms: z.number().nullable(),
  }),
  /** circuit breaker of this process's worker */
  circuit: z.enum(['closed', 'open', 'half_open']),
});
export type DestinationMetrics = z.infer<typeof DestinationMetrics>;

export const Delivery = z.object({
  id: z.string(),
  destinationId: z.string(),
  syncId: z.string().nullable(),
  messageId: z.string(),
  kind: DeliveryKind,
  profileId: z.string().nullable(),
  eventId: z.string().nullable(),
  audienceId: z.string().nullable(),
  change: z.string().nullable(),
  at: Iso,
  status: DeliveryStatus,
  attempts: z.number().int(),
  nextAttemptAt: Iso,
  lastError: z.string().nullable(),
  lastStatus: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  createdAt: Iso,
  finishedAt: Iso.nullable(),
});
export type Delivery = z.infer<typeof Delivery>;

export const DeliveriesQuery = z
  .object({
    status: z.enum([...DELIVERY_STATUSES, 'retrying']).optional(),
    /** the id of the last row of the previous page */
    before: z.string().regex(/^\d+$/).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
export type DeliveriesQuery = z.input<typeof DeliveriesQuery>;
export const DeliveryPage = z.object({ items: z.array(Delivery), next: z.string().nullable() });
export type DeliveryPage = z.infer<typeof DeliveryPage>;

/** Replays dead (or given) deliveries: queued again with a fresh retry window, same idempotency key. */
export const ReplayDeliveriesBody = z
  .object({
    ids: z.array(z.string().regex(/^\d+$/)).min(1).max(10_000).optional(),
    status: z.enum(['dead', 'skipped', 'suppressed']).optional(),
  })
  .strict()
  .refine((b) => (b.ids === undefined) !== (b.status === undefined), 'give either ids or status');
export type ReplayDeliveriesBody = z.infer<typeof ReplayDeliveriesBody>;
export const ReplayDeliveriesResult = z.object({ replayed: z.number().int() });

/** A test message sent at once (not through the outbox): the peer's answer or the error. */
export const DestinationTestBody = z
  .object({ profileId: z.string().max(64).optional(), data: z.record(z.string(), z.unknown()).optional() })
  .strict();
export const DestinationTestResult = z.object({
  ok: z.boolean(),
  error: z.string().nullable(),
  durationMs: z.number(),
});

// ---------------------------------------------------------------------------------------------
// Syncs

/** Events sent: from these sources (all when empty), matching any of these (all when empty). */
export const EventFilter = z
  .object({
    sources: z.array(z.string().min(1).max(64)).max(100).default([]),
    events: z.array(EventMatch).max(50).default([]),
  })
  .strict();
export type EventFilter = z.infer<typeof EventFilter>;

const MappingPath = z.array(PropertyKey).min(1).max(6);
/** `to` in the payload ← `from` in the event (`properties.total`, `context.page.url`, `userId` …). */
export const FieldMapping = z.object({ to: MappingPath, from: MappingPath }).strict();
export type FieldMapping = z.infer<typeof FieldMapping>;

export const SYNC_MODES = ['realtime', 'full', 'incremental', 'export'] as const;

export const SyncSpec = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('events'),
      /** realtime: each event as it is applied; export: the period's events on a schedule */
      mode: z.enum(['realtime', 'export']),
      filter: EventFilter.default({ sources: [], events: [] }),
      mapping: z.array(FieldMapping).max(100).default([]),
    })
    .strict(),
  z
    .object({
      kind: z.literal('audience'),
      audienceId: AudienceId,
      /** realtime: each enter and exit; full / incremental: snapshots on a schedule */
      mode: z.enum(['realtime', 'full', 'incremental']),
    })
    .strict(),
]);
export type SyncSpec = z.infer<typeof SyncSpec>;

/** A cron expression (5 or 6 fields) in the workspace's time zone; required by scheduled modes. */
const Schedule = z.string().trim().min(9).max(100);

export const CreateSyncBody = z
  .object({
    name: Name,
    destinationId: z.string().min(1).max(64),
    spec: SyncSpec,
    schedule: Schedule.optional(),
    enabled: z.boolean().default(true),
  })
  .strict();
export type CreateSyncBody = z.infer<typeof CreateSyncBody>;
export type CreateSyncInput = z.input<typeof CreateSyncBody>;

export const UpdateSyncBody = z
  .object({
    name: Name.optional(),
    spec: SyncSpec.optional(),
    schedule: Schedule.nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type UpdateSyncBody = z.infer<typeof UpdateSyncBody>;
export type UpdateSyncInput = z.input<typeof UpdateSyncBody>;

export const Sync = z.object({
  id: z.string(),
  name: z.string(),
  destinationId: z.string(),
  spec: SyncSpec,
  schedule: z.string().nullable(),
  enabled: z.boolean(),
  lastRunAt: Iso.nullable(),
  nextRunAt: Iso.nullable(),
  createdAt: Iso,
  updatedAt: Iso,
});
export type Sync = z.infer<typeof Sync>;
export const SyncList = z.object({ items: z.array(Sync) });
export type SyncList = z.infer<typeof SyncList>;
export const SyncRunResult = z.object({ deliveryId: z.string().nullable() });
