import { AppError } from '../../platform/errors.ts';

export const profileNotFound = (id: string) =>
  new AppError('not_found', 'profile_not_found', `Profile ${id} not found`);
export const identifierNotFound = (type: string, value: string) =>
  new AppError('not_found', 'identifier_not_found', `No profile has ${type} ${value}`);
export const invalidIdentifier = (type: string, reason: string) =>
  new AppError('invalid', 'invalid_identifier', `Not a usable ${type}: ${reason}`, { path: 'value' });
export const identifierNotInProfile = (key: string, profileId: string) =>
  new AppError('invalid', 'identifier_not_in_profile', `${key} does not belong to profile ${profileId}`);
export const evidenceNotInProfile = (evidenceId: string, profileId: string) =>
  new AppError(
    'invalid',
    'evidence_not_in_profile',
    `Evidence ${evidenceId} links nothing in profile ${profileId}`,
  );
export const tooManyLookups = () =>
  new AppError('unavailable', 'overloaded', 'Too many profile reads are waiting; retry shortly', {
    retryAfterSeconds: 1,
  });
