export * from './segment.ts';
export * from './ingest.ts';
export * from './api.ts';
