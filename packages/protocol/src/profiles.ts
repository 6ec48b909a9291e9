import { z } from 'zod';
import { StoredEvent } from './api.ts';

/** Profile API shapes (`/api/v1/profiles`, `/api/v1/identity`). Dates travel as ISO-8601 strings. */

const Iso = z.string().describe('ISO-8601 date-time');

export const ProfileIdentifier = z.object({
  type: z.string(),
  value: z.string(),
  firstSeenAt: Iso,
});
export type ProfileIdentifier = z.infer<typeof ProfileIdentifier>;

export const TraitSource = z.object({ at: Iso, sourceId: z.string() });

export const Profile = z.object({
  id: z.string(),
  /** Set when the id asked for was merged into (or renamed to) this profile. */
  redirectedFrom: z.string().nullable(),
  name: z.string().nullable(),
  traits: z.record(z.string(), z.unknown()),
  /** Per trait: event time and source of the value that won (latest event time by default). */
  traitSources: z.record(z.string(), TraitSource),
  identifiers: z.array(ProfileIdentifier),
  /** Consent per purpose (`{ marketing: { granted: false, at, source } }`): checked before every delivery. */
  consent: z.record(z.string(), z.unknown()),
  firstSeenAt: Iso,
  createdAt: Iso,
  updatedAt: Iso,
});
export type Profile = z.infer<typeof Profile>;

export const ProfileSummary = Profile.pick({
  id: true,
  name: true,
  firstSeenAt: true,
  updatedAt: true,
}).extend({
  identifiers: z.array(ProfileIdentifier.pick({ type: true, value: true })),
});
export type ProfileSummary = z.infer<typeof ProfileSummary>;

