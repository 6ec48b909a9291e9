import type { CreateSourceBody, Source, UpdateSourceBody } from '@cdp/protocol';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { queryKeys } from '../../../api/queryKeys.ts';

function putSource(queryClient: QueryClient, source: Source): void {
  queryClient.setQueryData<Source[]>(queryKeys.sources, (old) => {
    if (!old) return [source];
    return old.some((s) => s.id === source.id)
      ? old.map((s) => (s.id === source.id ? source : s))
      : [...old, source];
  });
}

/** All sources of the workspace. */
export function useSources() {
  return useQuery<Source[]>({
    queryKey: queryKeys.sources,
    queryFn: async () => (await api.sources.list()).items,
  });
}

export function useCreateSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSourceBody) => api.sources.create(body),
    onSuccess: (source) => {
      putSource(queryClient, source);
      void queryClient.invalidateQueries({ queryKey: queryKeys.sources });
    },
  });
}

export function useUpdateSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateSourceBody }) => api.sources.update(id, body),
    onSuccess: (source) => putSource(queryClient, source),
  });
}

export function useRotateWriteKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.sources.rotateKey(id),
    onSuccess: (source) => putSource(queryClient, source),
  });
}
