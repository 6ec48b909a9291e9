import { z } from 'zod';

/**
 * The definition language of tags and audiences: a typed condition tree that the server compiles to
 * parameterised SQL and also evaluates in memory with the same semantics.
 *
 * Value semantics, shared by every value test (on traits, event properties and tag values):
 * - No coercion. A number operand matches only JSON numbers, a text operand only JSON strings, a boolean
 *   only JSON booleans: the string "10" never equals, nor is greater than, the number 10.
 * - Text tests (equals, contains, starts/ends with) are case-sensitive and compare code points.
 * - Dates are JSON strings in ISO-8601 form (`DATE_TEXT`): `2026-03-01`, `2026-03-01T10:00`,
 *   `2026-03-01 10:00:00.123456+08:00`. Without an offset they are local times in the evaluation's time
 *   zone. A date-only operand compares calendar days in that time zone (`gt 2026-03-01` = from 2 March);
 *   a date-time operand compares instants. Anything else (numbers, other text) never matches a date test.
 * - Missing and JSON null are "no value": every positive test fails on them, and the negative tests
 *   (`not_equals`, `not_in`, `not_exists`) are the exact negations of their positive twins.
 * - Relative days count local calendar days between a value's date and today (the date of `asOf` in the
 *   time zone): `within_last_days N` = 0..N days ago, `within_next_days N` = 0..N days ahead,
 *   `more_than_days_ago N` = more than N days ago. `birthday_within_next_days N`: the value's month and
 *   day falls within today..today+N, wrapping the year end; a 29 February birthday falls on 28 February
 *   in non-leap years.
 */

const NAME_PATTERN = /^[\p{L}\p{Nd}_\-.$ ]{1,128}$/u;
const NAME_RULE = '1–128 letters (incl. Chinese), digits, spaces, "_", "-", "." or "$"';

/** A conservative name: trait, property key, event name, tag id, audience id, identifier type, scope. */
const name = (what: string) =>
  z
    .string()
    .regex(NAME_PATTERN, { error: `${what} must be ${NAME_RULE}` })
    .refine((s) => s.trim().length > 0, { error: `${what} must not be blank` });

export const TraitName = name('trait name');
export const EventName = name('event name');
export const PropertyKey = name('property path key');
export const TagId = name('tag id');
export const AudienceId = name('audience id');
export const IdentifierTypeName = name('identifier type');

/** Strict ISO-8601 date or date-time with a valid calendar day, years 1000–9999, at most microseconds. */
export const DATE_TEXT =
  /^(?:[1-9]\d{3}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))|(?:[1-9]\d(?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26])00)-02-29)(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?(?:Z|[+-](?:0\d|1[0-4])(?::?[0-5]\d)?)?)?$/;

/** A UTF-16 surrogate without its pair (PostgreSQL cannot store it; `isWellFormed` is not in every target). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const DateText = z.string().regex(DATE_TEXT, { error: 'must be an ISO-8601 date or date-time' });
const Text = z
  .string()
  .max(1000)
  .refine((s) => !s.includes('\u0000') && !LONE_SURROGATE.test(s), {
    error: 'text must not contain NUL characters or unpaired surrogates',
  });
const Scalar = z.union([Text, z.number(), z.boolean()]);
const Days = z.number().int().min(0).max(36_500);
const Count = z.number().int().min(0).max(1_000_000);

const Equality = z.object({ operator: z.enum(['equals', 'not_equals']), value: Scalar });
const Membership = z.object({
  operator: z.enum(['in', 'not_in']),
  values: z.array(Scalar).min(1).max(500),
});
const TextMatch = z.object({ operator: z.enum(['contains', 'starts_with', 'ends_with']), value: Text });
const Order = z.object({
  operator: z.enum(['gt', 'gte', 'lt', 'lte']),
  value: z.union([z.number(), DateText]),
});
const Between = z
  .object({
    operator: z.literal('between'),
    from: z.union([z.number(), DateText]),
    to: z.union([z.number(), DateText]),
  })
  .refine((b) => boundKind(b.from) === boundKind(b.to), {
    error: 'between needs two numbers, two dates or two date-times',
  });
const Presence = z.object({ operator: z.enum(['exists', 'not_exists']) });
const Truth = z.object({ operator: z.enum(['is_true', 'is_false']) });
const Relative = z.object({
  operator: z.enum(['within_last_days', 'within_next_days', 'more_than_days_ago']),
  days: Days,
});
const Birthday = z.object({
  operator: z.literal('birthday_within_next_days'),
  days: z.number().int().min(0).max(366),
});

/** Whether a bound is a number, a calendar day or an instant. */
export function boundKind(bound: number | string): 'number' | 'date' | 'datetime' {
  return typeof bound === 'number' ? 'number' : bound.length === 10 ? 'date' : 'datetime';
}

