import type { ImportJob } from '@cdp/protocol';

export { EVENT_FIELDS } from '@cdp/protocol';

export const IMPORT_KIND_VALUES = ['profiles', 'events', 'orders'] as const;
export type ImportKindValue = (typeof IMPORT_KIND_VALUES)[number];

/** Where a column goes, as the server reads it (`{ identifier }`, `{ trait }`, `{ field }`, `{ property }`). */
export type ColumnTarget =
  | { readonly identifier: string }
  | { readonly trait: string; readonly type?: string }
  | { readonly field: string }
  | { readonly property: string; readonly type?: string };

/** A column's choice in the mapping table: a target encoded as a string, or `IGNORE`. */
export const IGNORE = '';

export const COMMON_TRAITS = [
  'name',
  'gender',
  'birthday',
  'province',
  'city',
  'member_level',
  'points',
  'createdAt',
] as const;

export interface MappingExtras {
  /** Event name when no column holds it (events / orders). */
  readonly defaultEvent?: string;
  /** The app that issued the file's OpenIDs. */
  readonly wechatAppId?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A target as a stable string (keys in a fixed order), usable as a Select value. */
export function encodeTarget(target: ColumnTarget): string {
  if ('identifier' in target) return JSON.stringify({ identifier: target.identifier });
  if ('field' in target) return JSON.stringify({ field: target.field });
  if ('trait' in target)
    return JSON.stringify(target.type ? { trait: target.trait, type: target.type } : { trait: target.trait });
  return JSON.stringify(
    target.type ? { property: target.property, type: target.type } : { property: target.property },
  );
}

/** The target of a Select value; undefined for `IGNORE` or anything unreadable. */
export function decodeTarget(choice: string): ColumnTarget | undefined {
  if (choice === IGNORE) return undefined;
  try {
    const value: unknown = JSON.parse(choice);
    return asTarget(value);
  } catch {
    return undefined;
  }
}

function asTarget(value: unknown): ColumnTarget | undefined {
  if (!isRecord(value)) return undefined;
  const type = typeof value.type === 'string' ? value.type : undefined;
  if (typeof value.identifier === 'string') return { identifier: value.identifier };
  if (typeof value.field === 'string') return { field: value.field };
  if (typeof value.trait === 'string') return type ? { trait: value.trait, type } : { trait: value.trait };
  if (typeof value.property === 'string')
    return type ? { property: value.property, type } : { property: value.property };
  return undefined;
}

/** One choice per header, prefilled from the server's suggested mapping (`{ columns: {...} }`). */
export function choicesFromMapping(headers: readonly string[], mapping: unknown): Record<string, string> {
  const columns = isRecord(mapping) && isRecord(mapping.columns) ? mapping.columns : {};
  const choices: Record<string, string> = {};
  for (const header of headers) {
    const target = asTarget(columns[header]);
    choices[header] = target ? encodeTarget(target) : IGNORE;
  }
  return choices;
}

/** The kind the server guessed (`suggested.kind`), if it is one we know. */
export function suggestedKind(mapping: unknown): ImportKindValue | undefined {
  const kind = isRecord(mapping) ? mapping.kind : undefined;
  return IMPORT_KIND_VALUES.find((k) => k === kind);
}

/** The mapping body sent to preview / start: ignored columns left out, empty extras dropped. */
export function mappingFromChoices(
  choices: Readonly<Record<string, string>>,
  extras: MappingExtras = {},
): Record<string, unknown> {
  const columns: Record<string, ColumnTarget> = {};
  for (const [column, choice] of Object.entries(choices)) {
    const target = decodeTarget(choice);
    if (target) columns[column] = target;
  }
  const mapping: Record<string, unknown> = { columns };
  const event = extras.defaultEvent?.trim();
  if (event) mapping.defaults = { event };
  const appId = extras.wechatAppId?.trim();
  if (appId) mapping.wechatAppId = appId;
  return mapping;
}

/** True when some column is mapped to an identifier (the server requires one). */
export function hasIdentifier(choices: Readonly<Record<string, string>>): boolean {
  return Object.values(choices).some((c) => {
    const target = decodeTarget(c);
    return target !== undefined && 'identifier' in target;
  });
}

/** Columns mapped to the same target as an earlier column. */
export function duplicateColumns(choices: Readonly<Record<string, string>>): string[] {
  const seen = new Set<string>();
  const dupes: string[] = [];
  for (const [column, choice] of Object.entries(choices)) {
    if (choice === IGNORE) continue;
    if (seen.has(choice)) dupes.push(column);
    seen.add(choice);
  }
  return dupes;
}

/** Percentage of the file read, 0–100; 100 once the job is over. */
export function progressPercent(job: Pick<ImportJob, 'status' | 'bytesRead' | 'totalBytes'>): number {
  if (job.status !== 'running') return 100;
  if (job.totalBytes <= 0) return 0;
  return Math.min(100, Math.floor((job.bytesRead / job.totalBytes) * 100));
}

/** A cell of the sample rows as short text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
