import { useMemo } from 'react';
import type { Names } from '../describe.ts';
import { useAudiences } from './useAudiences.ts';
import { useTagOptions } from './useVocabulary.ts';

/** Names of the audiences and tags a definition may reference, for readable descriptions. */
export function useDefinitionNames(): Names {
  const audiences = useAudiences();
  const tags = useTagOptions();
  return useMemo(
    () => ({
      audiences: new Map((audiences.data?.items ?? []).map((a) => [a.id, a.name])),
      tags: new Map((tags.data?.items ?? []).map((x) => [x.id, x.name])),
    }),
    [audiences.data, tags.data],
  );
}
