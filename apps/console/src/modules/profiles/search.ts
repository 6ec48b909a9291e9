import type { ProfileSearchQuery } from '@cdp/protocol';

export type SearchField = ProfileSearchQuery['field'];
export type SearchMatch = ProfileSearchQuery['match'];

export interface ProfileSearch {
  readonly q: string;
  readonly field: SearchField;
  readonly match: SearchMatch;
}

// Mirrors PROFILE_SEARCH_FIELDS without shipping zod to the browser; the Record makes tsc catch drift.
const FIELD_SET: Record<SearchField, true> = {
  any: true,
  name: true,
  phone: true,
  email: true,
  member_id: true,
  user_id: true,
};
export const SEARCH_FIELDS = Object.keys(FIELD_SET) as readonly SearchField[];

function isField(value: string | null): value is SearchField {
  return value !== null && Object.hasOwn(FIELD_SET, value);
}

/** The search in the page address (`?q=&field=&match=`), so that "back" from a profile restores it. */
export function readSearch(params: URLSearchParams): ProfileSearch {
  const field = params.get('field');
  return {
    q: (params.get('q') ?? '').trim(),
    field: isField(field) ? field : 'any',
    match: params.get('match') === 'exact' ? 'exact' : 'prefix',
  };
}

export function writeSearch(search: ProfileSearch): URLSearchParams {
  const params = new URLSearchParams();
  const q = search.q.trim();
  if (q) params.set('q', q);
  if (search.field !== 'any') params.set('field', search.field);
  if (search.match !== 'prefix') params.set('match', search.match);
  return params;
}

/** The 360° view of a profile. */
export function profilePath(id: string): string {
  return `/profiles/${encodeURIComponent(id)}`;
}
