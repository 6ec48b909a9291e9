import { z } from 'zod';
import { Definition, EventMatch, EventName, EventWindow, PropertyKey } from './definitions.ts';

/**
 * The tag factory (标签工厂, `/api/v1/tags`): a catalogue of categories and tags that business users
 * define without SQL. A tag gives some profiles one value (boolean, text, number or date-time):
 * - `rule`: one definition → true/false, or ordered rules → the value of the first that holds;
 * - `computed`: an aggregate of the person's events in a window (count, sum, most frequent value…);
 * - `rfm`: the classic eight RFM groups (重要价值客户…一般挽留客户) from recency, frequency and money;
 * - `lifecycle`: ordered stages (潜在客户 → 流失客户), the first stage that holds;
 * - `imported`: values uploaded from a file by identifier.
 * Values keep their history, so "who had value V on day D" is answerable. Dates travel as ISO-8601.
 */

const Iso = z.string().describe('ISO-8601 date-time');
const AsOf = z.iso.datetime({ offset: true }).describe('Evaluate as of this instant; default now');
const Name = z.string().trim().min(1).max(100);
const Path = z.array(PropertyKey).min(1).max(5);

export const TAG_VALUE_TYPES = ['boolean', 'string', 'number', 'datetime'] as const;
export const TagValueType = z.enum(TAG_VALUE_TYPES);
export type TagValueType = z.infer<typeof TagValueType>;

export const TAG_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export const TagStatus = z.enum(TAG_STATUSES);
export type TagStatus = z.infer<typeof TagStatus>;

/** A tag's value: text (a `datetime` tag holds ISO-8601 text), a number or a boolean. */
export const TagValue = z.union([z.string().min(1).max(200), z.number(), z.boolean()]);
export type TagValue = z.infer<typeof TagValue>;

/** `realtime`: recomputed for the profiles each event batch touches; `scheduled`: every N minutes. */
export const TagUpdate = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('realtime') }),
  z.object({
    mode: z.literal('scheduled'),
    intervalMinutes: z
      .number()
      .int()
      .min(5)
      .max(31 * 24 * 60),
  }),
]);
export type TagUpdate = z.infer<typeof TagUpdate>;

export const RuleCase = z.object({ value: TagValue, definition: Definition });
export type RuleCase = z.infer<typeof RuleCase>;

/** One `definition` (true when it holds, false otherwise), or ordered `rules`: the first that holds wins. */
export const RuleTagSpec = z
  .object({
    kind: z.literal('rule'),
    definition: Definition.optional(),
    rules: z.array(RuleCase).min(1).max(50).optional(),
    /** With `rules`: the value when no rule holds; null = no value. */
    defaultValue: TagValue.nullable().default(null),
  })
  .superRefine((spec, ctx) => {
    if ((spec.definition === undefined) === (spec.rules === undefined))
      ctx.addIssue({ code: 'custom', message: 'give either definition or rules', path: ['rules'] });
  });
export type RuleTagSpec = z.infer<typeof RuleTagSpec>;

export const COMPUTED_FUNCTIONS = [
  'count',
  'sum',
  'avg',
  'min',
  'max',
  'distinct_count',
  'most_frequent',
  'first_value',
  'last_value',
  'days_since_last',
] as const;
export const ComputedFunction = z.enum(COMPUTED_FUNCTIONS);
export type ComputedFunction = z.infer<typeof ComputedFunction>;

/**
 * An aggregate over the person's matching events in the window. A profile has a value when at least
 * one event matches and the function has a result: sum/count/distinct count of matching events without
 * usable values is 0; avg/min/max read JSON numbers; most frequent/first/last read values of the tag's
 * type (ties of most frequent: the value seen most recently, then the smallest value); days since = whole
 * local days in the tag's time zone between the last matching event and `asOf`.
 */
