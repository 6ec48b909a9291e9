import type {
  Condition,
  EventMatch,
  EventMeasure,
  EventWindow,
  NumberTest,
  TimeTest,
  ValueTest,
} from '@cdp/protocol';
import type { TFunction } from 'i18next';
import { isGroup } from './tree.ts';

/** Display names of referenced audiences and tags, by id (ids are shown when a name is unknown). */
export interface Names {
  readonly audiences?: ReadonlyMap<string, string>;
  readonly tags?: ReadonlyMap<string, string>;
}

export function formatValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function describeTest(test: ValueTest | NumberTest | TimeTest, t: TFunction): string {
  switch (test.operator) {
    case 'in':
    case 'not_in':
      return t(`audiences.ops.${test.operator}`, {
        values: test.values.map(formatValue).join(t('audiences.describe.listJoin')),
      });
    case 'between':
      return t('audiences.ops.between', { from: formatValue(test.from), to: formatValue(test.to) });
    case 'exists':
    case 'not_exists':
    case 'is_true':
    case 'is_false':
      return t(`audiences.ops.${test.operator}`);
    case 'within_last_days':
    case 'within_next_days':
    case 'more_than_days_ago':
    case 'birthday_within_next_days':
      return t(`audiences.ops.${test.operator}`, { days: test.days });
    default:
      return t(`audiences.ops.${test.operator}`, { value: formatValue(test.value) });
  }
}

const pathText = (path: readonly string[]) => path.join('.');

function describeWindow(window: EventWindow | undefined, t: TFunction): string {
  if (!window || window.type === 'ever') return '';
  return window.type === 'last_days'
    ? t('audiences.describe.window.last_days', { days: window.days })
    : t('audiences.describe.window.between', { from: window.from, to: window.to });
}

function describeMatch(match: EventMatch, t: TFunction): { event: string; where: string } {
  const event = match.event
    ? t('audiences.describe.eventName', { name: match.event })
    : match.type
      ? t('audiences.describe.messageType', { type: match.type })
      : t('audiences.describe.anyEvent');
  const filters = (match.where ?? []).map((f) =>
    t('audiences.describe.filter', { path: pathText(f.path), test: describeTest(f.test, t) }),
  );
  const where =
    filters.length === 0
      ? ''
      : t('audiences.describe.where', { filters: filters.join(t('audiences.describe.whereJoin')) });
  return { event, where };
}

type MeasureBase = { event: string; where: string; window: string };

function describeMeasure(measure: EventMeasure, base: MeasureBase, t: TFunction): string {
  switch (measure.type) {
    case 'did':
    case 'did_not':
      return t(`audiences.describe.measure.${measure.type}`, { ...base });
    case 'count':
      return t('audiences.describe.measure.count', {
        ...base,
        times: t(`audiences.describe.count.${measure.operator}`, { value: measure.value }),
      });
    case 'aggregate':
      return t('audiences.describe.measure.aggregate', {
        ...base,
        path: pathText(measure.path),
        fn: t(`audiences.aggregate.${measure.function}`),
        test: describeTest(measure.test, t),
      });
    case 'first':
    case 'last':
      return t(`audiences.describe.measure.${measure.type}`, {
        ...base,
        test: describeTest(measure.test, t),
      });
  }
}

/** "2 hours", "1 day", "90 seconds": the largest unit that divides the duration. */
export function describeSeconds(seconds: number, t: TFunction): string {
  if (seconds % 86_400 === 0) return t('audiences.units.days', { n: seconds / 86_400 });
  if (seconds % 3_600 === 0) return t('audiences.units.hours', { n: seconds / 3_600 });
  if (seconds % 60 === 0) return t('audiences.units.minutes', { n: seconds / 60 });
  return t('audiences.units.seconds', { n: seconds });
}

/** One node as a sentence; nested groups get parentheses. */
export function describeCondition(node: Condition, t: TFunction, names: Names = {}, nested = false): string {
  if (isGroup(node)) {
    if (node.conditions.length === 0) return t('audiences.describe.empty');
    const text = node.conditions
      .map((c) => describeCondition(c, t, names, true))
      .join(t(`audiences.describe.${node.kind}`));
    return nested && node.conditions.length > 1 ? t('audiences.describe.group', { conditions: text }) : text;
  }
  switch (node.kind) {
    case 'not':
      return t('audiences.describe.not', { condition: describeCondition(node.condition, t, names, true) });
    case 'trait':
      return t('audiences.describe.trait', { trait: node.trait, test: describeTest(node.test, t) });
    case 'tag':
      return t('audiences.describe.tag', {
        tag: names.tags?.get(node.tag) ?? node.tag,
        test: describeTest(node.test, t),
      });
    case 'audience':
      return t(node.member ? 'audiences.describe.member' : 'audiences.describe.notMember', {
        audience: names.audiences?.get(node.audience) ?? node.audience,
      });
    case 'identifier':
      return t(node.has ? 'audiences.describe.hasIdentifier' : 'audiences.describe.noIdentifier', {
        type: node.identifierType,
        scope: node.scope ? t('audiences.describe.scope', { scope: node.scope }) : '',
      });
    case 'event': {
      const { event, where } = describeMatch(node, t);
      return describeMeasure(node.measure, { event, where, window: describeWindow(node.window, t) }, t);
    }
    case 'sequence': {
      const first = describeMatch(node.first, t);
      const next = describeMatch(node.next, t);
      return t('audiences.describe.sequence', {
        first: first.event + first.where,
        next: next.event + next.where,
        within: describeSeconds(node.withinSeconds, t),
        window: describeWindow(node.window, t),
      });
    }
  }
}

/** A whole definition as readable text in the current language. */
export function describeDefinition(tree: Condition, t: TFunction, names: Names = {}): string {
  return describeCondition(tree, t, names);
}
