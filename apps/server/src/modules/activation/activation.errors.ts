import { AppError } from '../../platform/errors.ts';

export const destinationNotFound = (id: string) =>
  new AppError('not_found', 'destination_not_found', `Destination ${id} not found`);
export const syncNotFound = (id: string) =>
  new AppError('not_found', 'sync_not_found', `Sync ${id} not found`);
export const unknownDestinationType = (type: string) =>
  new AppError('invalid', 'unknown_destination_type', `Unknown destination type: ${type}`, { path: 'type' });
export const invalidDestinationConfig = (message: string, path: string, details?: unknown) =>
  new AppError('invalid', 'invalid_destination_config', message, { path: `config.${path}`, details });
export const destinationInUse = (id: string, syncs: readonly string[]) =>
  new AppError('conflict', 'destination_in_use', `Destination ${id} is used by syncs: ${syncs.join(', ')}`);
export const unsupportedSync = (type: string, kind: string) =>
  new AppError('invalid', 'unsupported_sync', `A ${type} destination does not take ${kind} deliveries`, {
    path: 'spec',
  });
export const invalidSchedule = (message: string) =>
  new AppError('invalid', 'invalid_schedule', message, { path: 'schedule' });
export const unknownAudience = (id: string) =>
  new AppError('invalid', 'unknown_audience', `Unknown audience: ${id}`, { path: 'spec.audienceId' });
export const unknownSource = (ids: readonly string[]) =>
  new AppError('invalid', 'unknown_source', `Unknown source: ${ids.join(', ')}`, {
    path: 'spec.filter.sources',
  });
