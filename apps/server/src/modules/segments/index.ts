export { AudienceRunner, type AudienceRunnerOptions, recomputeAudience } from './audience-runs.ts';
export { audiencesRoutes } from './audiences.routes.ts';
export { AudiencesService } from './audiences.service.ts';
export { lockWorkspaceAudiences } from './membership.ts';
export { loadSnapshots } from './profile-snapshot.repository.ts';
export { evaluateTouchedProfiles, type ProfileTouches } from './realtime.ts';
export type { SegmentsTables } from './segments.tables.ts';
