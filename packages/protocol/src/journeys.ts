import { z } from 'zod';
import { AudienceId, Condition, EventMatch, PropertyKey, TagId, TraitName } from './definitions.ts';

/** Journey API shapes (`/api/v1/journeys`): 营销自动化 — multi-step campaigns with A/B and holdout. */

const Iso = z.string().describe('ISO-8601 date-time');
const Name = z.string().trim().min(1).max(200);
export const StepId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and -, at most 40')
  .describe('step id, unique in the journey');
const Next = StepId.nullable().describe('the next step; null ends the journey');
const HourMinute = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** Who enters: members entering an audience, or people doing an event. */
export const JourneyEntry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('audience'), audienceId: AudienceId }).strict(),
  z.object({ type: z.literal('event'), match: EventMatch }).strict(),
]);
export type JourneyEntry = z.infer<typeof JourneyEntry>;

export const WaitFor = z.discriminatedUnion('type', [
  z.object({ type: z.literal('duration'), minutes: z.number().int().min(1).max(525_600) }).strict(),
  /** until the next time of day (workspace time zone) */
  z.object({ type: z.literal('time_of_day'), time: HourMinute }).strict(),
  /** until the person does an event (→ next), or the timeout passes (→ timeoutNext) */
  z
    .object({
      type: z.literal('event'),
      match: EventMatch,
      timeoutMinutes: z.number().int().min(1).max(525_600),
      timeoutNext: Next,
    })
    .strict(),
]);
export type WaitFor = z.infer<typeof WaitFor>;

const JsonScalar = z.union([z.string().max(1000), z.number(), z.boolean()]);

export const JourneyStep = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('wait'), id: StepId, wait: WaitFor, next: Next }).strict(),
  /** condition split on traits, tags, events, audiences (the definition language) */
  z.object({ kind: z.literal('split'), id: StepId, condition: Condition, yes: Next, no: Next }).strict(),
  /** random A/B/n split; percentages add up to 100 */
  z
    .object({
      kind: z.literal('ab'),
      id: StepId,
      branches: z
        .array(
          z.object({
            name: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/),
            percent: z.number().int().min(1).max(100),
            next: Next,
          }),
        )
        .min(2)
        .max(10),
    })
    .strict(),
  /** a message through a destination; `data` values are Liquid templates over the profile */
  z
    .object({
      kind: z.literal('send'),
      id: StepId,
      destinationId: z.string().min(1).max(64),
      data: z.record(z.string().max(64), z.string().max(5000)).default({}),
      next: Next,
    })
    .strict(),
  z
    .object({
      kind: z.literal('update'),
      id: StepId,
      set: z.discriminatedUnion('type', [
        z.object({ type: z.literal('trait'), trait: TraitName, value: JsonScalar }).strict(),
        z.object({ type: z.literal('tag'), tagId: TagId, value: JsonScalar }).strict(),
      ]),
      next: Next,
    })
    .strict(),
  z.object({ kind: z.literal('exit'), id: StepId }).strict(),
]);
export type JourneyStep = z.infer<typeof JourneyStep>;

export const JourneyGoal = z
  .object({
    match: EventMatch,
    /** conversion window from entry */
    withinDays: z.number().int().min(1).max(90),
    /** property path of the goal event's revenue (e.g. ["revenue"]) */
    revenuePath: z.array(PropertyKey).min(1).max(5).optional(),
  })
  .strict();
export type JourneyGoal = z.infer<typeof JourneyGoal>;

export const JourneyDefinition = z
  .object({
    entry: JourneyEntry,
    start: Next,
    steps: z.array(JourneyStep).max(100),
    /** people leave the journey as soon as this holds (checked before every step) */
    exitWhen: Condition.optional(),
    goal: JourneyGoal.optional(),
    /** share of entrants kept as a control group: never messaged, measured against */
    holdoutPercent: z.number().int().min(0).max(50).default(0),
    /** canvas positions of the steps (console only) */
    layout: z.record(z.string(), z.object({ x: z.number(), y: z.number() })).optional(),
  })
  .strict();
