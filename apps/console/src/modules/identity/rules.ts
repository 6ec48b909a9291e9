import type { IdentifierTypeDef, IdentityRules } from '@cdp/protocol';

export const IDENTIFIER_FORMAT_VALUES = ['email', 'phone', 'wechat', 'text'] as const;
export type IdentifierFormatValue = (typeof IDENTIFIER_FORMAT_VALUES)[number];

/** Types that can never be removed (the server refuses rules without them). */
export const REQUIRED_TYPES: readonly string[] = ['user_id', 'anonymous_id'];

const NAME = /^[a-z][a-z0-9_]{1,39}$/;

export interface NewTypeInput {
  readonly name: string;
  readonly format: IdentifierFormatValue;
  readonly priority: number;
  readonly maxPerProfile: number;
  readonly traitKeys: string;
}

export type NewTypeProblem = 'invalidName' | 'duplicateName';

/** Sorted highest priority first, then by name. */
export function sortTypes(types: readonly IdentifierTypeDef[]): IdentifierTypeDef[] {
  return [...types].sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name));
}

/** Changes one type's priority and/or limit, clamped to what the server accepts. */
export function updateType(
  types: readonly IdentifierTypeDef[],
  name: string,
  patch: Partial<Pick<IdentifierTypeDef, 'priority' | 'maxPerProfile'>>,
): IdentifierTypeDef[] {
  return types.map((t) => {
    if (t.name !== name) return t;
    const next = { ...t };
    if (patch.priority !== undefined) next.priority = clamp(Math.round(patch.priority), 0, 1000);
    if (patch.maxPerProfile !== undefined)
      next.maxPerProfile = clamp(Math.round(patch.maxPerProfile), 1, 1000);
    return next;
  });
}

function clamp(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return min;
  return Math.min(max, Math.max(min, value));
}

/** Trait keys typed as "a, b，c" or one per line. */
export function parseTraitKeys(text: string): string[] {
  const keys = text
    .split(/[\s,，;；]+/)
    .map((k) => k.trim())
    .filter((k) => k !== '');
  return [...new Set(keys)].slice(0, 20);
}

/** What is wrong with a new custom type, if anything. */
export function newTypeProblem(
  types: readonly IdentifierTypeDef[],
  input: NewTypeInput,
): NewTypeProblem | null {
  const name = input.name.trim();
  if (!NAME.test(name)) return 'invalidName';
  if (types.some((t) => t.name === name)) return 'duplicateName';
  return null;
}

/** Adds a custom type (no junk values yet); throws when `newTypeProblem` reports one. */
export function addType(types: readonly IdentifierTypeDef[], input: NewTypeInput): IdentifierTypeDef[] {
  const problem = newTypeProblem(types, input);
  if (problem) throw new Error(problem);
  const name = input.name.trim();
  const traitKeys = parseTraitKeys(input.traitKeys);
  return [
    ...types,
    {
      name,
      format: input.format,
      priority: clamp(Math.round(input.priority), 0, 1000),
      maxPerProfile: clamp(Math.round(input.maxPerProfile), 1, 1000),
      traitKeys: traitKeys.length > 0 ? traitKeys : [name],
      junkValues: [],
    },
  ];
}

/** Removes a custom type; the required ones stay. */
export function removeType(types: readonly IdentifierTypeDef[], name: string): IdentifierTypeDef[] {
  if (REQUIRED_TYPES.includes(name)) return [...types];
  return types.filter((t) => t.name !== name);
}

export function toRules(types: readonly IdentifierTypeDef[]): IdentityRules {
  return { types: types.map((t) => ({ ...t })) };
}

/** True when the edited types differ from the published ones. */
export function isDirty(
  published: readonly IdentifierTypeDef[],
  edited: readonly IdentifierTypeDef[],
): boolean {
  return JSON.stringify(published) !== JSON.stringify(edited);
}

export type QualityMetric =
  | { readonly kind: 'invalid'; readonly type: string }
  | { readonly kind: 'junk_identifier' | 'missing_identifier' }
  | { readonly kind: 'other'; readonly metric: string };

/** Reads a data-quality metric: `invalid_<type>`, `junk_identifier`, `missing_identifier`. */
export function parseQualityMetric(metric: string): QualityMetric {
  if (metric === 'junk_identifier' || metric === 'missing_identifier') return { kind: metric };
  if (metric.startsWith('invalid_') && metric.length > 'invalid_'.length)
    return { kind: 'invalid', type: metric.slice('invalid_'.length) };
  return { kind: 'other', metric };
}

/** Probability 0–1 as a whole percentage. */
export function percent(probability: number): number {
  return Math.round(Math.min(1, Math.max(0, probability)) * 1000) / 10;
}
