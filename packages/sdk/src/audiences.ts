import type {
  Audience,
  AudienceEstimate,
  AudienceList,
  AudienceOverlap,
  AudienceRunSummary,
  AudienceSource,
  AudienceTrend,
  ChangePage,
  ChangesQueryInput,
  CreateAudienceInput,
  MemberPage,
  MembershipExplanation,
  MembersQueryInput,
  ProfileAudiences,
  UpdateAudienceInput,
} from '@cdp/protocol';
import type { Query, RequestFn } from './index.ts';

const id = encodeURIComponent;

/** Audiences (人群): create, estimate, members, changes, trend, overlap, explain. */
export function audiencesClient(request: RequestFn) {
  return {
    list: () => request<AudienceList>('GET', '/audiences'),
    get: (audienceId: string) => request<Audience>('GET', `/audiences/${id(audienceId)}`),
    create: (body: CreateAudienceInput) => request<Audience>('POST', '/audiences', body),
    update: (audienceId: string, body: UpdateAudienceInput) =>
      request<Audience>('PATCH', `/audiences/${id(audienceId)}`, body),
    recompute: (audienceId: string) =>
      request<AudienceRunSummary>('POST', `/audiences/${id(audienceId)}/recompute`, {}),
    runs: (audienceId: string) =>
      request<{ items: AudienceRunSummary[] }>('GET', `/audiences/${id(audienceId)}/runs`),
    estimate: (source: AudienceSource) =>
      request<AudienceEstimate>('POST', '/audiences/estimate', { source }),
    members: (audienceId: string, query: MembersQueryInput = {}) =>
      request<MemberPage>('GET', `/audiences/${id(audienceId)}/members`, undefined, query as Query),
    changes: (query: ChangesQueryInput = {}) =>
      request<ChangePage>('GET', '/audiences/changes', undefined, query as Query),
    trend: (audienceId: string, days = 30) =>
      request<AudienceTrend>('GET', `/audiences/${id(audienceId)}/trend`, undefined, { days }),
    overlap: (audienceIds: readonly string[]) =>
      request<AudienceOverlap>('GET', '/audiences/overlap', undefined, { ids: audienceIds.join(',') }),
    explain: (audienceId: string, profileId: string) =>
      request<MembershipExplanation>('GET', `/audiences/${id(audienceId)}/explain/${id(profileId)}`),
    ofProfile: (profileId: string) =>
      request<ProfileAudiences>('GET', `/profiles/${id(profileId)}/audiences`),
  };
}
