export { addTrackingBodyParsing } from './body-decoding.ts';
export { debuggerRoutes } from './debugger.routes.ts';
export { IngestService } from './ingest.service.ts';
export type { IngestTables } from './ingest.tables.ts';
export { ingestAdminRoutes } from './ingest-admin.routes.ts';
export { sdkAssetRoutes } from './sdk-assets.routes.ts';
export { trackingRoutes } from './tracking.routes.ts';
