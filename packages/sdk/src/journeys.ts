import type {
  ContactPolicy,
  ContactPolicyInput,
  CreateJourneyInput,
  Journey,
  JourneyList,
  JourneyReport,
  UpdateJourneyInput,
} from '@cdp/protocol';
import type { RequestFn } from './index.ts';

const id = encodeURIComponent;

/** Journeys (营销自动化): drafts, versions, pause/resume, the effect report, the contact policy. */
export function journeysClient(request: RequestFn) {
  return {
    list: () => request<JourneyList>('GET', '/journeys'),
    get: (journeyId: string) => request<Journey>('GET', `/journeys/${id(journeyId)}`),
    create: (body: CreateJourneyInput) => request<Journey>('POST', '/journeys', body),
    update: (journeyId: string, body: UpdateJourneyInput) =>
      request<Journey>('PATCH', `/journeys/${id(journeyId)}`, body),
    /** makes the draft the version new entrants get, and starts the journey */
    publish: (journeyId: string) => request<Journey>('POST', `/journeys/${id(journeyId)}/publish`, {}),
    pause: (journeyId: string) => request<Journey>('POST', `/journeys/${id(journeyId)}/pause`, {}),
    resume: (journeyId: string) => request<Journey>('POST', `/journeys/${id(journeyId)}/resume`, {}),
    archive: (journeyId: string) => request<Journey>('POST', `/journeys/${id(journeyId)}/archive`, {}),
    report: (journeyId: string, version?: number) =>
      request<JourneyReport>(
        'GET',
        `/journeys/${id(journeyId)}/report`,
        undefined,
        version ? { version } : undefined,
      ),
    policy: () => request<ContactPolicy>('GET', '/contact-policy'),
    setPolicy: (body: ContactPolicyInput) => request<ContactPolicy>('PUT', '/contact-policy', body),
  };
}
