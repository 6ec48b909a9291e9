export * from './api.ts';
export * from './audiences.ts';
export * from './definitions.ts';
export * from './imports.ts';
export * from './ingest.ts';
export * from './profiles.ts';
export * from './segment.ts';
export * from './vocabulary.ts';
