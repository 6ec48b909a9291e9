import type {
  ComputedFunction,
  ConditionGroup,
  CreateTagInput,
  EventMatch,
  EventWindow,
  PreviewTagInput,
  Tag,
  TagSpec,
  TagSpecInput,
  TagValueType,
} from '@cdp/protocol';
import { editableRoot, pruneEmpty } from '../audiences/tree.ts';
import { defaultLifecycleStages } from './lifecycle.ts';
import { parseTagValue, valueText } from './values.ts';

export type TagKind = TagSpec['kind'];
export type Quartet = readonly [number, number, number, number];

export interface CaseForm {
  readonly value: string;
  readonly root: ConditionGroup;
}
export interface StageForm {
  readonly name: string;
  readonly root: ConditionGroup;
}

/** What the tag editor edits: every kind's fields at once, so switching kinds loses nothing. */
export interface TagForm {
  readonly name: string;
  readonly categoryId: string | null;
  readonly owner: string;
  readonly description: string;
  readonly valueType: TagValueType;
  readonly updateMode: 'realtime' | 'scheduled';
  readonly intervalMinutes: number;
  readonly kind: TagKind;
  readonly rule: {
    readonly mode: 'single' | 'ordered';
    readonly root: ConditionGroup;
    readonly cases: readonly CaseForm[];
    readonly defaultValue: string;
  };
  readonly computed: {
    readonly fn: ComputedFunction;
    readonly match: EventMatch;
    readonly path: string;
    readonly window: EventWindow;
  };
  readonly rfm: {
    readonly event: string;
    readonly amountPath: string;
    readonly windowDays: number;
    readonly method: 'quantile' | 'thresholds';
    readonly recencyDays: Quartet;
    readonly frequency: Quartet;
    readonly monetary: Quartet;
    readonly highScore: number;
  };
  readonly lifecycle: { readonly stages: readonly StageForm[]; readonly defaultStage: string };
}

const NUMERIC: ReadonlySet<ComputedFunction> = new Set([
  'count',
  'sum',
  'avg',
  'min',
  'max',
  'distinct_count',
  'days_since_last',
]);
/** Functions that read no property. */
export const needsPath = (fn: ComputedFunction) => fn !== 'count' && fn !== 'days_since_last';

const quartet = (t: readonly number[]): Quartet => [t[0] ?? 0, t[1] ?? 0, t[2] ?? 0, t[3] ?? 0];
export const toPath = (text: string): string[] => text.split('.').filter((k) => k.trim() !== '');
const stageForms = (event?: string): StageForm[] =>
  defaultLifecycleStages(event).map((s) => ({ name: s.name, root: editableRoot(s.definition) }));

export function newTagForm(categoryId: string | null = null): TagForm {
  return {
    name: '',
    categoryId,
    owner: '',
    description: '',
    valueType: 'boolean',
    updateMode: 'realtime',
    intervalMinutes: 1440,
    kind: 'rule',
    rule: { mode: 'single', root: editableRoot(null), cases: [], defaultValue: '' },
    computed: {
      fn: 'count',
      match: { event: 'Order Completed' },
      path: 'revenue',
      window: { type: 'last_days', days: 30 },
    },
    rfm: {
      event: 'Order Completed',
      amountPath: 'revenue',
      windowDays: 365,
      method: 'quantile',
      recencyDays: [30, 90, 180, 365],
      frequency: [2, 3, 5, 10],
      monetary: [100, 500, 1000, 5000],
      highScore: 3,
    },
    lifecycle: { stages: stageForms(), defaultStage: '' },
  };
}

/** The value type a kind dictates (RFM and lifecycle give text, numeric aggregates numbers…); null = free. */
export function impliedValueType(form: TagForm): TagValueType | null {
  switch (form.kind) {
    case 'rfm':
    case 'lifecycle':
      return 'string';
    case 'computed':
      return NUMERIC.has(form.computed.fn) ? 'number' : null;
    case 'rule':
      return form.rule.mode === 'single' ? 'boolean' : null;
    case 'imported':
      return null;
  }
}

// an empty tree is sent as it is: the server names the definition that needs a condition
const definitionOf = (root: ConditionGroup) => pruneEmpty(root) ?? root;

