import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

/** Vocabulary for the builder's pickers: what the data actually holds. Cached for a minute. */
const vocabularyKeys = {
  events: (q: string) => ['vocabulary', 'events', q] as const,
  properties: (event: string) => ['vocabulary', 'events', event, 'properties'] as const,
  traits: ['vocabulary', 'traits'] as const,
  traitValues: (key: string) => ['vocabulary', 'traits', key, 'values'] as const,
  tags: ['audiences', 'tagOptions'] as const,
};
const staleTime = 60_000;

export function useEventNames(q = '') {
  return useQuery({
    queryKey: vocabularyKeys.events(q),
    queryFn: () => api.vocabulary.events({ q: q || undefined, limit: 100 }),
    staleTime,
  });
}

export function useEventProperties(event: string | undefined) {
  return useQuery({
    queryKey: vocabularyKeys.properties(event ?? ''),
    queryFn: () => api.vocabulary.eventProperties(event ?? ''),
    enabled: !!event,
    staleTime,
  });
}

export function useTraitKeys() {
  return useQuery({ queryKey: vocabularyKeys.traits, queryFn: () => api.vocabulary.traits(), staleTime });
}

export function useTraitValues(key: string) {
  return useQuery({
    queryKey: vocabularyKeys.traitValues(key),
    queryFn: () => api.vocabulary.traitValues(key),
    enabled: key !== '',
    staleTime,
  });
}

/** Tags to pick in a tag condition (id and name). */
export function useTagOptions() {
  return useQuery({ queryKey: vocabularyKeys.tags, queryFn: () => api.tags.list(), staleTime });
}
