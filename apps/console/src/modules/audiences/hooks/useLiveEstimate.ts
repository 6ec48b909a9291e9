import type { AudienceSource } from '@cdp/protocol';
import { useAudienceEstimate } from './useAudiences.ts';
import { useDebouncedValue } from './useDebouncedValue.ts';

/** The estimate of a source being edited, asked 400 ms after the last edit; `fresh` once it matches the edit. */
export function useLiveEstimate(source: AudienceSource | null) {
  const settled = useDebouncedValue(source, 400);
  const query = useAudienceEstimate(settled);
  const fresh = JSON.stringify(settled) === JSON.stringify(source) && !query.isFetching;
  return { query, fresh };
}

export type LiveEstimate = ReturnType<typeof useLiveEstimate>;