/** The API spec of the form's kind. */
export function specOf(form: TagForm): TagSpecInput {
  const valueType = impliedValueType(form) ?? form.valueType;
  switch (form.kind) {
    case 'rule':
      return form.rule.mode === 'single'
        ? { kind: 'rule', definition: definitionOf(form.rule.root) }
        : {
            kind: 'rule',
            rules: form.rule.cases.map((c) => ({
              value: parseTagValue(c.value, valueType) ?? '',
              definition: definitionOf(c.root),
            })),
            defaultValue: parseTagValue(form.rule.defaultValue, valueType),
          };
    case 'computed': {
      const { fn, match, path, window } = form.computed;
      return {
        kind: 'computed',
        ...match,
        function: fn,
        ...(needsPath(fn) ? { path: toPath(path) } : {}),
        window,
      };
    }
    case 'rfm': {
      const r = form.rfm;
      return {
        kind: 'rfm',
        event: r.event,
        amountPath: toPath(r.amountPath),
        windowDays: r.windowDays,
        scoring:
          r.method === 'quantile'
            ? { method: 'quantile' }
            : {
                method: 'thresholds',
                recencyDays: [...r.recencyDays],
                frequency: [...r.frequency],
                monetary: [...r.monetary],
              },
        highScore: r.highScore,
      };
    }
    case 'lifecycle':
      return {
        kind: 'lifecycle',
        stages: form.lifecycle.stages.map((s) => ({ name: s.name, definition: definitionOf(s.root) })),
        defaultStage: form.lifecycle.defaultStage.trim() || null,
      };
    case 'imported':
      return { kind: 'imported' };
  }
}

/** What create and update take (status and time zone are left as they are). */
export function tagBody(form: TagForm): Omit<CreateTagInput, 'status' | 'timeZone'> {
  return {
    name: form.name.trim(),
    categoryId: form.categoryId,
    owner: form.owner.trim() || null,
    description: form.description,
    valueType: impliedValueType(form) ?? form.valueType,
    spec: specOf(form),
    update:
      form.updateMode === 'realtime'
        ? { mode: 'realtime' }
        : { mode: 'scheduled', intervalMinutes: form.intervalMinutes },
  };
}

export const previewBody = (form: TagForm): PreviewTagInput => ({
  valueType: impliedValueType(form) ?? form.valueType,
  spec: specOf(form),
});

/** The form of a saved tag; the other kinds keep their defaults. */
export function formFromTag(tag: Tag): TagForm {
  const base = newTagForm(tag.categoryId);
  const form: TagForm = {
    ...base,
    name: tag.name,
    owner: tag.owner ?? '',
    description: tag.description,
    valueType: tag.valueType,
    updateMode: tag.update.mode,
    intervalMinutes: tag.update.mode === 'scheduled' ? tag.update.intervalMinutes : base.intervalMinutes,
    kind: tag.spec.kind,
  };
  const spec = tag.spec;
  switch (spec.kind) {
    case 'rule':
      return {
        ...form,
        rule: spec.rules
          ? {
              mode: 'ordered',
              root: base.rule.root,
              cases: spec.rules.map((r) => ({ value: valueText(r.value), root: editableRoot(r.definition) })),
              defaultValue: valueText(spec.defaultValue),
            }
          : { ...base.rule, root: editableRoot(spec.definition) },
      };
    case 'computed': {
      const { kind: _, function: fn, path, window, ...match } = spec;
      return { ...form, computed: { fn, match, path: (path ?? []).join('.'), window } };
    }
    case 'rfm': {
      const s = spec.scoring;
      return {
        ...form,
        rfm: {
          event: spec.event,
          amountPath: spec.amountPath.join('.'),
          windowDays: spec.windowDays,
          method: s.method,
          recencyDays: s.method === 'thresholds' ? quartet(s.recencyDays) : base.rfm.recencyDays,
          frequency: s.method === 'thresholds' ? quartet(s.frequency) : base.rfm.frequency,
          monetary: s.method === 'thresholds' ? quartet(s.monetary) : base.rfm.monetary,
          highScore: spec.highScore,
        },
      };
    }
    case 'lifecycle':
      return {
        ...form,
        lifecycle: {
          stages: spec.stages.map((s) => ({ name: s.name, root: editableRoot(s.definition) })),
          defaultStage: spec.defaultStage ?? '',
        },
      };
    case 'imported':
      return form;
  }
}
