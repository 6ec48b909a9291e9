/**
 * A destination type's config JSON Schema (zod's `toJSONSchema`, input side) read into the fields the
 * console form renders. Only the shapes destination configs use are understood; anything else falls
 * back to a JSON text field, so a new type still gets a usable form.
 */

export type JsonSchema = Readonly<Record<string, unknown>>;

interface BaseField {
  readonly name: string;
  readonly required: boolean;
  /** a write-only config field (only top-level fields can be) */
  readonly secret: boolean;
  readonly description?: string;
  readonly default?: unknown;
}

export type FormField =
  | (BaseField & { readonly kind: 'text' | 'textarea' | 'uri' | 'json' | 'boolean' | 'record' })
  | (BaseField & {
      readonly kind: 'number';
      readonly integer: boolean;
      readonly min?: number;
      readonly max?: number;
    })
  | (BaseField & { readonly kind: 'enum' | 'enumList'; readonly options: readonly string[] })
  | (BaseField & { readonly kind: 'stringList' })
  | (BaseField & { readonly kind: 'object'; readonly shape: Shape })
  | (BaseField & { readonly kind: 'objectList'; readonly shape: Shape });

export interface Branch {
  /** the discriminator's value in this branch */
  readonly value: string;
  readonly description?: string;
  /** the branch's fields, the discriminator left out */
  readonly fields: readonly FormField[];
}

/** An object's fields, or a union of objects told apart by one property holding a `const`. */
export type Shape =
  | { readonly kind: 'fields'; readonly fields: readonly FormField[] }
  | { readonly kind: 'union'; readonly discriminator: string; readonly branches: readonly Branch[] };

const isObject = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);
const schemas = (v: unknown): JsonSchema[] => (Array.isArray(v) ? v.filter(isObject) : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const props = (s: JsonSchema): Record<string, JsonSchema> =>
  isObject(s.properties) ? (s.properties as Record<string, JsonSchema>) : {};
const requiredOf = (s: JsonSchema): string[] =>
  Array.isArray(s.required) ? s.required.filter((r): r is string => typeof r === 'string') : [];

/** `T | null` (anyOf with a null branch) read as `T`. */
function unwrapNullable(s: JsonSchema): JsonSchema {
  const options = [...schemas(s.anyOf), ...schemas(s.oneOf)];
  const nonNull = options.filter((o) => o.type !== 'null');
  if (options.length === 2 && nonNull.length === 1) {
    const { anyOf: _a, oneOf: _o, ...rest } = s;
    return { ...rest, ...nonNull[0] };
  }
  return s;
}

/** The property every branch fixes with a string `const`, if any. */
function discriminatorOf(branches: readonly JsonSchema[]): string | undefined {
  if (branches.length < 2) return undefined;
  return Object.keys(props(branches[0])).find((key) =>
    branches.every((b) => typeof props(b)[key]?.const === 'string'),
  );
}

function fieldsOf(s: JsonSchema, secrets: readonly string[], skip?: string): FormField[] {
  const required = requiredOf(s);
  return Object.entries(props(s))
    .filter(([name]) => name !== skip)
    .map(([name, p]) => fieldOf(name, p, required.includes(name), secrets.includes(name)));
}

/** The shape of an object schema; undefined when it is neither an object nor a discriminated union. */
export function shapeOf(schema: JsonSchema, secrets: readonly string[] = []): Shape | undefined {
  const s = unwrapNullable(schema);
  const branches = [...schemas(s.oneOf), ...schemas(s.anyOf)];
  const discriminator = discriminatorOf(branches);
  if (discriminator !== undefined)
    return {
      kind: 'union',
      discriminator,
      branches: branches.map((b) => ({
        value: String(props(b)[discriminator].const),
        description: text(props(b)[discriminator].description),
        fields: fieldsOf(b, secrets, discriminator),
      })),
    };
  if (s.type === 'object' && isObject(s.properties)) return { kind: 'fields', fields: fieldsOf(s, secrets) };
  return undefined;
}

const isStringEnum = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');

/** Multi-line inputs: Liquid templates and message bodies. */
const isMultiline = (name: string) => name.endsWith('Template') || name === 'body';

export function fieldOf(name: string, schema: JsonSchema, required: boolean, secret: boolean): FormField {
  const s = unwrapNullable(schema);
  const base = { name, required, secret, description: text(s.description), default: s.default };
  if (isStringEnum(s.enum)) return { ...base, kind: 'enum', options: s.enum };
  if (typeof s.const === 'string') return { ...base, kind: 'enum', options: [s.const] };
  switch (s.type) {
    case 'string':
      if (s.format === 'uri') return { ...base, kind: 'uri' };
      return { ...base, kind: isMultiline(name) ? 'textarea' : 'text' };
    case 'integer':
    case 'number':
      return {
        ...base,
        kind: 'number',
        integer: s.type === 'integer',
        min: num(s.minimum) ?? num(s.exclusiveMinimum),
        max: num(s.maximum) ?? num(s.exclusiveMaximum),
      };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'array': {
      const items = isObject(s.items) ? unwrapNullable(s.items) : {};
      if (isStringEnum(items.enum)) return { ...base, kind: 'enumList', options: items.enum };
      if (items.type === 'string') return { ...base, kind: 'stringList' };
      const shape = shapeOf(items);
      return shape ? { ...base, kind: 'objectList', shape } : { ...base, kind: 'json' };
    }
  }
  const shape = shapeOf(s);
  if (shape) return { ...base, kind: 'object', shape };
  if (s.type === 'object' && isObject(s.additionalProperties) && s.additionalProperties.type === 'string')
    return { ...base, kind: 'record' };
  return { ...base, kind: 'json' };
}

/** The fields shown for a shape: a union's chosen branch (the first when none is chosen yet). */
export function visibleFields(shape: Shape, branch: unknown): readonly FormField[] {
  if (shape.kind === 'fields') return shape.fields;
  return (shape.branches.find((b) => b.value === branch) ?? shape.branches[0])?.fields ?? [];
}

/** "timeoutMs" → "Timeout ms", "secret_headers" → "Secret headers": a label when i18n has none. */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
