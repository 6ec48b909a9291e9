export * from './api.ts';
export * from './ingest.ts';
export * from './segment.ts';