export const PROFILE_SEARCH_FIELDS = ['any', 'name', 'phone', 'email', 'member_id', 'user_id'] as const;
export const ProfileSearchQuery = z
  .object({
    q: z.string().trim().min(1).max(200),
    field: z.enum(PROFILE_SEARCH_FIELDS).default('any'),
    match: z.enum(['prefix', 'exact']).default('prefix'),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type ProfileSearchQuery = z.infer<typeof ProfileSearchQuery>;
export type ProfileSearchQueryInput = z.input<typeof ProfileSearchQuery>;

export const ProfileList = z.object({ items: z.array(ProfileSummary) });
export type ProfileList = z.infer<typeof ProfileList>;

export const IdentifierQuery = z
  .object({ type: z.string().min(1).max(64), value: z.string().min(1).max(512) })
  .strict();
export type IdentifierQuery = z.infer<typeof IdentifierQuery>;

export const TimelineQuery = z
  .object({
    type: z.string().optional(),
    event: z.string().max(512).optional(),
    sourceId: z.string().optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    before: z
      .string()
      .regex(/^\d+\.\d+$/)
      .optional()
      .describe('Cursor from a previous page'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type TimelineQuery = z.infer<typeof TimelineQuery>;
export type TimelineQueryInput = z.input<typeof TimelineQuery>;

export const TimelinePage = z.object({ items: z.array(StoredEvent), nextCursor: z.string().nullable() });
export type TimelinePage = z.infer<typeof TimelinePage>;

export const ProfileHistoryEntry = z.object({
  id: z.string(),
  kind: z.enum(['created', 'merged', 'split', 'renamed']),
  details: z.record(z.string(), z.unknown()),
  at: Iso,
});
export const ProfileHistory = z.object({ items: z.array(ProfileHistoryEntry) });
export type ProfileHistory = z.infer<typeof ProfileHistory>;

const IdentifierRef = z.object({ type: z.string(), value: z.string() });

export const EvidenceLink = z.object({
  evidenceId: z.string().describe('`sourceId/messageId` of the event or import row, or the operator action'),
  kind: z.enum(['event', 'identify', 'alias', 'import', 'manual', 'probabilistic']),
  at: Iso,
  identifiers: z.array(IdentifierRef),
});

export const IdentityConflict = z.object({
  evidenceId: z.string(),
  reason: z.enum(['limit_exceeded', 'junk']),
  leftOut: z.array(IdentifierRef),
  at: Iso,
});

/** A profile's part of the identity graph: identifiers, the evidence linking them, what was left out. */
export const ProfileGraph = z.object({
  profileId: z.string(),
  identifiers: z.array(ProfileIdentifier),
  links: z.array(EvidenceLink),
  conflicts: z.array(IdentityConflict),
});
export type ProfileGraph = z.infer<typeof ProfileGraph>;

export const ExplainQuery = z.object({ from: z.string().min(3), to: z.string().min(3) }).strict();
export const LinkExplanation = z.object({
  profileId: z.string(),
  from: IdentifierRef,
  to: IdentifierRef,
  /** The chain of evidence from `from` to `to`; empty when they are not in one profile. */
  path: z.array(
    z.object({ evidenceId: z.string(), kind: z.string(), at: Iso, from: IdentifierRef, to: IdentifierRef }),
  ),
  linked: z.boolean(),
});
export type LinkExplanation = z.infer<typeof LinkExplanation>;

/** Split a wrongly merged profile: take an identifier out of the graph, or retract one link's evidence. */
export const SplitBody = z
  .object({
    identifier: IdentifierRef.optional(),
    evidenceId: z.string().optional(),
    reason: z.string().max(500).optional(),
  })
  .strict()
  .refine((b) => (b.identifier ? 1 : 0) + (b.evidenceId ? 1 : 0) === 1, {
    message: 'Give exactly one of identifier or evidenceId',
  });
export type SplitBody = z.infer<typeof SplitBody>;

export const SplitResult = z.object({ profiles: z.array(z.string()) });
export type SplitResult = z.infer<typeof SplitResult>;

export const IDENTIFIER_FORMATS = ['email', 'phone', 'wechat', 'text'] as const;

/** An identifier type: what links profiles, with its priority, per-profile limit and junk values. */
export const IdentifierTypeDef = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'lower-case letters, digits and _'),
    priority: z.number().int().min(0).max(1000),
    maxPerProfile: z.number().int().min(1).max(1000),
    format: z.enum(IDENTIFIER_FORMATS),
    scope: z.literal('app_id').optional(),
    parent: z.string().optional(),
    traitKeys: z.array(z.string().min(1).max(100)).max(20),
    junkValues: z.array(z.string().max(256)).max(1000),
  })
  .strict();
export type IdentifierTypeDef = z.infer<typeof IdentifierTypeDef>;

export const IdentityRules = z
  .object({ types: z.array(IdentifierTypeDef).min(2).max(50) })
  .strict()
  .refine((r) => new Set(r.types.map((t) => t.name)).size === r.types.length, {
    message: 'Identifier type names must be unique',
    path: ['types'],
  })
  .refine((r) => ['user_id', 'anonymous_id'].every((n) => r.types.some((t) => t.name === n)), {
    message: 'user_id and anonymous_id cannot be removed',
    path: ['types'],
  });
export type IdentityRules = z.infer<typeof IdentityRules>;

export const IdentitySettings = z.object({
  types: z.array(IdentifierTypeDef),
  version: z.number().int(),
  updatedAt: Iso.nullable(),
});
export type IdentitySettings = z.infer<typeof IdentitySettings>;

export const RuleImpact = z.object({
  profilesBefore: z.number().int(),
  profilesAfter: z.number().int(),
  merges: z.number().int(),
  splits: z.number().int(),
  created: z.number().int(),
  removed: z.number().int(),
  movedIdentifiers: z.number().int(),
});
export type RuleImpact = z.infer<typeof RuleImpact>;

export const DataQualityQuery = z
  .object({ days: z.coerce.number().int().min(1).max(366).default(30) })
  .strict();
export const DataQuality = z.object({
  items: z.array(z.object({ sourceId: z.string(), metric: z.string(), count: z.number().int() })),
});
export type DataQuality = z.infer<typeof DataQuality>;

export const ConflictList = z.object({
  items: z.array(IdentityConflict.extend({ profileId: z.string().nullable() })),
});
export type ConflictList = z.infer<typeof ConflictList>;

export const MATCH_STATUSES = ['pending', 'auto_merged', 'merged', 'rejected'] as const;

/** A pair of profiles scored by probabilistic matching: auto-merged, or waiting for a reviewer. */
export const MatchCandidate = z.object({
  id: z.string(),
  left: IdentifierRef,
  right: IdentifierRef,
  leftProfileId: z.string(),
  rightProfileId: z.string(),
  probability: z.number(),
  score: z.number(),
  /** Per field: the comparison level and its weight (they add up to the score). */
  explanation: z.array(z.object({ field: z.string(), level: z.string().nullable(), weight: z.number() })),
  status: z.enum(MATCH_STATUSES),
  createdAt: Iso,
  decidedAt: Iso.nullable(),
});
export type MatchCandidate = z.infer<typeof MatchCandidate>;

export const MatchQuery = z
  .object({
    status: z.enum(MATCH_STATUSES).default('pending'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export type MatchQueryInput = z.input<typeof MatchQuery>;
export const MatchList = z.object({ items: z.array(MatchCandidate) });
export type MatchList = z.infer<typeof MatchList>;

export const MatchRunResult = z.object({
  records: z.number().int().describe('Profiles with enough traits to compare'),
  candidatePairs: z.number().int(),
  autoMerged: z.number().int(),
  queuedForReview: z.number().int(),
});
export type MatchRunResult = z.infer<typeof MatchRunResult>;