export type JourneyDefinition = z.infer<typeof JourneyDefinition>;
export type JourneyDefinitionInput = z.input<typeof JourneyDefinition>;

export const JOURNEY_STATUSES = ['draft', 'active', 'paused', 'archived'] as const;
export const JourneyStatus = z.enum(JOURNEY_STATUSES);
export type JourneyStatus = z.infer<typeof JourneyStatus>;

export const CreateJourneyBody = z
  .object({
    name: Name,
    description: z.string().max(2000).optional(),
    /** smaller runs first when contact caps leave room for one message only */
    priority: z.number().int().min(1).max(1000).default(100),
    definition: JourneyDefinition,
  })
  .strict();
export type CreateJourneyInput = z.input<typeof CreateJourneyBody>;

/** Editing the definition makes a new draft; publishing it makes a new version (people in flight keep theirs). */
export const UpdateJourneyBody = z
  .object({
    name: Name.optional(),
    description: z.string().max(2000).optional(),
    priority: z.number().int().min(1).max(1000).optional(),
    definition: JourneyDefinition.optional(),
  })
  .strict();
export type UpdateJourneyInput = z.input<typeof UpdateJourneyBody>;

export const Journey = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: JourneyStatus,
  priority: z.number().int(),
  /** the draft being edited (equal to the published one when nothing changed) */
  definition: JourneyDefinition,
  /** the version new entrants get; null before the first publish */
  publishedVersion: z.number().int().nullable(),
  /** the draft differs from the published version */
  hasDraft: z.boolean(),
  createdAt: Iso,
  updatedAt: Iso,
});
export type Journey = z.infer<typeof Journey>;
export const JourneyList = z.object({ items: z.array(Journey) });
export type JourneyList = z.infer<typeof JourneyList>;

/** Per step: people who reached it, are waiting on it now, and what sends did. */
export const StepCount = z.object({
  stepId: z.string(),
  reached: z.number().int(),
  waiting: z.number().int(),
  sent: z.number().int(),
  suppressed: z.number().int(),
});

export const GroupEffect = z.object({
  /** an A/B branch name, `all` (no A/B step) or `control` */
  group: z.string(),
  entered: z.number().int(),
  /** got at least one message */
  reached: z.number().int(),
  converted: z.number().int(),
  conversionRate: z.number().nullable(),
  revenue: z.number(),
  revenuePerProfile: z.number().nullable(),
  /** versus control: difference of conversion rates with a 95% CI, and a two-proportion z-test */
  uplift: z
    .object({
      absolute: z.number(),
      relative: z.number().nullable(),
      ci95: z.tuple([z.number(), z.number()]),
      z: z.number(),
      pValue: z.number(),
      significant: z.boolean(),
    })
    .nullable(),
});
export type GroupEffect = z.infer<typeof GroupEffect>;

export const JourneyReport = z.object({
  journeyId: z.string(),
  /** all versions together unless asked */
  version: z.number().int().nullable(),
  groups: z.array(GroupEffect),
  steps: z.array(StepCount),
  active: z.number().int(),
  finished: z.number().int(),
});
export type JourneyReport = z.infer<typeof JourneyReport>;
export const ReportQuery = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();

/** Contact policy across journeys: caps per channel (destination category or `all`) and quiet hours. */
export const ContactPolicy = z
  .object({
    caps: z
      .array(
        z
          .object({
            channel: z.string().min(1).max(32),
            max: z.number().int().min(0).max(1000),
            perDays: z.number().int().min(1).max(365),
          })
          .strict(),
      )
      .max(20)
      .default([]),
    quietHours: z
      .array(z.object({ channel: z.string().min(1).max(32), start: HourMinute, end: HourMinute }).strict())
      .max(20)
      .default([]),
  })
  .strict();
export type ContactPolicy = z.infer<typeof ContactPolicy>;
export type ContactPolicyInput = z.input<typeof ContactPolicy>;
