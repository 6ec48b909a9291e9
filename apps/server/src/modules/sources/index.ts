export { sourcesRoutes } from './sources.routes.ts';
export { type SourceRef, SourcesService, toSource } from './sources.service.ts';
export type { SourcesTables } from './sources.tables.ts';
