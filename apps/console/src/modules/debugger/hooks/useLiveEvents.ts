import type { StoredEvent } from '@cdp/protocol';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { api } from '../../../api/client.ts';
import { queryKeys } from '../../../api/queryKeys.ts';
import { compareIds, mergeEvents } from '../live.ts';

const PAGE = 50;

/**
 * The debugger's event list: the latest page from `events.list` merged with live frames.
 * While paused, new frames wait in `pending` and are merged on resume.
 */
export function useLiveEvents(sourceId: string | undefined, type: string | undefined) {
  const query = useQuery({
    queryKey: queryKeys.events({ sourceId, type, limit: PAGE }),
    queryFn: () => api.events.list({ sourceId, type, limit: PAGE }),
  });
  const [live, setLive] = useState<StoredEvent[]>([]);
  const [pending, setPending] = useState<StoredEvent[]>([]);
  const [paused, setPausedState] = useState(false);
  const [clearedAfter, setClearedAfter] = useState<string | null>(null);
  const pausedRef = useRef(false);

  const add = useCallback((events: StoredEvent[]) => {
    if (pausedRef.current) setPending((p) => mergeEvents([p, events]));
    else setLive((l) => mergeEvents([l, events]));
  }, []);

  const setPaused = useCallback(
    (value: boolean) => {
      pausedRef.current = value;
      setPausedState(value);
      if (!value) {
        setLive((l) => mergeEvents([l, pending]));
        setPending([]);
      }
    },
    [pending],
  );

  const events = useMemo(() => {
    const all = mergeEvents([query.data?.items ?? [], live]);
    const visible = clearedAfter ? all.filter((e) => compareIds(e.id, clearedAfter) > 0) : all;
    return sourceId ? visible.filter((e) => e.sourceId === sourceId) : visible;
  }, [query.data, live, clearedAfter, sourceId]);

  const clear = useCallback(() => {
    if (events.length) setClearedAfter(events[0].id);
  }, [events]);

  const reload = useCallback(() => void query.refetch(), [query]);

  return { events, query, add, paused, setPaused, pendingCount: pending.length, clear, reload };
}
