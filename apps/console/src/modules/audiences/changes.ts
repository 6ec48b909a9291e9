import type { TFunction } from 'i18next';
import type { Names } from './describe.ts';

const CAUSES = [
  'event',
  'profile',
  'schedule',
  'definition',
  'tag',
  'audience',
  'created',
  'manual',
] as const;
const isCause = (by: unknown): by is (typeof CAUSES)[number] => (CAUSES as readonly unknown[]).includes(by);

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

/** Why a person entered or left: the kind of cause, then its details (events, audience, tag, version). */
export function causeText(cause: Readonly<Record<string, unknown>>, t: TFunction, names: Names = {}): string {
  const by = cause.by;
  const label = isCause(by) ? t(`audiences.changes.causes.${by}`) : typeof by === 'string' ? by : '';
  const details = [
    ...strings(cause.events),
    ...strings(cause.audience).map((id) => names.audiences?.get(id) ?? id),
    ...strings(cause.tag).map((id) => names.tags?.get(id) ?? id),
    ...(typeof cause.version === 'number'
      ? [t('audiences.changes.version', { version: cause.version })]
      : []),
  ];
  return details.length === 0 ? label : `${label}: ${details.join(t('audiences.describe.listJoin'))}`;
}
