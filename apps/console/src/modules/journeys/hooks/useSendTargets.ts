import { useMemo } from 'react';
import { useDestinations, useDestinationTypes } from '../../destinations/hooks/useDestinations.ts';

/** Destinations whose type sends messages (what a send step can use), with their type's label. */
export function useSendTargets() {
  const destinations = useDestinations();
  const types = useDestinationTypes();
  const items = useMemo(() => {
    const byType = new Map((types.data?.items ?? []).map((ty) => [ty.type, ty]));
    return (destinations.data?.items ?? [])
      .filter((d) => byType.get(d.type)?.accepts.includes('message'))
      .map((d) => ({
        id: d.id,
        name: d.name,
        enabled: d.enabled,
        type: d.type,
        label: byType.get(d.type)?.label,
      }));
  }, [destinations.data, types.data]);
  return { items, isPending: destinations.isPending || types.isPending };
}
