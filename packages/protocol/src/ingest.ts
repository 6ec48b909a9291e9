import { z } from 'zod';

/** Why a message was refused or quarantined. A closed set: clients and the console rely on it. */
export const IngestErrorCode = z.enum([
  'invalid_json',
  'unsupported_media_type',
  'invalid_encoding',
  'body_too_large',
  'batch_too_large',
  'event_too_large',
  'too_deep',
  'invalid_message',
  'missing_identity',
  'invalid_message_id',
  'unauthorized',
  'source_disabled',
  'overloaded',
  'unavailable',
]);
export type IngestErrorCode = z.infer<typeof IngestErrorCode>;

/** One problem with one message; `path` is a JSON pointer into the message. */
export const MessageProblem = z.object({
  code: IngestErrorCode,
  path: z.string(),
  message: z.string(),
});
export type MessageProblem = z.infer<typeof MessageProblem>;

export const RejectedItem = z.object({
  index: z.number().int(),
  messageId: z.string().nullable(),
  quarantineId: z.string().nullable(),
  problems: z.array(MessageProblem),
});
export type RejectedItem = z.infer<typeof RejectedItem>;

/** Answer of every tracking endpoint. */
export const IngestResponse = z.object({
  success: z.boolean(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(RejectedItem),
});
export type IngestResponse = z.infer<typeof IngestResponse>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    path: z.string().optional(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
