import {
  COMMON_TRAITS,
  type ColumnTarget,
  decodeTarget,
  EVENT_FIELDS,
  encodeTarget,
  type ImportKindValue,
} from './mapping.ts';

export interface TargetOptionGroup {
  readonly group: 'identifier' | 'trait' | 'field' | 'suggested';
  readonly options: ReadonlyArray<{ readonly value: string; readonly target: ColumnTarget }>;
}

/**
 * The targets a column can map to for a kind: identifier types, common traits, event fields (not for
 * profiles, except the timestamp), plus whatever is already chosen but not in those lists.
 */
export function targetOptionGroups(
  kind: ImportKindValue,
  identifierTypes: readonly string[],
  chosen: readonly string[],
): TargetOptionGroup[] {
  const fields = kind === 'profiles' ? EVENT_FIELDS.filter((f) => f === 'timestamp') : EVENT_FIELDS;
  const groups: TargetOptionGroup[] = [
    { group: 'identifier', options: identifierTypes.map((name) => option({ identifier: name })) },
    { group: 'trait', options: COMMON_TRAITS.map((name) => option({ trait: name })) },
    { group: 'field', options: fields.map((name) => option({ field: name })) },
  ];
  const known = new Set(groups.flatMap((g) => g.options.map((o) => o.value)));
  const extra = [...new Set(chosen)]
    .filter((value) => !known.has(value))
    .flatMap((value) => {
      const target = decodeTarget(value);
      return target ? [{ value, target }] : [];
    });
  if (extra.length > 0) groups.unshift({ group: 'suggested', options: extra });
  return groups;
}

function option(target: ColumnTarget) {
  return { value: encodeTarget(target), target };
}
