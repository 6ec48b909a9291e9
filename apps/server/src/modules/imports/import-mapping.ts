import { EVENT_FIELDS } from '@cdp/protocol';
import { z } from 'zod';

export { EVENT_FIELDS, type EventField } from '@cdp/protocol';

import { BUILT_IN_IDENTIFIER_TYPES } from '../identity/index.ts';

export const ImportKind = z.enum(['profiles', 'events', 'orders']);
export type ImportKind = z.infer<typeof ImportKind>;

/** How a value is read when it is no built-in trait: text (cleaned), number, boolean or calendar date. */
export const ValueType = z.enum(['string', 'number', 'boolean', 'date']);
export type ValueType = z.infer<typeof ValueType>;

const IDENTIFIER_NAMES: readonly string[] = BUILT_IN_IDENTIFIER_TYPES.map((t) => t.name);
const name = z.string().min(1).max(128);

/** A built-in identifier type (`phone`, `wechat_unionid` …) or a custom one (`taobao_nick`). */
export const IdentifierTarget = z.strictObject({ identifier: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/) });
export const TraitTarget = z.strictObject({ trait: name, type: ValueType.optional() });
export const FieldTarget = z.strictObject({ field: z.enum(EVENT_FIELDS) });
export const PropertyTarget = z.strictObject({ property: name, type: ValueType.optional() });
export const ColumnTarget = z.union([IdentifierTarget, TraitTarget, FieldTarget, PropertyTarget]);
export type ColumnTarget = z.infer<typeof ColumnTarget>;

const targetKey = (t: ColumnTarget) =>
  'identifier' in t
    ? `identifier ${t.identifier}`
    : 'trait' in t
      ? `trait ${t.trait}`
      : 'field' in t
        ? `field ${t.field}`
        : `property ${t.property}`;

/**
 * How the columns of an import file become Segment messages: `profiles` give one `identify` per row,
 * `events` and `orders` one `track` (orders: `Order Completed` by default, keyed by order id). Columns
 * not named in `columns` are ignored.
 */
export const ImportMapping = z
  .strictObject({
    kind: ImportKind,
    columns: z.record(z.string().min(1), ColumnTarget),
    defaults: z
      .strictObject({
        event: z.string().min(1).max(512).optional(),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/)
          .optional(),
      })
      .default({}),
    /** The column holding the time of the row's event (same as a column mapped to `{ field: 'timestamp' }`). */
    timestampColumn: z.string().min(1).optional(),
    /** UTC offset of times written without one (Excel cells, `2024-03-05 14:30`). China: +08:00. */
    utcOffset: z
      .string()
      .regex(/^[+-](?:0\d|1[0-4]):[0-5]\d$/)
      .default('+08:00'),
    /** Region of phone numbers written without a country code (ISO 3166-1 alpha-2). */
    defaultRegion: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .default('CN'),
    /** The app (mini-program, official account) that issued the file's OpenIDs. */
    wechatAppId: z
      .string()
      .regex(/^wx[0-9a-f]{16}$/)
      .optional(),
  })
  .superRefine((mapping, ctx) => {
    const issue = (message: string, path: PropertyKey[] = ['columns']) =>
      ctx.addIssue({ code: 'custom', message, path });
    const targets = Object.entries(mapping.columns);
    const seen = new Map<string, string>();
    for (const [column, target] of targets) {
      const key = targetKey(target);
      const other = seen.get(key);
      if (other !== undefined)
        issue(`Columns "${other}" and "${column}" both map to ${key}`, ['columns', column]);
      seen.set(key, column);
      if ('trait' in target && IDENTIFIER_NAMES.includes(target.trait)) {
        issue(`Map "${column}" as { identifier: '${target.trait}' }: identifiers are normalised`, [
          'columns',
          column,
        ]);
      }
      if (
        mapping.kind === 'profiles' &&
        (('field' in target && target.field !== 'timestamp') || 'property' in target)
      ) {
        issue(`Profiles take identifiers and traits only ("${column}")`, ['columns', column]);
      }
    }
    if (!targets.some(([, t]) => 'identifier' in t)) issue('Map at least one column to an identifier');
    if (mapping.timestampColumn !== undefined && seen.has('field timestamp')) {
      issue('Give the timestamp either as timestampColumn or as a column mapped to the timestamp field');
    }
    if (seen.has('identifier wechat_openid') && mapping.wechatAppId === undefined) {
      issue('OpenIDs are only unique within one app: give wechatAppId', ['wechatAppId']);
    }
    if (mapping.kind === 'orders' && !seen.has('field order_id'))
      issue('Orders need a column mapped to order_id');
    if (mapping.kind === 'events' && !seen.has('field event') && mapping.defaults.event === undefined) {
      issue('Events need a column mapped to event, or defaults.event');
    }
  });
export type ImportMapping = z.infer<typeof ImportMapping>;
/** A mapping as written by a person or by `suggestMapping`, before defaults are filled in. */
export type ImportMappingInput = z.input<typeof ImportMapping>;
