import { z } from 'zod';

/** File import API shapes (`/api/v1/imports`): upload, preview with a mapping, run, follow. */

const Iso = z.string().describe('ISO-8601 date-time');

export const IMPORT_KINDS = ['profiles', 'events', 'orders'] as const;
export const IMPORT_FORMATS = ['csv', 'jsonl', 'xlsx'] as const;

/** Fields of Segment's e-commerce spec (Order Completed) and the message's own `event` and `timestamp`. */
export const EVENT_FIELDS = [
  'event',
  'timestamp',
  'order_id',
  'revenue',
  'total',
  'subtotal',
  'shipping',
  'tax',
  'discount',
  'coupon',
  'currency',
  'affiliation',
  'products',
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

/** Column → target; validated by the server (see `cdp import --map`). */
export const ImportMappingBody = z.record(z.string(), z.unknown());

export const UploadQuery = z.object({ filename: z.string().min(1).max(255) }).strict();

export const ImportFile = z.object({
  id: z.string(),
  filename: z.string(),
  format: z.enum(IMPORT_FORMATS),
  bytes: z.number().int(),
  headers: z.array(z.string()),
  /** The first rows as read (up to 20). */
  sample: z.array(z.record(z.string(), z.unknown())),
  /** A mapping guessed from the headers (Chinese and English names). */
  suggested: ImportMappingBody,
});
export type ImportFile = z.infer<typeof ImportFile>;

export const PreviewBody = z.object({ kind: z.enum(IMPORT_KINDS), mapping: ImportMappingBody }).strict();
export type PreviewBody = z.infer<typeof PreviewBody>;

export const RowIssue = z.object({ column: z.string(), reason: z.string(), detail: z.string().optional() });

export const ImportPreview = z.object({
  rows: z.array(
    z.object({
      row: z.number().int(),
      ok: z.boolean(),
      message: z.record(z.string(), z.unknown()).nullable(),
      errors: z.array(RowIssue),
    }),
  ),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const StartImportBody = z
  .object({
    fileId: z.string().min(1),
    kind: z.enum(IMPORT_KINDS),
    mapping: ImportMappingBody,
    source: z.string().trim().min(1).max(100).describe('Source name (created when missing)'),
  })
  .strict();
export type StartImportBody = z.infer<typeof StartImportBody>;

export const ImportJob = z.object({
  id: z.string(),
  filename: z.string(),
  kind: z.enum(IMPORT_KINDS),
  source: z.string(),
  status: z.enum(['running', 'done', 'failed', 'interrupted']),
  rows: z.number().int(),
  imported: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  bytesRead: z.number().int(),
  totalBytes: z.number().int(),
  error: z.string().nullable(),
  errors: z.array(RowIssue.extend({ row: z.number().int() })),
  createdAt: Iso,
  finishedAt: Iso.nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportJobList = z.object({ items: z.array(ImportJob) });
export type ImportJobList = z.infer<typeof ImportJobList>;
