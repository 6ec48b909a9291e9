import { ApiError } from '@cdp/sdk';
import { describe, expect, it } from 'vitest';
import { errorText } from './errors.ts';

describe('errorText', () => {
  it('maps well-known HTTP statuses', () => {
    expect(errorText(new ApiError(401, 'unauthorized', 'no session'))).toEqual({
      key: 'errors.unauthorized',
    });
    expect(errorText(new ApiError(403, 'forbidden', 'x'))).toEqual({ key: 'errors.forbidden' });
    expect(errorText(new ApiError(404, 'not_found', 'x'))).toEqual({ key: 'errors.notFound' });
    expect(errorText(new ApiError(429, 'rate_limited', 'x'))).toEqual({ key: 'errors.rateLimited' });
  });

  it('keeps the server message and code for other errors', () => {
    expect(errorText(new ApiError(400, 'invalid_body', 'name is required'))).toEqual({
      key: 'errors.withCode',
      values: { message: 'name is required', code: 'invalid_body' },
    });
    expect(errorText(new ApiError(503, 'unavailable', 'db down'))).toEqual({
      key: 'errors.server',
      values: { message: 'db down', code: 'unavailable' },
    });
  });

  it('recognises network and parse failures', () => {
    expect(errorText(new TypeError('Failed to fetch'))).toEqual({ key: 'errors.network' });
    expect(errorText(new SyntaxError('Unexpected token <'))).toEqual({ key: 'errors.badResponse' });
    expect(errorText('boom')).toEqual({ key: 'errors.unknown' });
  });
});
