import { AppError } from '../../platform/errors.ts';

export const sourceNotFound = (id: string) =>
  new AppError('not_found', 'source_not_found', `Source ${id} not found`);
