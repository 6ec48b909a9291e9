import type {
  ContactPolicyInput,
  CreateJourneyInput,
  Journey,
  JourneyList,
  JourneyReport,
  UpdateJourneyInput,
} from '@cdp/protocol';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

export const journeyKeys = {
  all: ['journeys'] as const,
  list: ['journeys', 'list'] as const,
  one: (id: string) => ['journeys', 'byId', id] as const,
  report: (id: string, version: number | undefined) => ['journeys', 'byId', id, 'report', version] as const,
  policy: ['journeys', 'contactPolicy'] as const,
};

export type JourneyAction = 'publish' | 'pause' | 'resume' | 'archive';

export function useJourneys() {
  return useQuery<JourneyList>({ queryKey: journeyKeys.list, queryFn: () => api.journeys.list() });
}

export function useJourney(id: string) {
  return useQuery<Journey>({
    queryKey: journeyKeys.one(id),
    queryFn: () => api.journeys.get(id),
    enabled: id !== '',
  });
}

/** The effect report of all versions (or one); refreshed every 10 s while the page is open. */
export function useJourneyReport(id: string, version: number | undefined) {
  return useQuery<JourneyReport>({
    queryKey: journeyKeys.report(id, version),
    queryFn: () => api.journeys.report(id, version),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
}

export function useSaveJourney(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation<Journey, unknown, CreateJourneyInput | UpdateJourneyInput>({
    mutationFn: (body) =>
      id === null ? api.journeys.create(body as CreateJourneyInput) : api.journeys.update(id, body),
    onSuccess: (journey) => {
      queryClient.setQueryData(journeyKeys.one(journey.id), journey);
      void queryClient.invalidateQueries({ queryKey: journeyKeys.list });
    },
  });
}

/** Publish (启动/发布新版本), pause, resume or archive. */
export function useJourneyAction() {
  const queryClient = useQueryClient();
  return useMutation<Journey, unknown, { id: string; action: JourneyAction }>({
    mutationFn: ({ id, action }) => api.journeys[action](id),
    onSuccess: (journey) => {
      queryClient.setQueryData(journeyKeys.one(journey.id), journey);
      void queryClient.invalidateQueries({ queryKey: journeyKeys.all });
    },
  });
}

export function useContactPolicy() {
  return useQuery({ queryKey: journeyKeys.policy, queryFn: () => api.journeys.policy() });
}

export function useSaveContactPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: ContactPolicyInput) => api.journeys.setPolicy(policy),
    onSuccess: (policy) => queryClient.setQueryData(journeyKeys.policy, policy),
  });
}
