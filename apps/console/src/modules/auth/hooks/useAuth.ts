import type { LoginBody, Me } from '@cdp/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../../api/client.ts';
import { queryKeys } from '../../../api/queryKeys.ts';

/** The signed-in user; a 401 error means "not signed in". */
export function useMe() {
  return useQuery<Me>({
    queryKey: queryKeys.me,
    queryFn: () => api.auth.me(),
    // An answer from the server (401…) is final; only network / 5xx failures are retried.
    retry: (count, err) => !(isApiError(err) && err.status < 500) && count < 2,
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.auth.login(body),
    onSuccess: (me) => queryClient.setQueryData(queryKeys.me, me),
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.auth.logout(),
    onSuccess: () => {
      // Drop every cached answer once the app has left the signed-in routes.
      setTimeout(() => queryClient.clear(), 0);
    },
  });
}
