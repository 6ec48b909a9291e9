import { ApiError, createClient } from '@cdp/sdk';

/** The one admin API client of the console: same origin, session cookie (no token in the browser). */
export const api = createClient();

export { ApiError };

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

/** True for "not signed in" answers; those are handled by redirecting to /login, not by retrying. */
export function isUnauthorized(err: unknown): boolean {
  return isApiError(err) && err.status === 401;
}
