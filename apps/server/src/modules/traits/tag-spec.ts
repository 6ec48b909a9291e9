import {
  DATE_TEXT,
  type Definition,
  type TagLineage,
  type TagSpec,
  type TagUpdate,
  type TagValue,
  type TagValueType,
} from '@cdp/protocol';
import { dependencies } from '../query/index.ts';

/** An ordered case of a rule or lifecycle tag: the value of the first case whose definition holds. */
export interface TagCase {
  readonly value: TagValue;
  readonly definition: Definition;
  /** Where the case sits in the spec (`spec.rules.1`), for error paths. */
  readonly path: string;
}

/** The ordered cases and the default (null = no value) of a rule or lifecycle tag. */
export function casesOf(spec: Extract<TagSpec, { kind: 'rule' | 'lifecycle' }>): {
  readonly cases: readonly TagCase[];
  readonly defaultValue: TagValue | null;
} {
  if (spec.kind === 'lifecycle')
    return {
      cases: spec.stages.map((s, i) => ({
        value: s.name,
        definition: s.definition,
        path: `spec.stages.${i}`,
      })),
      defaultValue: spec.defaultStage,
    };
  if (spec.definition !== undefined)
    return {
      cases: [{ value: true, definition: spec.definition, path: 'spec.definition' }],
      defaultValue: false,
    };
  return {
    cases: (spec.rules ?? []).map((r, i) => ({
      value: r.value,
      definition: r.definition,
      path: `spec.rules.${i}`,
    })),
    defaultValue: spec.defaultValue,
  };
}

/** The definitions of a spec with their paths (rule and lifecycle tags). */
export function definitionsOf(spec: TagSpec): readonly TagCase[] {
  return spec.kind === 'rule' || spec.kind === 'lifecycle' ? casesOf(spec).cases : [];
}

/** What a tag reads: the union of its definitions' dependencies, or the events it aggregates. */
export function tagLineage(spec: TagSpec): TagLineage {
  const sets = { events: new Set<string>(), traits: new Set<string>(), tags: new Set<string>() };
  const more = { audiences: new Set<string>(), identifierTypes: new Set<string>() };
  let anyEvent = false;
  let timeRelative = false;
  for (const { definition } of definitionsOf(spec)) {
    const d = dependencies(definition);
    for (const e of d.events) sets.events.add(e);
    for (const t of d.traits) sets.traits.add(t);
    for (const t of d.tags) sets.tags.add(t);
    for (const a of d.audiences) more.audiences.add(a);
    for (const i of d.identifierTypes) more.identifierTypes.add(i);
    anyEvent ||= d.anyEvent;
    timeRelative ||= d.timeRelative;
  }
  if (spec.kind === 'computed') {
    if (spec.event === undefined) anyEvent = true;
    else sets.events.add(spec.event);
    timeRelative = spec.window.type === 'last_days' || spec.function === 'days_since_last';
  }
  if (spec.kind === 'rfm') {
    sets.events.add(spec.event);
    timeRelative = true;
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return {
    events: sorted(sets.events),
    anyEvent,
    traits: sorted(sets.traits),
    tags: sorted(sets.tags),
    audiences: sorted(more.audiences),
    identifierTypes: sorted(more.identifierTypes),
    timeRelative,
  };
}

/** Whether a JSON value is a value of the type (`datetime` = ISO-8601 date or date-time text). */
export function isValueOfType(value: unknown, valueType: TagValueType): value is TagValue {
  if (valueType === 'datetime') return typeof value === 'string' && DATE_TEXT.test(value);
  return typeof value === valueType;
}

const NUMERIC = new Set(['count', 'sum', 'avg', 'min', 'max', 'distinct_count', 'days_since_last']);

/** Why a spec cannot give values of the declared type, with the path of the problem; null when it can. */
export function valueTypeProblem(
  valueType: TagValueType,
  spec: TagSpec,
): { message: string; path: string } | null {
  const need = (type: TagValueType, path: string) =>
    valueType === type
      ? null
      : { message: `a ${spec.kind} tag of this kind gives ${type} values, not ${valueType}`, path };
  switch (spec.kind) {
    case 'rfm':
    case 'lifecycle':
      return need('string', 'valueType');
    case 'computed':
      return NUMERIC.has(spec.function) ? need('number', 'valueType') : null;
    case 'imported':
      return null;
    case 'rule': {
      const { cases, defaultValue } = casesOf(spec);
      for (const c of cases)
        if (!isValueOfType(c.value, valueType))
          return {
            message: `${JSON.stringify(c.value)} is not a ${valueType} value`,
            path: `${c.path}.value`,
          };
      if (defaultValue !== null && !isValueOfType(defaultValue, valueType))
        return {
          message: `${JSON.stringify(defaultValue)} is not a ${valueType} value`,
          path: 'spec.defaultValue',
        };
      return null;
    }
  }
}

/** Why a tag cannot be recomputed per profile (RFM quantiles rank the whole population); null when it can. */
export function realtimeProblem(spec: TagSpec, update: TagUpdate): string | null {
  if (update.mode !== 'realtime') return null;
  if (spec.kind === 'rfm' && spec.scoring.method === 'quantile')
    return 'RFM quantile scores rank all buyers; schedule it, or score by thresholds';
  return null;
}
