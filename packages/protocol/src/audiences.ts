import { z } from 'zod';
import { AudienceId, Condition, Definition } from './definitions.ts';

/** Audience API shapes (`/api/v1/audiences`): 人群圈选 by definition, file or combination. */

const Iso = z.string().describe('ISO-8601 date-time');

export const AUDIENCE_STATUSES = ['active', 'paused', 'archived'] as const;
export const AudienceStatus = z.enum(AUDIENCE_STATUSES);
export type AudienceStatus = z.infer<typeof AudienceStatus>;

/** One identifier of a file audience, normalised like incoming data (`phone` → E.164 …). */
export const FileIdentifier = z.object({
  type: z.string().min(1).max(64),
  value: z.string().min(1).max(512),
});
export type FileIdentifier = z.infer<typeof FileIdentifier>;

export const COMBINATION_OPERATORS = ['union', 'intersection', 'exclusion'] as const;
/** `exclusion`: members of the first audience that are in none of the others. */
export const Combination = z.object({
  operator: z.enum(COMBINATION_OPERATORS),
  audiences: z.array(AudienceId).min(2).max(20),
});
export type Combination = z.infer<typeof Combination>;

/** How an audience selects its members: a definition, a list of identifiers, or other audiences. */
export const AudienceSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rule'), definition: Definition }),
  z.object({
    kind: z.literal('file'),
    identifiers: z.array(FileIdentifier).min(1).max(1_000_000),
  }),
  z.object({ kind: z.literal('combination'), combination: Combination }),
]);
export type AudienceSource = z.infer<typeof AudienceSource>;

const Name = z.string().trim().min(1).max(200);

export const CreateAudienceBody = z
  .object({
    name: Name,
    description: z.string().max(2000).optional(),
    source: AudienceSource,
    status: z.enum(['active', 'paused']).default('active'),
  })
  .strict();
export type CreateAudienceBody = z.infer<typeof CreateAudienceBody>;
export type CreateAudienceInput = z.input<typeof CreateAudienceBody>;

export const UpdateAudienceBody = z
  .object({
    name: Name.optional(),
    description: z.string().max(2000).optional(),
    source: AudienceSource.optional(),
    status: AudienceStatus.optional(),
  })
  .strict();
export type UpdateAudienceBody = z.infer<typeof UpdateAudienceBody>;
export type UpdateAudienceInput = z.input<typeof UpdateAudienceBody>;

export const AudienceRunSummary = z.object({
  id: z.string(),
  reason: z.enum(['created', 'changed', 'schedule', 'manual']),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  version: z.number().int(),
  before: z.number().int().nullable(),
  after: z.number().int().nullable(),
  entered: z.number().int().nullable(),
  exited: z.number().int().nullable(),
  error: z.string().nullable(),
  createdAt: Iso,
  finishedAt: Iso.nullable(),
});
export type AudienceRunSummary = z.infer<typeof AudienceRunSummary>;

export const Audience = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  kind: z.enum(['rule', 'file', 'combination']),
  /** The definition evaluated (for combinations: the audience conditions they stand for). */
  definition: Condition.nullable(),
  combination: Combination.nullable(),
  /** File audiences: how many identifiers were uploaded and how many of them no profile holds. */
  fileIdentifiers: z.object({ total: z.number().int(), unmatched: z.number().int() }).nullable(),
  status: AudienceStatus,
  version: z.number().int(),
  size: z.number().int(),
  /** Conditions relative to "now" are re-checked on a schedule. */
  timeRelative: z.boolean(),
  dependencies: z.object({
    traits: z.array(z.string()),
    events: z.array(z.string()),
    anyEvent: z.boolean(),
    tags: z.array(z.string()),
    audiences: z.array(z.string()),
    identifierTypes: z.array(z.string()),
  }),
  computedAt: Iso.nullable(),
  lastRun: AudienceRunSummary.nullable(),
  createdAt: Iso,
  updatedAt: Iso,
});
export type Audience = z.infer<typeof Audience>;

export const AudienceList = z.object({ items: z.array(Audience) });
export type AudienceList = z.infer<typeof AudienceList>;

export const MemberSummary = z.object({
  profileId: z.string(),
  name: z.string().nullable(),
  enteredAt: Iso,
});
export type MemberSummary = z.infer<typeof MemberSummary>;

