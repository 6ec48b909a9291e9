import type { QuarantineItem } from '@cdp/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { api } from '../../../api/client.ts';
import { queryKeys } from '../../../api/queryKeys.ts';
import { mergeQuarantine } from '../live.ts';

/** Pending quarantined messages: `quarantine.list({status:'pending'})` merged with live frames. */
export function useLiveQuarantine(sourceId: string | undefined) {
  const query = useQuery({
    queryKey: queryKeys.quarantine({ status: 'pending', sourceId, limit: 100 }),
    queryFn: () => api.quarantine.list({ status: 'pending', sourceId, limit: 100 }),
  });
  const [live, setLive] = useState<QuarantineItem[]>([]);

  /** Adds live frames, or fresher versions of known items (after a replay / discard). */
  const add = useCallback((items: QuarantineItem[]) => setLive((l) => mergeQuarantine([l, items])), []);

  const items = useMemo(
    () =>
      mergeQuarantine([query.data?.items ?? [], live]).filter(
        (i) => i.status === 'pending' && (!sourceId || i.sourceId === sourceId),
      ),
    [query.data, live, sourceId],
  );

  const reload = useCallback(() => void query.refetch(), [query]);
  return { items, query, add, reload };
}

export function useReplayQuarantine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, payload }: { id: string; payload?: unknown }) => api.quarantine.replay(id, payload),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.quarantineAll });
      void queryClient.invalidateQueries({ queryKey: ['events'] });
    },
  });
}

export function useDiscardQuarantine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.quarantine.discard(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.quarantineAll }),
  });
}
