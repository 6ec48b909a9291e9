import type { EventQueryInput, QuarantineQueryInput } from '@cdp/protocol';

/** All TanStack Query keys in one place, so invalidations cannot drift from the queries. */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  health: ['health'] as const,
  sources: ['sources'] as const,
  events: (query: EventQueryInput) => ['events', query] as const,
  quarantine: (query: QuarantineQueryInput) => ['quarantine', query] as const,
  quarantineAll: ['quarantine'] as const,
  stats: (range: string) => ['stats', 'ingestion', range] as const,
  destinationTypes: ['destinationTypes'] as const,
  destinationsAll: ['destinations'] as const,
  destinations: ['destinations', 'list'] as const,
  destination: (id: string) => ['destinations', 'byId', id] as const,
  destinationMetrics: (id: string) => ['destinations', 'byId', id, 'metrics'] as const,
  deliveries: (id: string, status?: string) => ['destinations', 'byId', id, 'deliveries', status] as const,
  syncs: (destinationId?: string) => ['syncs', destinationId] as const,
  syncsAll: ['syncs'] as const,
};
