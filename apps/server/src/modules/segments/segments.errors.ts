import { AppError } from '../../platform/errors.ts';

export const audienceNotFound = (id: string) =>
  new AppError('not_found', 'audience_not_found', `Audience ${id} not found`);
export const unknownAudiences = (ids: readonly string[]) =>
  new AppError('invalid', 'unknown_audience', `Unknown audience: ${ids.join(', ')}`, { path: 'source' });
export const audienceCycle = (path: readonly string[]) =>
  new AppError('invalid', 'audience_cycle', `An audience cannot depend on itself: ${path.join(' → ')}`, {
    path: 'source',
  });
export const noUsableIdentifiers = () =>
  new AppError('invalid', 'no_usable_identifiers', 'None of the uploaded identifiers is usable', {
    path: 'source.identifiers',
  });
export const profileNotFound = (id: string) =>
  new AppError('not_found', 'profile_not_found', `Profile ${id} not found`);
