import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, isUnauthorized } from './client.ts';
import { queryKeys } from './queryKeys.ts';

/** Don't retry answers the server gave on purpose (4xx); retry network and 5xx failures twice. */
function shouldRetry(failureCount: number, err: unknown): boolean {
  if (isApiError(err) && err.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  // A 401 anywhere means the session expired: re-check `auth.me`, whose 401 sends the user to /login.
  const onError = (err: unknown): void => {
    if (isUnauthorized(err)) void client.invalidateQueries({ queryKey: queryKeys.me });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (err, query) => {
        if (query.queryKey[0] !== queryKeys.me[0]) onError(err);
      },
    }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 5_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
