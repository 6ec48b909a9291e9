export {
  applyProfileUpdates,
  type ProfileUpdateResult,
  type TraitEvidence,
} from './apply-profile-updates.ts';
export { loadTraitRules, replaceTraitStates } from './profile-store.repository.ts';
export { evidenceNotInProfile, identifierNotInProfile } from './profiles.errors.ts';
export { profilesRoutes } from './profiles.routes.ts';
export { ProfilesService, type TimelineOwner, type TimelineReader } from './profiles.service.ts';
export type { ProfilesTables } from './profiles.tables.ts';
export { normalizeDate } from './standardize/normalize-date.ts';
export { normalizeGender } from './standardize/normalize-gender.ts';
export { normalizeName } from './standardize/normalize-name.ts';
export { normalizeCity, normalizeProvince } from './standardize/normalize-region.ts';
export { cleanTraits } from './traits/clean-traits.ts';
export { type ResolvedTraits, resolveTraits, type TraitRule } from './traits/survivorship.ts';
export {
  assertTraits,
  mergeTraitStates,
  type TraitAssertion,
  type TraitState,
} from './traits/trait-state.ts';