export const EstimateBody = z.object({ source: AudienceSource }).strict();
export type EstimateBody = z.infer<typeof EstimateBody>;
export type EstimateInput = z.input<typeof EstimateBody>;

export const AudienceEstimate = z.object({
  size: z.number().int(),
  profiles: z.number().int().describe('all profiles of the workspace'),
  sample: z.array(z.object({ profileId: z.string(), name: z.string().nullable() })),
  elapsedMs: z.number(),
});
export type AudienceEstimate = z.infer<typeof AudienceEstimate>;

export const MembersQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    after: z.string().max(200).optional().describe('profile id to continue after'),
  })
  .strict();
export type MembersQueryInput = z.input<typeof MembersQuery>;

export const MemberPage = z.object({ items: z.array(MemberSummary), next: z.string().nullable() });
export type MemberPage = z.infer<typeof MemberPage>;

export const AudienceChange = z.object({
  seq: z.string(),
  audienceId: z.string(),
  profileId: z.string(),
  change: z.enum(['enter', 'exit']),
  at: Iso,
  /** Why: `event` (with event names), `profile` (traits, merge, split), `schedule`, `definition`, `tag`, `audience`. */
  cause: z.record(z.string(), z.unknown()),
});
export type AudienceChange = z.infer<typeof AudienceChange>;

export const ChangesQuery = z
  .object({
    after: z.string().regex(/^\d+$/).optional(),
    audienceId: z.string().max(200).optional(),
    profileId: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();
export type ChangesQueryInput = z.input<typeof ChangesQuery>;

export const ChangePage = z.object({ items: z.array(AudienceChange), next: z.string().nullable() });
export type ChangePage = z.infer<typeof ChangePage>;

export const TrendQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }).strict();
export const AudienceTrend = z.object({
  points: z.array(
    z.object({
      day: z.string(),
      size: z.number().int(),
      entered: z.number().int(),
      exited: z.number().int(),
    }),
  ),
});
export type AudienceTrend = z.infer<typeof AudienceTrend>;

export const OverlapQuery = z
  .object({ ids: z.string().min(1).max(2000).describe('comma-separated ids') })
  .strict();
export const AudienceOverlap = z.object({
  audiences: z.array(z.object({ id: z.string(), name: z.string(), size: z.number().int() })),
  /** Both members, per pair (i < j). */
  pairs: z.array(z.object({ a: z.string(), b: z.string(), both: z.number().int() })),
});
export type AudienceOverlap = z.infer<typeof AudienceOverlap>;

/** "Why is this person (not) in this audience": per condition, what held and what was seen. */
export interface ExplanationNode {
  key: string;
  kind: string;
  held: boolean;
  observed?: Record<string, unknown>;
  children?: ExplanationNode[];
}
export const ExplanationNode: z.ZodType<ExplanationNode> = z.lazy(() =>
  z.object({
    key: z.string(),
    kind: z.string(),
    held: z.boolean(),
    observed: z.record(z.string(), z.unknown()).optional(),
    children: z.array(ExplanationNode).optional(),
  }),
);

export const MembershipExplanation = z.object({
  audienceId: z.string(),
  profileId: z.string(),
  member: z.boolean(),
  /** What the definition says now (the same as `member` unless a change is still being applied). */
  matches: z.boolean(),
  enteredAt: Iso.nullable(),
  explanation: ExplanationNode.nullable(),
  /** File audiences: the uploaded identifiers this profile holds. */
  matchedIdentifiers: z.array(z.string()).nullable(),
  lastChange: AudienceChange.nullable(),
});
export type MembershipExplanation = z.infer<typeof MembershipExplanation>;

export const ProfileAudiences = z.object({
  items: z.array(z.object({ audienceId: z.string(), name: z.string(), enteredAt: Iso })),
});
export type ProfileAudiences = z.infer<typeof ProfileAudiences>;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const ExportQuery = z
  .object({
    format: z.enum(EXPORT_FORMATS).default('csv'),
    identifiers: z.string().max(500).optional().describe('comma-separated identifier types'),
    traits: z.string().max(2000).optional().describe('comma-separated trait names'),
  })
  .strict();
export type ExportQueryInput = z.input<typeof ExportQuery>;