export const ComputedTagSpec = EventMatch.extend({
  kind: z.literal('computed'),
  function: ComputedFunction,
  /** The property read (required except for count and days_since_last). */
  path: Path.optional(),
  window: EventWindow.default({ type: 'ever' }),
}).superRefine((spec, ctx) => {
  const needsPath = spec.function !== 'count' && spec.function !== 'days_since_last';
  if (needsPath && spec.path === undefined)
    ctx.addIssue({ code: 'custom', message: `${spec.function} needs a property path`, path: ['path'] });
});
export type ComputedTagSpec = z.infer<typeof ComputedTagSpec>;

const Thresholds = z
  .array(z.number().min(0))
  .length(4)
  .refine((t) => t.every((v, i) => i === 0 || v > t[i - 1]), { error: 'thresholds must increase' });

/**
 * Scores 1–5. `quantile`: ntile(5) over the window's buyers (older last purchase, fewer orders, less
 * money = lower; equal values share the lower score). `thresholds`: four increasing bounds each;
 * recency (days) below the first = 5 … at or above the fourth = 1; frequency and money below the
 * first = 1 … at or above the fourth = 5.
 */
export const RfmScoring = z.discriminatedUnion('method', [
  z.object({ method: z.literal('quantile') }),
  z.object({
    method: z.literal('thresholds'),
    recencyDays: Thresholds,
    frequency: Thresholds,
    monetary: Thresholds,
  }),
]);
export type RfmScoring = z.infer<typeof RfmScoring>;

/** RFM over purchases in the last `windowDays`; a score ≥ `highScore` is high (R high = recent). */
export const RfmTagSpec = z.object({
  kind: z.literal('rfm'),
  event: EventName.default('Order Completed'),
  amountPath: Path.default(['revenue']),
  windowDays: z.number().int().min(1).max(3650).default(365),
  scoring: RfmScoring.default({ method: 'quantile' }),
  highScore: z.number().int().min(2).max(5).default(3),
});
export type RfmTagSpec = z.infer<typeof RfmTagSpec>;

export const LifecycleStage = z.object({ name: z.string().trim().min(1).max(100), definition: Definition });
export type LifecycleStage = z.infer<typeof LifecycleStage>;

/** The default stages over a purchase event: 潜在 / 新 / 活跃 / 沉默 / 流失客户 (first that holds wins). */
export function defaultLifecycleStages(event = 'Order Completed'): LifecycleStage[] {
  const last = (operator: 'within_last_days' | 'more_than_days_ago', days: number) =>
    ({ kind: 'event', event, measure: { type: 'last', test: { operator, days } } }) as const;
  return [
    { name: '潜在客户', definition: { kind: 'event', event, measure: { type: 'did_not' } } },
    {
      name: '新客户',
      definition: {
        kind: 'event',
        event,
        measure: { type: 'first', test: { operator: 'within_last_days', days: 30 } },
      },
    },
    { name: '活跃客户', definition: last('within_last_days', 90) },
    { name: '沉默客户', definition: last('within_last_days', 180) },
    { name: '流失客户', definition: last('more_than_days_ago', 180) },
  ];
}

export const LifecycleTagSpec = z.object({
  kind: z.literal('lifecycle'),
  stages: z
    .array(LifecycleStage)
    .min(1)
    .max(20)
    .default(() => defaultLifecycleStages()),
  /** The stage of profiles no stage holds for; null = no value. */
  defaultStage: z.string().trim().min(1).max(100).nullable().default(null),
});
export type LifecycleTagSpec = z.infer<typeof LifecycleTagSpec>;

/** Values come from `POST /tags/{id}/import`. */
export const ImportedTagSpec = z.object({ kind: z.literal('imported') });
export type ImportedTagSpec = z.infer<typeof ImportedTagSpec>;

export const TagSpec = z.discriminatedUnion('kind', [
  RuleTagSpec,
  ComputedTagSpec,
  RfmTagSpec,
  LifecycleTagSpec,
  ImportedTagSpec,
]);
export type TagSpec = z.infer<typeof TagSpec>;
export type TagSpecInput = z.input<typeof TagSpec>;

/** What a tag reads: events, traits, tags, audiences, identifier types; time-relative = re-check daily. */
export const TagLineage = z.object({
  events: z.array(z.string()),
  anyEvent: z.boolean(),
  traits: z.array(z.string()),
  tags: z.array(z.string()),
  audiences: z.array(z.string()),
  identifierTypes: z.array(z.string()),
  timeRelative: z.boolean(),
});
export type TagLineage = z.infer<typeof TagLineage>;

