import { AppError } from '../../platform/errors.ts';

/** The query module's closed set of error codes. */
export type QueryErrorCode = 'query.invalid_time_zone' | 'query.invalid_as_of';

export const invalidTimeZone = (timeZone: string) =>
  new AppError(
    'invalid',
    'query.invalid_time_zone' satisfies QueryErrorCode,
    `unknown time zone: ${timeZone}`,
    {
      path: 'timeZone',
    },
  );

export const invalidAsOf = () =>
  new AppError('invalid', 'query.invalid_as_of' satisfies QueryErrorCode, 'asOf must be a valid date', {
    path: 'asOf',
  });
