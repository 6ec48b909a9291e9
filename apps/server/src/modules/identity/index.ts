export {
  applyEvidence,
  type Evidence,
  type GraphUpdate,
  recomputeComponent,
  resolveComponent,
} from './apply-evidence.ts';
export { batchEvents, type EventOwnerKey } from './batch-events.ts';
export {
  type ExtractedIdentifiers,
  extractIdentifiers,
  type IdentityInput,
  type QualityIssue,
} from './evidence/extract-identifiers.ts';
export { observationSet, parseIdentifierKey } from './evidence/observation-set.ts';
export { type AssignmentDiff, diffAssignment } from './graph/diff-assignment.ts';
export { explainLink, type LinkStep } from './graph/explain-link.ts';
export type { Identifier, Observation, ObservationKind } from './graph/observation.ts';
export { identifierKey } from './graph/observation.ts';
export type { Retraction } from './graph/replay-order.ts';
export type { Cluster, Conflict, ConflictReason, Link, Resolution } from './graph/resolution.ts';
export { type ResolveOptions, resolveIdentities } from './graph/resolve-identities.ts';
export { BUILT_IN_IDENTIFIER_TYPES, type IdentifierType } from './identifiers/identifier-types.ts';
export { normalizeEmail } from './identifiers/normalize-email.ts';
export { normalizeIdentifier } from './identifiers/normalize-identifier.ts';
export { likelyE164, normalizePhone } from './identifiers/normalize-phone.ts';
export { matchDecided, matchNotFound } from './identity.errors.ts';
export { type IdentityRuleActions, identityRoutes } from './identity.routes.ts';
export type { IdentityTables } from './identity.tables.ts';
export { graphRepository, type IndexedEvent } from './identity-graph.repository.ts';
export {
  type IdentitySettings,
  loadIdentitySettings,
  saveIdentityTypes,
} from './identity-settings.repository.ts';
export { type CandidateWrite, matchCandidates } from './match-candidates.repository.ts';
export * as matching from './matching/index.ts';
export { type RuleImpact, rebuildGraph } from './rebuild-graph.ts';