export const Tag = z.object({
  id: z.string(),
  name: z.string(),
  categoryId: z.string().nullable(),
  owner: z.string().nullable(),
  description: z.string(),
  valueType: TagValueType,
  spec: TagSpec,
  update: TagUpdate,
  timeZone: z.string(),
  status: TagStatus,
  lineage: TagLineage,
  lastComputedAt: Iso.nullable(),
  createdAt: Iso,
  createdBy: z.string().nullable(),
  updatedAt: Iso,
  updatedBy: z.string().nullable(),
});
export type Tag = z.infer<typeof Tag>;

const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .optional()
  .describe('IANA time zone in which days start; default the server’s CDP_TIME_ZONE');

export const CreateTagBody = z
  .object({
    name: Name,
    categoryId: z.string().max(64).nullable().default(null),
    owner: z.string().trim().max(100).nullable().default(null),
    description: z.string().max(2000).default(''),
    valueType: TagValueType,
    spec: TagSpec,
    update: TagUpdate.default({ mode: 'realtime' }),
    timeZone: TimeZone,
    status: TagStatus.default('draft'),
  })
  .strict();
export type CreateTagBody = z.infer<typeof CreateTagBody>;
export type CreateTagInput = z.input<typeof CreateTagBody>;

export const UpdateTagBody = z
  .object({
    name: Name,
    categoryId: z.string().max(64).nullable(),
    owner: z.string().trim().max(100).nullable(),
    description: z.string().max(2000),
    valueType: TagValueType,
    spec: TagSpec,
    update: TagUpdate,
    timeZone: z.string().min(1).max(64),
    status: TagStatus,
  })
  .partial()
  .strict();
export type UpdateTagBody = z.infer<typeof UpdateTagBody>;
export type UpdateTagInput = z.input<typeof UpdateTagBody>;

export const TagListQuery = z
  .object({ categoryId: z.string().max(64).optional(), status: TagStatus.optional() })
  .strict();
export type TagListQuery = z.infer<typeof TagListQuery>;
export const TagList = z.object({ items: z.array(Tag) });
export type TagList = z.infer<typeof TagList>;

export const TagCategory = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  position: z.number().int(),
  createdAt: Iso,
  updatedAt: Iso,
});
export type TagCategory = z.infer<typeof TagCategory>;
/** Categories ordered by parent, position and name: a tree through `parentId`. */
export const TagCategoryList = z.object({ items: z.array(TagCategory) });
export type TagCategoryList = z.infer<typeof TagCategoryList>;

export const CreateTagCategoryBody = z
  .object({
    name: Name,
    parentId: z.string().max(64).nullable().default(null),
    position: z.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export type CreateTagCategoryBody = z.infer<typeof CreateTagCategoryBody>;
export type CreateTagCategoryInput = z.input<typeof CreateTagCategoryBody>;
export const UpdateTagCategoryBody = CreateTagCategoryBody.partial().strict();
export type UpdateTagCategoryBody = z.infer<typeof UpdateTagCategoryBody>;
export type UpdateTagCategoryInput = z.input<typeof UpdateTagCategoryBody>;

export const ComputeTagBody = z.object({ asOf: AsOf.optional() }).strict();
export type ComputeTagBody = z.infer<typeof ComputeTagBody>;

/** What a computation changed: values added, changed, removed; `total` profiles with a value now. */
export const ComputeResult = z.object({
  tagId: z.string(),
  asOf: Iso,
  added: z.number().int(),
  changed: z.number().int(),
  removed: z.number().int(),
  total: z.number().int(),
});
export type ComputeResult = z.infer<typeof ComputeResult>;

export const TagAsOfQuery = z.object({ asOf: AsOf.optional() }).strict();
export type TagAsOfQuery = z.infer<typeof TagAsOfQuery>;

/** Top values with counts, or for number tags ten equal-width buckets (`to` inclusive in the last). */
export const TagDistribution = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('values'),
    values: z.array(z.object({ value: TagValue, count: z.number().int() })),
    otherCount: z.number().int(),
  }),
  z.object({
    type: z.literal('histogram'),
    buckets: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
  }),
]);
export type TagDistribution = z.infer<typeof TagDistribution>;

