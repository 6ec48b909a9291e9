import type { IngestionStats } from '@cdp/protocol';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { queryKeys } from '../../../api/queryKeys.ts';
import { type RangeKey, rangeQuery } from '../stats.ts';

export const STATS_REFRESH_MS = 10_000;

/** Ingestion stats for a range ending now; refreshed every 10 s (the window moves with it). */
export function useIngestionStats(range: RangeKey) {
  return useQuery<IngestionStats>({
    queryKey: queryKeys.stats(range),
    queryFn: () => api.stats.ingestion(rangeQuery(range)),
    refetchInterval: STATS_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}
