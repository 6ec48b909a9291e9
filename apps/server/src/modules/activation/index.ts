export { activationRoutes } from './activation.routes.ts';
export type { ActivationTables } from './activation.tables.ts';
export { DeliveryWorker, type DeliveryWorkerOptions } from './delivery-worker.ts';
export type { DestinationType } from './destination.ts';
export { DESTINATION_TYPES } from './destinations/registry.ts';
export { DestinationsService } from './destinations.service.ts';
export { enqueueEventDeliveries } from './enqueue-events.ts';
export { SyncScheduler, SyncsService } from './syncs.service.ts';
