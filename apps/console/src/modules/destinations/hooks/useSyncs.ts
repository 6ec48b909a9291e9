import type { CreateSyncInput, UpdateSyncInput } from '@cdp/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { queryKeys } from '../../../api/queryKeys.ts';

/** The syncs of one destination. */
export function useSyncs(destinationId: string) {
  return useQuery({
    queryKey: queryKeys.syncs(destinationId),
    queryFn: () => api.syncs.list(destinationId),
  });
}

/** A sync change may queue or drop deliveries: the destination's queries refresh too. */
function useSyncMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation<O, unknown, I>({
    mutationFn: fn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.syncsAll });
      await queryClient.invalidateQueries({ queryKey: queryKeys.destinationsAll });
    },
  });
}

export function useCreateSync() {
  return useSyncMutation((body: CreateSyncInput) => api.syncs.create(body));
}

export function useUpdateSync() {
  return useSyncMutation(({ id, body }: { id: string; body: UpdateSyncInput }) => api.syncs.update(id, body));
}

export function useRemoveSync() {
  return useSyncMutation((id: string) => api.syncs.remove(id));
}

export function useRunSync() {
  return useSyncMutation((id: string) => api.syncs.run(id));
}
