import { useMemo } from 'react';
import { useDefinitionNames } from '../../audiences/hooks/useDefinitionNames.ts';
import type { JourneyNames } from '../describe.ts';
import { useSendTargets } from './useSendTargets.ts';

/** Names of the audiences, tags and destinations journeys reference, for readable summaries. */
export function useJourneyNames(): JourneyNames {
  const definitionNames = useDefinitionNames();
  const targets = useSendTargets();
  return useMemo(
    () => ({ ...definitionNames, destinations: new Map(targets.items.map((d) => [d.id, d.name])) }),
    [definitionNames, targets.items],
  );
}
