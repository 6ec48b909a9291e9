import { useEffect, useState } from 'react';

/** The value, once it has stopped changing for `ms` (compared as JSON, so new equal objects don't reset it). */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const json = JSON.stringify(value);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the JSON text on purpose
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [json, ms]);
  return settled;
}
