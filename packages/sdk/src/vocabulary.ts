import type {
  EventNames,
  EventProperties,
  TraitKeys,
  TraitValues,
  VocabularyQueryInput,
} from '@cdp/protocol';
import type { Query, RequestFn } from './index.ts';

const id = encodeURIComponent;

/** What the data holds, for pickers: event names, their properties, trait keys and values. */
export function vocabularyClient(request: RequestFn) {
  return {
    events: (query: VocabularyQueryInput = {}) =>
      request<EventNames>('GET', '/vocabulary/events', undefined, query as Query),
    eventProperties: (name: string) =>
      request<EventProperties>('GET', `/vocabulary/events/${id(name)}/properties`),
    traits: () => request<TraitKeys>('GET', '/vocabulary/traits'),
    traitValues: (key: string, query: VocabularyQueryInput = {}) =>
      request<TraitValues>('GET', `/vocabulary/traits/${id(key)}/values`, undefined, query as Query),
  };
}
