import type {
  LinkExplanation,
  Profile,
  ProfileGraph,
  ProfileHistory,
  ProfileList,
  ProfileSearchQueryInput,
  SplitResult,
  TimelinePage,
  TimelineQueryInput,
} from '@cdp/protocol';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, isApiError } from '../../../api/client.ts';
import { type IdentifierRef, identifierKey } from '../identifiers.ts';
import { followUpIdentifiers, type SplitTarget, splitBody } from '../split.ts';

/** Timeline filters the console offers (the cursor and page size are managed by the hook). */
export type TimelineFilters = Pick<TimelineQueryInput, 'type' | 'event' | 'sourceId'>;

/** Query keys of profile data; everything under `profiles` is invalidated after a split. */
export const profileKeys = {
  all: ['profiles'] as const,
  search: (query: ProfileSearchQueryInput) => ['profiles', 'search', query] as const,
  profile: (id: string) => ['profiles', 'byId', id] as const,
  timeline: (id: string, filters: TimelineFilters, limit: number) =>
    ['profiles', 'byId', id, 'timeline', filters, limit] as const,
  history: (id: string) => ['profiles', 'byId', id, 'history'] as const,
  graph: (id: string) => ['profiles', 'byId', id, 'graph'] as const,
  explain: (id: string, from: string, to: string) => ['profiles', 'byId', id, 'explain', from, to] as const,
};

/** Profiles matching a search; idle until there is something to search for. */
export function useProfileSearch(query: ProfileSearchQueryInput | null) {
  return useQuery<ProfileList>({
    queryKey: profileKeys.search(query ?? { q: '' }),
    queryFn: () => api.profiles.search(query ?? { q: '' }),
    enabled: query !== null && query.q.trim() !== '',
    placeholderData: keepPreviousData,
  });
}

/** One profile; the server follows merges, so `data.id` may differ from `id` (see `redirectedFrom`). */
export function useProfile(id: string) {
  return useQuery<Profile>({ queryKey: profileKeys.profile(id), queryFn: () => api.profiles.get(id) });
}

/** The profile's events across channels, newest first, one page per "load more". */
export function useProfileTimeline(id: string, filters: TimelineFilters, limit = 50) {
  return useInfiniteQuery({
    queryKey: profileKeys.timeline(id, filters, limit),
    queryFn: ({ pageParam }): Promise<TimelinePage> =>
      api.profiles.timeline(id, { ...filters, limit, before: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useProfileHistory(id: string) {
  return useQuery<ProfileHistory>({
    queryKey: profileKeys.history(id),
    queryFn: () => api.profiles.history(id),
  });
}

export function useProfileGraph(id: string) {
  return useQuery<ProfileGraph>({ queryKey: profileKeys.graph(id), queryFn: () => api.profiles.graph(id) });
}

/** Why two identifiers are in one profile; idle until two different identifiers are picked. */
export function useExplain(id: string, from: IdentifierRef | undefined, to: IdentifierRef | undefined) {
  const a = from ? identifierKey(from) : '';
  const b = to ? identifierKey(to) : '';
  return useQuery<LinkExplanation>({
    queryKey: profileKeys.explain(id, a, b),
    queryFn: () => api.profiles.explain(id, a, b),
    enabled: a !== '' && b !== '' && a !== b,
  });
}

export interface SplitInput {
  readonly profile: Pick<Profile, 'id' | 'identifiers'>;
  readonly target: SplitTarget;
  readonly reason: string;
}

export interface SplitOutcome extends SplitResult {
  /** Where the person is now: the same id, the id it redirects to, or the profile of their best identifier. */
  readonly nextId: string | null;
}

async function followPerson(input: SplitInput): Promise<string | null> {
  try {
    return (await api.profiles.get(input.profile.id)).id;
  } catch (err) {
    if (!isApiError(err) || err.status !== 404) throw err;
  }
  for (const identifier of followUpIdentifiers(input.profile.identifiers, input.target)) {
    try {
      return (await api.profiles.lookup(identifier.type, identifier.value)).id;
    } catch (err) {
      if (!isApiError(err) || err.status !== 404) throw err;
    }
  }
  return null;
}

/** Takes an identifier or a link's evidence out of a profile, then finds where the person is now. */
export function useSplitProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SplitInput): Promise<SplitOutcome> => {
      const result = await api.profiles.split(input.profile.id, splitBody(input.target, input.reason));
      return { ...result, nextId: await followPerson(input) };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: profileKeys.all }),
  });
}
