import { ApiError } from '@cdp/sdk';

/** A translation key plus its values, so that the wording stays in the i18n files. */
export type ErrorText =
  | { key: 'errors.network' | 'errors.badResponse' | 'errors.unauthorized' | 'errors.forbidden' }
  | { key: 'errors.notFound' | 'errors.rateLimited' | 'errors.unknown' }
  | { key: 'errors.server' | 'errors.withCode'; values: { message: string; code: string } }
  | { key: 'errors.invalidJson'; values: { message: string } };

/** Maps anything thrown by the SDK (or fetch) to a user-facing message. Pure: unit-tested. */
export function errorText(err: unknown): ErrorText {
  if (err instanceof ApiError) {
    if (err.status === 401) return { key: 'errors.unauthorized' };
    if (err.status === 403) return { key: 'errors.forbidden' };
    if (err.status === 404) return { key: 'errors.notFound' };
    if (err.status === 429) return { key: 'errors.rateLimited' };
    const values = { message: err.message || String(err.status), code: err.code };
    return err.status >= 500 ? { key: 'errors.server', values } : { key: 'errors.withCode', values };
  }
  // fetch() rejects with a TypeError when the server is unreachable.
  if (err instanceof TypeError) return { key: 'errors.network' };
  // The SDK parses every body as JSON; a proxy error page (HTML) ends up here.
  if (err instanceof SyntaxError) return { key: 'errors.badResponse' };
  return { key: 'errors.unknown' };
}
