import type { Condition, ExplanationNode } from '@cdp/protocol';
import type { TFunction } from 'i18next';
import { describeCondition, formatValue, type Names } from './describe.ts';
import { isGroup } from './tree.ts';

/** One line of "why (not)": whether the condition held, what it says and what was observed. */
export interface ExplainLine {
  readonly key: string;
  readonly held: boolean;
  readonly text: string;
  readonly observed: string | null;
  readonly children: readonly ExplainLine[];
}

const OBSERVED_KEYS = [
  'value',
  'count',
  'events',
  'at',
  'member',
  'first',
  'next',
  'firsts',
  'nexts',
] as const;
const isObservedKey = (k: string): k is (typeof OBSERVED_KEYS)[number] =>
  (OBSERVED_KEYS as readonly string[]).includes(k);

export function formatObserved(observed: Readonly<Record<string, unknown>>, t: TFunction): string {
  return Object.entries(observed)
    .map(([k, v]) => {
      const label = isObservedKey(k) ? t(`audiences.observed.${k}`) : k;
      const value =
        typeof v === 'boolean' ? t(v ? 'audiences.yes' : 'audiences.no') : v === null ? '—' : formatValue(v);
      return `${label} ${value}`;
    })
    .join(t('audiences.describe.listJoin'));
}

function childrenOf(node: Condition | undefined): readonly Condition[] {
  if (!node) return [];
  if (isGroup(node)) return node.conditions;
  return node.kind === 'not' ? [node.condition] : [];
}

/**
 * The server's explanation, node by node, next to the definition it explains (children are in the same
 * order), so each line reads as the condition's sentence with ✓/✗ and what was seen.
 */
export function explainLines(
  node: ExplanationNode,
  definition: Condition | null | undefined,
  t: TFunction,
  names: Names = {},
): ExplainLine {
  const kids = childrenOf(definition ?? undefined);
  const text =
    node.kind === 'and'
      ? t('audiences.explain.all')
      : node.kind === 'or'
        ? t('audiences.explain.any')
        : node.kind === 'not'
          ? t('audiences.explain.not')
          : definition
            ? describeCondition(definition, t, names)
            : node.kind;
  return {
    key: node.key,
    held: node.held,
    text,
    observed: node.observed ? formatObserved(node.observed, t) : null,
    children: (node.children ?? []).map((child, i) => explainLines(child, kids[i], t, names)),
  };
}
