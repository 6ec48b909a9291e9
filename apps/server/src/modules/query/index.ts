export { type Clock, clockOf, DEFAULT_TIME_ZONE, type EvaluationOptions } from './clock.ts';
export {
  type CompileOptions,
  compileAllForWorkspace,
  compileDefinition,
  compileForWorkspace,
  compilePredicate,
  countProfiles,
  explainProfiles,
  selectProfileIds,
} from './compile-definition.ts';
export {
  ANY_EVENT,
  type Dependencies,
  dependencies,
  eventLookback,
  eventPropertyReads,
  mergeLookbacks,
} from './dependencies.ts';
export { evaluate } from './evaluate.ts';
export { compileEventScope, inEventScope, propertyPath } from './event-scope.ts';
export type { Explanation } from './explanation.ts';
export type { ProfileEvent, ProfileSnapshot } from './profile-snapshot.ts';
export type { QueryErrorCode } from './query.errors.ts';
export { vocabularyRoutes } from './vocabulary.routes.ts';