/** A test on one JSON value (a trait, an event property, a tag value). */
export const ValueTest = z.discriminatedUnion('operator', [
  Equality,
  Membership,
  TextMatch,
  Order,
  Between,
  Presence,
  Truth,
  Relative,
  Birthday,
]);
export type ValueTest = z.infer<typeof ValueTest>;

/** A test on a number (an aggregate of event properties). */
export const NumberTest = z.discriminatedUnion('operator', [
  z.object({ operator: z.enum(['equals', 'not_equals', 'gt', 'gte', 'lt', 'lte']), value: z.number() }),
  z.object({ operator: z.literal('between'), from: z.number(), to: z.number() }),
]);
export type NumberTest = z.infer<typeof NumberTest>;

/** A test on an instant (the first or last occurrence of an event). */
export const TimeTest = z.discriminatedUnion('operator', [
  z.object({ operator: z.enum(['gt', 'gte', 'lt', 'lte']), value: DateText }),
  Between.safeExtend({ from: DateText, to: DateText }),
  Presence,
  Relative,
]);
export type TimeTest = z.infer<typeof TimeTest>;

const NodeId = z.string().min(1).max(64).optional();
const Path = z.array(PropertyKey).min(1).max(5);

export const PropertyFilter = z.object({ path: Path, test: ValueTest });
export type PropertyFilter = z.infer<typeof PropertyFilter>;

/** Which events: an event name (omit for any), a message type, property filters. */
export const EventMatch = z.object({
  event: EventName.optional(),
  type: z.enum(['track', 'page', 'screen', 'identify', 'group', 'alias']).optional(),
  where: z.array(PropertyFilter).max(20).optional(),
});
export type EventMatch = z.infer<typeof EventMatch>;

/**
 * When: ever (default), the last N local days (today and the N − 1 days before: 近30天 is 30 calendar days), or between two dates, both
 * inclusive (a date-only end covers its whole local day). Windows bound event times only: `ever` also
 * counts events timestamped after `asOf`.
 */
export const EventWindow = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ever') }),
  // 近N天: today and the N − 1 days before it, in the time zone of the evaluation
  z.object({ type: z.literal('last_days'), days: Days.min(1) }),
  z.object({ type: z.literal('between'), from: DateText, to: DateText }),
]);
export type EventWindow = z.infer<typeof EventWindow>;

/** What is measured over the matching events. `did` = count at least 1, `did_not` = count exactly 0. */
export const EventMeasure = z.discriminatedUnion('type', [
  z.object({ type: z.enum(['did', 'did_not']) }),
  z.object({ type: z.literal('count'), operator: z.enum(['at_least', 'at_most', 'exactly']), value: Count }),
  z.object({
    type: z.literal('aggregate'),
    function: z.enum(['sum', 'avg', 'min', 'max', 'distinct_count']),
    path: Path,
    test: NumberTest,
  }),
  z.object({ type: z.enum(['first', 'last']), test: TimeTest }),
]);
export type EventMeasure = z.infer<typeof EventMeasure>;

export const TraitCondition = z.object({
  kind: z.literal('trait'),
  id: NodeId,
  trait: TraitName,
  test: ValueTest,
});
export type TraitCondition = z.infer<typeof TraitCondition>;

export const EventCondition = EventMatch.extend({
  kind: z.literal('event'),
  id: NodeId,
  window: EventWindow.optional(),
  measure: EventMeasure,
});
export type EventCondition = z.infer<typeof EventCondition>;

