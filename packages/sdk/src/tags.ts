import type {
  ComputeResult,
  CreateTagCategoryInput,
  CreateTagInput,
  ImportTagInput,
  ImportTagResult,
  PreviewTagInput,
  ProfileTags,
  Tag,
  TagCategory,
  TagCategoryList,
  TagList,
  TagListQuery,
  TagMembers,
  TagMembersQueryInput,
  TagPreview,
  TagStats,
  UpdateTagCategoryInput,
  UpdateTagInput,
} from '@cdp/protocol';
import type { Query, RequestFn } from './index.ts';

/** The tag factory (标签工厂): categories, tags, computations, stats, members, imports, previews. */
export function tagsClient(request: RequestFn) {
  const id = encodeURIComponent;
  return {
    categories: {
      list: () => request<TagCategoryList>('GET', '/tag-categories'),
      create: (body: CreateTagCategoryInput) => request<TagCategory>('POST', '/tag-categories', body),
      update: (categoryId: string, body: UpdateTagCategoryInput) =>
        request<TagCategory>('PATCH', `/tag-categories/${id(categoryId)}`, body),
      remove: (categoryId: string) => request<{ ok: true }>('DELETE', `/tag-categories/${id(categoryId)}`),
    },
    list: (query: Partial<TagListQuery> = {}) => request<TagList>('GET', '/tags', undefined, query),
    get: (tagId: string) => request<Tag>('GET', `/tags/${id(tagId)}`),
    create: (body: CreateTagInput) => request<Tag>('POST', '/tags', body),
    update: (tagId: string, body: UpdateTagInput) => request<Tag>('PATCH', `/tags/${id(tagId)}`, body),
    remove: (tagId: string) => request<{ ok: true }>('DELETE', `/tags/${id(tagId)}`),
    /** Recomputes a tag for every profile now (or as of `asOf`, ISO-8601). */
    compute: (tagId: string, asOf?: string) =>
      request<ComputeResult>('POST', `/tags/${id(tagId)}/compute`, asOf === undefined ? {} : { asOf }),
    stats: (tagId: string, asOf?: string) =>
      request<TagStats>('GET', `/tags/${id(tagId)}/stats`, undefined, { asOf }),
    members: (tagId: string, query: TagMembersQueryInput = {}) =>
      request<TagMembers>('GET', `/tags/${id(tagId)}/members`, undefined, query as Query),
    import: (tagId: string, body: ImportTagInput) =>
      request<ImportTagResult>('POST', `/tags/${id(tagId)}/import`, body),
    preview: (body: PreviewTagInput) => request<TagPreview>('POST', '/tags/preview', body),
    /** A person's tags with values, now or as of a past instant. */
    ofProfile: (profileId: string, asOf?: string) =>
      request<ProfileTags>('GET', `/profiles/${id(profileId)}/tags`, undefined, { asOf }),
  };
}
