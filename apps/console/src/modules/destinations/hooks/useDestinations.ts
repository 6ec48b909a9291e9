import type {
  CreateDestinationInput,
  DeliveryPage,
  Destination,
  DestinationMetrics,
  ReplayDeliveriesBody,
  UpdateDestinationInput,
} from '@cdp/protocol';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { queryKeys } from '../../../api/queryKeys.ts';
import type { DeliveryFilter } from '../options.ts';

/** How often the delivery overview refreshes itself while shown. */
export const METRICS_REFRESH_MS = 3_000;

export function useDestinationTypes() {
  return useQuery({
    queryKey: queryKeys.destinationTypes,
    queryFn: () => api.destinations.types(),
    staleTime: 10 * 60_000,
  });
}

export function useDestinations() {
  return useQuery({ queryKey: queryKeys.destinations, queryFn: () => api.destinations.list() });
}

/** `refreshMs`: poll, so that a destination the worker disables (HTTP 410) shows it by itself. */
export function useDestination(id: string, refreshMs: number | false = false) {
  return useQuery<Destination>({
    queryKey: queryKeys.destination(id),
    queryFn: () => api.destinations.get(id),
    enabled: id !== '',
    refetchInterval: refreshMs,
  });
}

export function useDestinationMetrics(id: string, refreshMs: number | false = METRICS_REFRESH_MS) {
  return useQuery<DestinationMetrics>({
    queryKey: queryKeys.destinationMetrics(id),
    queryFn: () => api.destinations.metrics(id),
    refetchInterval: refreshMs,
  });
}

/** Deliveries newest first, a page at a time (`before` = the last id of the previous page). */
export function useDeliveries(id: string, filter: DeliveryFilter, limit = 50) {
  const status = filter === 'all' ? undefined : filter;
  return useInfiniteQuery({
    queryKey: [...queryKeys.deliveries(id, status), limit],
    queryFn: ({ pageParam }) => api.destinations.deliveries(id, { status, before: pageParam, limit }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: DeliveryPage) => last.next ?? undefined,
    refetchInterval: METRICS_REFRESH_MS * 2,
  });
}

/** Every change to a destination refreshes its queries and the list. */
function useDestinationMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation<O, unknown, I>({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.destinationsAll }),
  });
}

export function useSaveDestination(id: string | null) {
  return useDestinationMutation((body: CreateDestinationInput | UpdateDestinationInput) =>
    id === null ? api.destinations.create(body as CreateDestinationInput) : api.destinations.update(id, body),
  );
}

export function useSetDestinationEnabled() {
  return useDestinationMutation(({ id, enabled }: { id: string; enabled: boolean }) =>
    api.destinations.update(id, { enabled }),
  );
}

export function useRemoveDestination() {
  return useDestinationMutation((id: string) => api.destinations.remove(id));
}

export function useReplayDeliveries(id: string) {
  return useDestinationMutation((body: ReplayDeliveriesBody) => api.destinations.replay(id, body));
}

/** A test message sent at once; its outcome is the result, nothing is cached. */
export function useTestDestination() {
  return useMutation({ mutationFn: (id: string) => api.destinations.test(id) });
}
