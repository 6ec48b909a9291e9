export {
  clearTag,
  computeTag,
  computeTagsForProfiles,
  recomputeScheduledTags,
  type TagsDb,
} from './compute-tags.ts';
export type { ComputableTag } from './desired-values.ts';
export { mostFrequent } from './most-frequent.ts';
export { evaluateCases } from './ordered-cases.ts';
export { quantileScores, RFM_GROUPS, rfmGroup, thresholdScore } from './rfm-scoring.ts';
export type { TagChanges } from './tag-dependencies.ts';
export { casesOf } from './tag-spec.ts';
export { tagsRoutes } from './tags.routes.ts';
export { TagsService } from './tags.service.ts';
export type { TraitsErrorCode } from './traits.errors.ts';
export type { TraitsTables } from './traits.tables.ts';
