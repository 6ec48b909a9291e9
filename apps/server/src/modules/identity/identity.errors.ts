import { AppError } from '../../platform/errors.ts';

export const matchNotFound = (id: string) =>
  new AppError('not_found', 'match_not_found', `Match ${id} not found`);
export const matchDecided = (id: string, status: string) =>
  new AppError('conflict', 'match_already_decided', `Match ${id} is already ${status}`);
