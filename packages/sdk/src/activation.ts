import type {
  CreateDestinationInput,
  CreateSyncInput,
  DeliveriesQuery,
  DeliveryPage,
  Destination,
  DestinationList,
  DestinationMetrics,
  DestinationTypeInfo,
  ReplayDeliveriesBody,
  Sync,
  SyncList,
  UpdateDestinationInput,
  UpdateSyncInput,
} from '@cdp/protocol';
import type { Query, RequestFn } from './index.ts';

const id = encodeURIComponent;

/** Destinations (types, CRUD, overview, deliveries, replay, test sends). */
export function destinationsClient(request: RequestFn) {
  return {
    types: () => request<{ items: DestinationTypeInfo[] }>('GET', '/destination-types'),
    list: () => request<DestinationList>('GET', '/destinations'),
    get: (destinationId: string) => request<Destination>('GET', `/destinations/${id(destinationId)}`),
    create: (body: CreateDestinationInput) => request<Destination>('POST', '/destinations', body),
    update: (destinationId: string, body: UpdateDestinationInput) =>
      request<Destination>('PATCH', `/destinations/${id(destinationId)}`, body),
    remove: (destinationId: string) => request<null>('DELETE', `/destinations/${id(destinationId)}`),
    metrics: (destinationId: string) =>
      request<DestinationMetrics>('GET', `/destinations/${id(destinationId)}/metrics`),
    deliveries: (destinationId: string, query: DeliveriesQuery = {}) =>
      request<DeliveryPage>(
        'GET',
        `/destinations/${id(destinationId)}/deliveries`,
        undefined,
        query as Query,
      ),
    replay: (destinationId: string, body: ReplayDeliveriesBody) =>
      request<{ replayed: number }>('POST', `/destinations/${id(destinationId)}/deliveries/replay`, body),
    test: (destinationId: string, body: { profileId?: string; data?: Record<string, unknown> } = {}) =>
      request<{ ok: boolean; error: string | null; durationMs: number }>(
        'POST',
        `/destinations/${id(destinationId)}/test`,
        body,
      ),
  };
}

/** Syncs: events or audiences to a destination, in real time or on a schedule. */
export function syncsClient(request: RequestFn) {
  return {
    list: (destinationId?: string) =>
      request<SyncList>('GET', '/syncs', undefined, destinationId ? { destinationId } : undefined),
    get: (syncId: string) => request<Sync>('GET', `/syncs/${id(syncId)}`),
    create: (body: CreateSyncInput) => request<Sync>('POST', '/syncs', body),
    update: (syncId: string, body: UpdateSyncInput) => request<Sync>('PATCH', `/syncs/${id(syncId)}`, body),
    remove: (syncId: string) => request<null>('DELETE', `/syncs/${id(syncId)}`),
    run: (syncId: string) => request<{ deliveryId: string | null }>('POST', `/syncs/${id(syncId)}/run`, {}),
  };
}
