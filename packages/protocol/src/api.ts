import { z } from 'zod';
import { MessageProblem } from './ingest.ts';

/** Admin API shapes (`/api/v1`). Dates travel as ISO-8601 strings. */

export const SOURCE_TYPES = ['web', 'app', 'server', 'miniprogram', 'crm', 'pos'] as const;
export const SourceType = z.enum(SOURCE_TYPES);
export type SourceType = z.infer<typeof SourceType>;

export const ROLES = [
  'owner',
  'admin',
  'data_engineer',
  'marketer',
  'analyst',
  'viewer',
  'privacy_officer',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

const Iso = z.string().describe('ISO-8601 date-time');
const Name = z.string().trim().min(1).max(100);

export const Source = z.object({
  id: z.string(),
  name: z.string(),
  type: SourceType,
  writeKey: z.string(),
  enabled: z.boolean(),
  createdAt: Iso,
  updatedAt: Iso,
});
export type Source = z.infer<typeof Source>;

export const CreateSourceBody = z.object({ name: Name, type: SourceType }).strict();
export type CreateSourceBody = z.infer<typeof CreateSourceBody>;

export const UpdateSourceBody = z.object({ name: Name.optional(), enabled: z.boolean().optional() }).strict();
export type UpdateSourceBody = z.infer<typeof UpdateSourceBody>;

export const IdParams = z.object({ id: z.string().min(1).max(64) });
export type IdParams = z.infer<typeof IdParams>;

export const SourceList = z.object({ items: z.array(Source) });
export type SourceList = z.infer<typeof SourceList>;

export const EVENT_FLAGS = [
  'future_timestamp',
  'ancient_timestamp',
  'clock_skew_corrected',
  'sanitized',
  'replayed',
] as const;
export const EventFlag = z.enum(EVENT_FLAGS);
export type EventFlag = z.infer<typeof EventFlag>;

export const StoredEvent = z.object({
  id: z.string().describe('Sortable cursor; larger is newer'),
  sourceId: z.string(),
  messageId: z.string(),
  type: z.string(),
  event: z.string().nullable(),
  name: z.string().nullable(),
  userId: z.string().nullable(),
  anonymousId: z.string().nullable(),
  timestamp: Iso,
  originalTimestamp: Iso.nullable(),
  sentAt: Iso.nullable(),
  receivedAt: Iso,
  flags: z.array(z.string()),
  /** The message as the client sent it, with `timestamp` and `receivedAt` as stored. */
  message: z.record(z.string(), z.unknown()),
});
export type StoredEvent = z.infer<typeof StoredEvent>;

const Limit = z.coerce.number().int().min(1).max(500).default(50);

export const EventQuery = z
  .object({
    sourceId: z.string().optional(),
    type: z.string().optional(),
    event: z.string().max(512).optional(),
    userId: z.string().optional(),
    anonymousId: z.string().optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    before: z.string().regex(/^\d+$/).optional().describe('Cursor: return events older than this id'),
    after: z
      .string()
      .regex(/^\d+$/)
      .optional()
      .describe('Cursor: return events newer than this id (oldest first)'),
    limit: Limit,
  })
  .strict();
export type EventQuery = z.infer<typeof EventQuery>;
export type EventQueryInput = z.input<typeof EventQuery>;

export const EventPage = z.object({ items: z.array(StoredEvent), nextCursor: z.string().nullable() });
export type EventPage = z.infer<typeof EventPage>;

export const QUARANTINE_STATUSES = ['pending', 'replayed', 'discarded'] as const;
export const QuarantineStatus = z.enum(QUARANTINE_STATUSES);
export type QuarantineStatus = z.infer<typeof QuarantineStatus>;

export const QuarantineItem = z.object({
  id: z.string(),
  sourceId: z.string(),
  messageId: z.string().nullable(),
  receivedAt: Iso,
  status: QuarantineStatus,
  problems: z.array(MessageProblem),
  payload: z.unknown(),
  resolvedAt: Iso.nullable(),
});
export type QuarantineItem = z.infer<typeof QuarantineItem>;

export const QuarantineQuery = z
  .object({
    sourceId: z.string().optional(),
    status: QuarantineStatus.optional(),
    before: z.string().optional().describe('Cursor: a quarantine id'),
    limit: Limit,
  })
  .strict();
export type QuarantineQuery = z.infer<typeof QuarantineQuery>;
export type QuarantineQueryInput = z.input<typeof QuarantineQuery>;

export const QuarantinePage = z.object({ items: z.array(QuarantineItem), nextCursor: z.string().nullable() });
export type QuarantinePage = z.infer<typeof QuarantinePage>;

export const ReplayBody = z
  .object({ payload: z.unknown().optional().describe('A corrected message; omitted = replay as stored') })
  .strict();
export type ReplayBody = z.infer<typeof ReplayBody>;

export const ReplayResult = z.object({
  outcome: z.enum(['stored', 'duplicate', 'still_invalid']),
  problems: z.array(MessageProblem),
  item: QuarantineItem,
});
export type ReplayResult = z.infer<typeof ReplayResult>;

export const StatsQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).optional().describe('Default: 60 minutes ago'),
    to: z.iso.datetime({ offset: true }).optional(),
    bucket: z.enum(['minute', 'hour', 'day']).default('minute'),
  })
  .strict();
export type StatsQuery = z.infer<typeof StatsQuery>;
export type StatsQueryInput = z.input<typeof StatsQuery>;

export const StatsPoint = z.object({
  t: Iso,
  accepted: z.number(),
  quarantined: z.number(),
  duplicates: z.number(),
});
export const IngestionStats = z.object({
  bucket: z.enum(['minute', 'hour', 'day']),
  from: Iso,
  to: Iso,
  totals: z.object({ accepted: z.number(), quarantined: z.number(), duplicates: z.number() }),
  series: z.array(z.object({ sourceId: z.string(), sourceName: z.string(), points: z.array(StatsPoint) })),
});
export type IngestionStats = z.infer<typeof IngestionStats>;

export const LoginBody = z
  .object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) })
  .strict();
export type LoginBody = z.infer<typeof LoginBody>;

export const Me = z.object({ id: z.string(), email: z.string(), role: Role, workspaceId: z.string() });
export type Me = z.infer<typeof Me>;

export const CreateTokenBody = z.object({ name: Name }).strict();
export type CreateTokenBody = z.infer<typeof CreateTokenBody>;
export const CreatedToken = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string().describe('Shown once'),
});
export type CreatedToken = z.infer<typeof CreatedToken>;

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['embedded', 'postgres']),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;

export const Ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof Ok>;

/** What the live debugger stream (`GET /api/v1/debugger/stream`, Server-Sent Events) sends. */
export const DebuggerFrame = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), event: StoredEvent }),
  z.object({ kind: z.literal('quarantine'), item: QuarantineItem }),
]);
export type DebuggerFrame = z.infer<typeof DebuggerFrame>;
