export type ExportFormat = 'csv' | 'xlsx';

export interface ExportChoice {
  readonly format: ExportFormat;
  readonly identifiers: readonly string[];
  readonly traits: readonly string[];
}

/** The download address of an audience's members (same origin: the session cookie authorises it). */
export function exportUrl(audienceId: string, choice: ExportChoice): string {
  const params = new URLSearchParams({ format: choice.format });
  if (choice.identifiers.length > 0) params.set('identifiers', choice.identifiers.join(','));
  if (choice.traits.length > 0) params.set('traits', choice.traits.join(','));
  return `/api/v1/audiences/${encodeURIComponent(audienceId)}/export?${params}`;
}
