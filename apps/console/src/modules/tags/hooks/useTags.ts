import type {
  CreateTagCategoryInput,
  CreateTagInput,
  ImportTagInput,
  PreviewTagInput,
  TagStatus,
  UpdateTagCategoryInput,
  UpdateTagInput,
} from '@cdp/protocol';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

export const tagKeys = {
  all: ['tags'] as const,
  categories: ['tags', 'categories'] as const,
  list: (categoryId: string | null) => ['tags', 'list', categoryId] as const,
  one: (id: string) => ['tags', 'byId', id] as const,
  stats: (id: string, asOf: string | undefined) => ['tags', 'byId', id, 'stats', asOf] as const,
  members: (id: string, value: string | undefined, asOf: string | undefined) =>
    ['tags', 'byId', id, 'members', value, asOf] as const,
  ofProfile: (profileId: string, asOf: string | undefined) => ['tags', 'ofProfile', profileId, asOf] as const,
};

export function useTagCategories() {
  return useQuery({ queryKey: tagKeys.categories, queryFn: () => api.tags.categories.list() });
}

/** The tags of a category (null: all tags). */
export function useTags(categoryId: string | null) {
  return useQuery({
    queryKey: tagKeys.list(categoryId),
    queryFn: () => api.tags.list(categoryId === null ? {} : { categoryId }),
    placeholderData: keepPreviousData,
  });
}

export function useTag(id: string) {
  return useQuery({ queryKey: tagKeys.one(id), queryFn: () => api.tags.get(id), enabled: id !== '' });
}

export function useTagStats(id: string, asOf: string | undefined) {
  return useQuery({
    queryKey: tagKeys.stats(id, asOf),
    queryFn: () => api.tags.stats(id, asOf),
    placeholderData: keepPreviousData,
  });
}

export function useTagMembers(id: string, value: string | undefined, asOf: string | undefined, limit = 50) {
  return useInfiniteQuery({
    queryKey: [...tagKeys.members(id, value, asOf), limit],
    queryFn: ({ pageParam }) => api.tags.members(id, { value, asOf, limit, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useProfileTags(profileId: string, asOf: string | undefined) {
  return useQuery({
    queryKey: tagKeys.ofProfile(profileId, asOf),
    queryFn: () => api.tags.ofProfile(profileId, asOf),
    placeholderData: keepPreviousData,
  });
}

/** Every change to the catalogue refreshes all tag queries (lists, stats, profile tags). */
function useTagMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation<O, unknown, I>({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tagKeys.all }),
  });
}

export function useSaveTag(id: string | null) {
  return useTagMutation((body: CreateTagInput | UpdateTagInput) =>
    id === null ? api.tags.create(body as CreateTagInput) : api.tags.update(id, body),
  );
}

export function useSetTagStatus() {
  return useTagMutation(({ id, status }: { id: string; status: TagStatus }) =>
    api.tags.update(id, { status }),
  );
}

export function useComputeTag() {
  return useTagMutation((id: string) => api.tags.compute(id));
}

export function useImportTagValues(id: string) {
  return useTagMutation((body: ImportTagInput) => api.tags.import(id, body));
}

export function usePreviewTag() {
  return useMutation({ mutationFn: (body: PreviewTagInput) => api.tags.preview(body) });
}

export function useSaveCategory() {
  return useTagMutation(
    ({ id, body }: { id: string | null; body: CreateTagCategoryInput | UpdateTagCategoryInput }) =>
      id === null
        ? api.tags.categories.create(body as CreateTagCategoryInput)
        : api.tags.categories.update(id, body),
  );
}

export function useRemoveCategory() {
  return useTagMutation((id: string) => api.tags.categories.remove(id));
}
