import { type FormField, type Shape, visibleFields } from './schemaFields.ts';

/**
 * What the schema form edits, field by field: text as strings ('' = empty), numbers or null, lists as
 * arrays, string→string records as ordered key/value rows (so that a half-typed row survives),
 * objects as nested values. A union keeps its discriminator among its values.
 */
export interface Pair {
  readonly key: string;
  readonly value: string;
}
export type FieldValue =
  | string
  | number
  | boolean
  | null
  | readonly string[]
  | readonly Pair[]
  | FormValues
  | readonly FormValues[];
export interface FormValues {
  readonly [name: string]: FieldValue;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const asText = (v: unknown): string => (typeof v === 'string' ? v : '');
export const asNumber = (v: unknown): number | null => (typeof v === 'number' ? v : null);
export const asStrings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
export const asPairs = (v: unknown): Pair[] =>
  Array.isArray(v) ? v.filter((x): x is Pair => isPlainObject(x) && typeof x.key === 'string') : [];
export const asValues = (v: unknown): FormValues => (isPlainObject(v) ? (v as FormValues) : {});
export const asValuesList = (v: unknown): FormValues[] =>
  Array.isArray(v) ? (v.filter(isPlainObject) as FormValues[]) : [];

/** The form value of one field from a stored value (or, when absent, the schema's default). */
export function fieldValue(field: FormField, stored: unknown): FieldValue {
  const v = stored === undefined ? field.default : stored;
  switch (field.kind) {
    case 'text':
    case 'textarea':
    case 'uri':
      return typeof v === 'string' ? v : '';
    case 'number':
      return typeof v === 'number' ? v : null;
    case 'boolean':
      return v === true;
    case 'enum':
      return typeof v === 'string'
        ? v
        : field.required && field.options.length === 1
          ? field.options[0]
          : null;
    case 'enumList':
    case 'stringList':
      return asStrings(v);
    case 'record':
      return isPlainObject(v) ? Object.entries(v).map(([key, value]) => ({ key, value: String(value) })) : [];
    case 'object':
      return initialValues(field.shape, isPlainObject(v) ? v : undefined);
    case 'objectList':
      return Array.isArray(v)
        ? v.map((item) => initialValues(field.shape, isPlainObject(item) ? item : {}))
        : [];
    case 'json':
      return v === undefined ? '' : JSON.stringify(v, null, 2);
  }
}

/** Form values of a shape from a stored config (secrets are never in it), defaults filling the gaps. */
export function initialValues(shape: Shape, config: Readonly<Record<string, unknown>> = {}): FormValues {
  if (shape.kind === 'fields')
    return Object.fromEntries(shape.fields.map((f) => [f.name, fieldValue(f, config[f.name])]));
  const chosen = shape.branches.find((b) => b.value === config[shape.discriminator]) ?? shape.branches[0];
  return {
    ...initialValues({ kind: 'fields', fields: chosen?.fields ?? [] }, config),
    [shape.discriminator]: chosen?.value ?? null,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Another branch of a union picked: its defaults, keeping what was typed into fields both branches
 * share (a value still at the old branch's default takes the new branch's default).
 */
export function switchBranch(shape: Shape, values: FormValues, next: string): FormValues {
  if (shape.kind !== 'union') return values;
  const before = visibleFields(shape, values[shape.discriminator]);
  const fresh = initialValues(shape, { [shape.discriminator]: next });
  const kept = Object.fromEntries(
    visibleFields(shape, next)
      .map((f) => [f, before.find((b) => b.name === f.name && b.kind === f.kind)] as const)
      .filter(([, old]) => old !== undefined && !same(values[old.name], fieldValue(old, undefined)))
      .map(([f]) => [f.name, values[f.name]]),
  );
  return { ...fresh, ...kept };
}

function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return isPlainObject(v) && Object.keys(v).length === 0;
}

/** The config value of one field; undefined leaves the field out of the config. */
function configValue(field: FormField, value: FieldValue | undefined): unknown {
  switch (field.kind) {
    case 'uri':
      return asText(value).trim();
    case 'text':
    case 'textarea':
      return asText(value).trim() === '' ? '' : asText(value);
    case 'number':
      return asNumber(value);
    case 'boolean':
      return value === true;
    case 'enum':
      return typeof value === 'string' ? value : null;
    case 'enumList':
      return asStrings(value);
    case 'stringList':
      return asStrings(value)
        .map((s) => s.trim())
        .filter((s) => s !== '');
    case 'record':
      return Object.fromEntries(
        asPairs(value)
          .filter((p) => p.key.trim() !== '')
          .map((p) => [p.key.trim(), p.value]),
      );
    case 'object':
      return toConfig(field.shape, asValues(value));
    case 'objectList':
      return asValuesList(value).map((item) => toConfig(field.shape, item));
    case 'json': {
      const raw = asText(value).trim();
      if (raw === '') return '';
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        // sent as typed: the server's validation names the field
        return raw;
      }
    }
  }
}

/**
 * The config sent to the server. Empty values are left out (the server applies its defaults) unless
 * the field's default is not empty, so that clearing such a field is kept. Secrets are sent only
 * when typed: a stored one left empty keeps its value.
 */
export function toConfig(shape: Shape, values: FormValues): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  if (shape.kind === 'union') config[shape.discriminator] = values[shape.discriminator];
  for (const field of visibleFields(shape, values[shape.kind === 'union' ? shape.discriminator : ''])) {
    const value = configValue(field, values[field.name]);
    if (isEmpty(value) && (field.secret || isEmpty(field.default))) continue;
    config[field.name] = value;
  }
  return config;
}

/** Whether the form shows the config field a server error names (`config.url`); else it goes above. */
export function showsField(shape: Shape, values: FormValues, field: string): boolean {
  const [root, name] = field.split('.');
  if (root !== 'config' || name === undefined) return false;
  if (shape.kind === 'union' && name === shape.discriminator) return true;
  const branch = shape.kind === 'union' ? values[shape.discriminator] : undefined;
  return visibleFields(shape, branch).some((f) => f.name === name);
}
