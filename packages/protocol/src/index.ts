export * from './api.ts';
export * from './ingest.ts';
export * from './profiles.ts';
export * from './segment.ts';
