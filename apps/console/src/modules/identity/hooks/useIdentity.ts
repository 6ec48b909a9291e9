import type {
  ConflictList,
  DataQuality,
  IdentityRules,
  IdentitySettings,
  MatchList,
  MatchRunResult,
  RuleImpact,
} from '@cdp/protocol';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

export const identityKeys = {
  all: ['identity'] as const,
  settings: ['identity', 'settings'] as const,
  conflicts: (limit: number) => ['identity', 'conflicts', limit] as const,
  quality: (days: number) => ['identity', 'quality', days] as const,
  matches: ['identity', 'matches', 'pending'] as const,
};

export function useIdentitySettings() {
  return useQuery<IdentitySettings>({
    queryKey: identityKeys.settings,
    queryFn: () => api.identity.settings(),
  });
}

export function useSimulateRules() {
  return useMutation<RuleImpact, unknown, IdentityRules>({
    mutationFn: (rules) => api.identity.simulate(rules),
  });
}

/** Publishes the rules; the graph is recomputed, so profile data is refreshed as well. */
export function usePublishRules() {
  const queryClient = useQueryClient();
  return useMutation<RuleImpact, unknown, IdentityRules>({
    mutationFn: (rules) => api.identity.publish(rules),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: identityKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['profiles'] });
    },
  });
}

export function useConflicts(limit = 100) {
  return useQuery<ConflictList>({
    queryKey: identityKeys.conflicts(limit),
    queryFn: () => api.identity.conflicts(limit),
  });
}

export function useDataQuality(days = 30) {
  return useQuery<DataQuality>({
    queryKey: identityKeys.quality(days),
    queryFn: () => api.identity.dataQuality(days),
  });
}

export function usePendingMatches() {
  return useQuery<MatchList>({
    queryKey: identityKeys.matches,
    queryFn: () => api.identity.matches({ status: 'pending' }),
  });
}

export function useRunMatching() {
  const queryClient = useQueryClient();
  return useMutation<MatchRunResult, unknown, void>({
    mutationFn: () => api.identity.runMatching(),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: identityKeys.matches });
      void queryClient.invalidateQueries({ queryKey: ['profiles'] });
    },
  });
}

export function useDecideMatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'accept' | 'reject' }) =>
      api.identity.decideMatch(id, decision),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: identityKeys.matches });
      void queryClient.invalidateQueries({ queryKey: ['profiles'] });
    },
  });
}
