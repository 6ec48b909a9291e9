/** The ids and identifiers a history entry's `details` name (the server writes strings or lists). */
export interface HistoryDetail {
  readonly from: readonly string[];
  readonly into: readonly string[];
  /** `type:value` of identifiers an operator took out. */
  readonly retracted: readonly string[];
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value ? [value] : [];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

export function historyDetail(details: Readonly<Record<string, unknown>>): HistoryDetail {
  return {
    from: strings(details.from),
    into: strings(details.into),
    retracted: strings(details.retracted),
  };
}