/** Coverage = profiles with a value / profiles (as of a past date: profiles created by then). */
export const TagStats = z.object({
  asOf: Iso.nullable(),
  profiles: z.number().int(),
  withValue: z.number().int(),
  coverage: z.number(),
  distribution: TagDistribution,
});
export type TagStats = z.infer<typeof TagStats>;

export const TagMembersQuery = z
  .object({
    value: z.string().max(200).optional().describe('Only this value (read as the tag’s value type)'),
    asOf: AsOf.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    cursor: z.string().max(64).optional().describe('The last profile id of the previous page'),
  })
  .strict();
export type TagMembersQuery = z.infer<typeof TagMembersQuery>;
export type TagMembersQueryInput = z.input<typeof TagMembersQuery>;

export const TagMembers = z.object({
  items: z.array(z.object({ profileId: z.string(), value: TagValue, since: Iso })),
  nextCursor: z.string().nullable(),
});
export type TagMembers = z.infer<typeof TagMembers>;

export const ProfileTags = z.object({
  profileId: z.string(),
  asOf: Iso.nullable(),
  items: z.array(
    z.object({
      tagId: z.string(),
      name: z.string(),
      valueType: TagValueType,
      value: TagValue,
      /** RFM: recency, frequency, monetary and their scores; null for other kinds or past dates. */
      details: z.record(z.string(), z.unknown()).nullable(),
      since: Iso,
    }),
  ),
});
export type ProfileTags = z.infer<typeof ProfileTags>;

/** One uploaded value: an identifier (normalised like incoming data) and the tag value. */
export const ImportTagRow = z.object({
  identifierType: z.string().min(1).max(64),
  identifier: z.string().min(1).max(512),
  value: z.union([z.string().max(200), z.number(), z.boolean()]),
});
export type ImportTagRow = z.infer<typeof ImportTagRow>;

/**
 * `csv`: text with the header `identifier_type,identifier,value` (row numbers count the header as
 * row 1, like a spreadsheet); `rows`: JSON rows (row numbers from 1). `replace` drops values not in
 * this upload; `merge` keeps them.
 */
export const ImportTagBody = z
  .object({
    mode: z.enum(['replace', 'merge']).default('replace'),
    csv: z.string().max(20_000_000).optional(),
    rows: z.array(ImportTagRow).max(200_000).optional(),
  })
  .strict()
  .refine((b) => (b.csv === undefined) !== (b.rows === undefined), {
    error: 'give either csv or rows',
    path: ['rows'],
  });
export type ImportTagBody = z.infer<typeof ImportTagBody>;
export type ImportTagInput = z.input<typeof ImportTagBody>;

export const IMPORT_ROW_PROBLEMS = [
  'unmatched',
  'invalid_identifier',
  'invalid_value',
  'missing_column',
] as const;
export const ImportTagResult = z.object({
  rows: z.number().int(),
  matched: z.number().int(),
  /** Every row not applied, with its row number and why. */
  rejected: z.array(
    z.object({
      row: z.number().int(),
      reason: z.enum(IMPORT_ROW_PROBLEMS),
      identifierType: z.string(),
      identifier: z.string(),
      detail: z.string().optional(),
    }),
  ),
  compute: ComputeResult,
});
export type ImportTagResult = z.infer<typeof ImportTagResult>;

export const PreviewTagBody = z
  .object({
    valueType: TagValueType,
    spec: TagSpec,
    timeZone: TimeZone,
    asOf: AsOf.optional(),
  })
  .strict();
export type PreviewTagBody = z.infer<typeof PreviewTagBody>;
export type PreviewTagInput = z.input<typeof PreviewTagBody>;

export const TagPreview = TagStats.extend({
  sample: z.array(z.object({ profileId: z.string(), value: TagValue })),
});
export type TagPreview = z.infer<typeof TagPreview>;
