import type {
  Audience,
  AudienceEstimate,
  AudienceList,
  AudienceSource,
  CreateAudienceInput,
  MembershipExplanation,
  UpdateAudienceInput,
} from '@cdp/protocol';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

export const audienceKeys = {
  all: ['audiences'] as const,
  list: ['audiences', 'list'] as const,
  one: (id: string) => ['audiences', 'byId', id] as const,
  runs: (id: string) => ['audiences', 'byId', id, 'runs'] as const,
  members: (id: string) => ['audiences', 'byId', id, 'members'] as const,
  trend: (id: string) => ['audiences', 'byId', id, 'trend'] as const,
  changes: (id: string) => ['audiences', 'byId', id, 'changes'] as const,
  overlap: (ids: readonly string[]) => ['audiences', 'overlap', ids] as const,
  explain: (id: string, profileId: string) => ['audiences', 'byId', id, 'explain', profileId] as const,
  estimate: (source: AudienceSource | null) => ['audiences', 'estimate', source] as const,
  ofProfile: (profileId: string) => ['audiences', 'ofProfile', profileId] as const,
};

/** While a run is queued or running, poll every 2 s so that the size updates by itself. */
const pollWhileRunning = (audience: Audience | undefined) =>
  audience?.lastRun && (audience.lastRun.status === 'queued' || audience.lastRun.status === 'running')
    ? 2_000
    : false;

export function useAudiences() {
  return useQuery<AudienceList>({
    queryKey: audienceKeys.list,
    queryFn: () => api.audiences.list(),
    refetchInterval: (q) => (q.state.data?.items.some((a) => pollWhileRunning(a)) ? 2_000 : false),
  });
}

export function useAudience(id: string) {
  return useQuery<Audience>({
    queryKey: audienceKeys.one(id),
    queryFn: () => api.audiences.get(id),
    enabled: id !== '',
    refetchInterval: (q) => pollWhileRunning(q.state.data),
  });
}

export function useAudienceRuns(id: string, refreshKey: unknown) {
  return useQuery({
    queryKey: [...audienceKeys.runs(id), refreshKey],
    queryFn: () => api.audiences.runs(id),
  });
}

export function useAudienceMembers(id: string, limit = 50) {
  return useInfiniteQuery({
    queryKey: [...audienceKeys.members(id), limit],
    queryFn: ({ pageParam }) => api.audiences.members(id, { limit, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

export function useAudienceTrend(id: string, days = 30) {
  return useQuery({
    queryKey: [...audienceKeys.trend(id), days],
    queryFn: () => api.audiences.trend(id, days),
  });
}

export function useAudienceChanges(id: string, limit = 100) {
  return useInfiniteQuery({
    queryKey: [...audienceKeys.changes(id), limit],
    queryFn: ({ pageParam }) => api.audiences.changes({ audienceId: id, limit, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/** Shared members per pair; idle until at least two audiences are picked. */
export function useAudienceOverlap(ids: readonly string[]) {
  return useQuery({
    queryKey: audienceKeys.overlap(ids),
    queryFn: () => api.audiences.overlap(ids),
    enabled: ids.length >= 2,
  });
}

export function useMembershipExplanation(id: string, profileId: string) {
  return useQuery<MembershipExplanation>({
    queryKey: audienceKeys.explain(id, profileId),
    queryFn: () => api.audiences.explain(id, profileId),
    enabled: id !== '' && profileId !== '',
  });
}

export function useProfileAudiences(profileId: string) {
  return useQuery({
    queryKey: audienceKeys.ofProfile(profileId),
    queryFn: () => api.audiences.ofProfile(profileId),
  });
}

/** Live estimate of a source being edited; pass an already debounced source, or null to stay idle. */
export function useAudienceEstimate(source: AudienceSource | null) {
  return useQuery<AudienceEstimate>({
    queryKey: audienceKeys.estimate(source),
    queryFn: () => api.audiences.estimate(source as AudienceSource),
    enabled: source !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: 30_000,
  });
}

export function useSaveAudience(id: string | null) {
  const queryClient = useQueryClient();
  return useMutation<Audience, unknown, CreateAudienceInput | UpdateAudienceInput>({
    mutationFn: (body) =>
      id === null ? api.audiences.create(body as CreateAudienceInput) : api.audiences.update(id, body),
    onSuccess: (audience) => {
      queryClient.setQueryData(audienceKeys.one(audience.id), audience);
      void queryClient.invalidateQueries({ queryKey: audienceKeys.all });
    },
  });
}

export function useSetAudienceStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'active' | 'paused' }) =>
      api.audiences.update(id, { status }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: audienceKeys.all }),
  });
}

export function useRecomputeAudience() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.audiences.recompute(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: audienceKeys.all }),
  });
}
