import { AppError } from '../../platform/errors.ts';

export const unauthorized = (why: string) => new AppError('unauthorized', 'unauthorized', why);
export const sourceDisabled = () =>
  new AppError('unauthorized', 'source_disabled', 'This source is disabled');
export const overloaded = () =>
  new AppError('unavailable', 'overloaded', 'Too many messages are waiting to be stored; retry shortly', {
    retryAfterSeconds: 1,
  });
export const storageUnavailable = () =>
  new AppError('unavailable', 'unavailable', 'The event store is unavailable; retry shortly', {
    retryAfterSeconds: 5,
  });
export const quarantineNotFound = (id: string) =>
  new AppError('not_found', 'quarantine_not_found', `Quarantined message ${id} not found`);
export const alreadyResolved = (id: string, status: string) =>
  new AppError('conflict', 'already_resolved', `Quarantined message ${id} is already ${status}`);