/** `first`, then `next`, strictly later and at most `withinSeconds` apart, both inside `window`. */
export const SequenceCondition = z.object({
  kind: z.literal('sequence'),
  id: NodeId,
  first: EventMatch,
  next: EventMatch,
  withinSeconds: z
    .number()
    .int()
    .min(1)
    .max(366 * 86_400),
  window: EventWindow.optional(),
});
export type SequenceCondition = z.infer<typeof SequenceCondition>;

/** A test on a tag's current value (`exists` = has any value, `not_exists` = has none). */
export const TagCondition = z.object({ kind: z.literal('tag'), id: NodeId, tag: TagId, test: ValueTest });
export type TagCondition = z.infer<typeof TagCondition>;

export const AudienceCondition = z.object({
  kind: z.literal('audience'),
  id: NodeId,
  audience: AudienceId,
  member: z.boolean(),
});
export type AudienceCondition = z.infer<typeof AudienceCondition>;

/**
 * Has (or has no) identifier of a type; with `scope`, only values starting with `scope/` count
 * (WeChat OpenIDs are `appId/openId`, so scope = the app id).
 */
export const IdentifierCondition = z.object({
  kind: z.literal('identifier'),
  id: NodeId,
  identifierType: IdentifierTypeName,
  scope: name('identifier scope').optional(),
  has: z.boolean(),
});
export type IdentifierCondition = z.infer<typeof IdentifierCondition>;

/** All (`and`) or any (`or`) of the conditions. */
export type ConditionGroup =
  | { readonly kind: 'and'; readonly id?: string; readonly conditions: readonly Condition[] }
  | { readonly kind: 'or'; readonly id?: string; readonly conditions: readonly Condition[] };
export type NotCondition = { readonly kind: 'not'; readonly id?: string; readonly condition: Condition };
export type Leaf =
  | TraitCondition
  | EventCondition
  | SequenceCondition
  | TagCondition
  | AudienceCondition
  | IdentifierCondition;
export type Condition = ConditionGroup | NotCondition | Leaf;

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.enum(['and', 'or']), id: NodeId, conditions: z.array(Condition).min(1).max(200) }),
    z.object({ kind: z.literal('not'), id: NodeId, condition: Condition }),
    TraitCondition,
    EventCondition,
    SequenceCondition,
    TagCondition,
    AudienceCondition,
    IdentifierCondition,
  ]),
);

export const MAX_DEPTH = 10;
export const MAX_NODES = 200;

/** Depth (a leaf has depth 1) and node count of a tree. */
export function treeSize(node: Condition): { depth: number; nodes: number } {
  const children =
    node.kind === 'and' || node.kind === 'or' ? node.conditions : node.kind === 'not' ? [node.condition] : [];
  let depth = 0;
  let nodes = 1;
  for (const child of children) {
    const size = treeSize(child);
    depth = Math.max(depth, size.depth);
    nodes += size.nodes;
  }
  return { depth: depth + 1, nodes };
}

/** JSON nesting of raw input, measured without recursion so hostile input cannot exhaust the stack. */
function jsonDepth(input: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[input, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    max = Math.max(max, depth);
    if (max > 8 * MAX_DEPTH) return max;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return max;
}

/** A whole definition: a condition tree of depth ≤ 10 with ≤ 200 nodes. */
export const Definition = z
  .unknown()
  .superRefine((input, ctx) => {
    if (jsonDepth(input) > 8 * MAX_DEPTH)
      ctx.addIssue({
        code: 'custom',
        message: `the tree is nested too deeply; at most ${MAX_DEPTH} levels`,
        continue: false,
      });
  })
  .pipe(
    Condition.superRefine((node, ctx) => {
      const { depth, nodes } = treeSize(node);
      if (depth > MAX_DEPTH)
        ctx.addIssue({ code: 'custom', message: `the tree is ${depth} levels deep; at most ${MAX_DEPTH}` });
      if (nodes > MAX_NODES)
        ctx.addIssue({ code: 'custom', message: `the tree has ${nodes} nodes; at most ${MAX_NODES}` });
    }),
  );
export type Definition = Condition;
