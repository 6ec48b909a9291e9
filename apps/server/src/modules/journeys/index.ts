export { enqueueJourneyEvents } from './enqueue-journey-events.ts';
export { type ApplyAction, type JourneyAction, JourneyRunner } from './journey-runner.ts';
export { journeysRoutes } from './journeys.routes.ts';
export { JourneysService } from './journeys.service.ts';
export type { JourneysTables } from './journeys.tables.ts';
