import { isApiError } from '../../api/client.ts';

/** The tag editor's fields a server error can point at (the first segment of its path). */
export const TAG_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'categoryId',
  'owner',
  'description',
  'valueType',
  'update',
  'spec',
]);
export const CATEGORY_FIELDS: ReadonlySet<string> = new Set(['name', 'parentId']);

/**
 * The form field a server error is about, as a dotted path (`spec.rules.1.value`), from either form
 * of error path: zod's `body/spec/rules/1/value` or a service's `spec.rules.1.value`. Null when the
 * error names no field of the editor (it is then shown above the form).
 */
export function errorField(path: string | undefined, fields = TAG_FIELDS): string | null {
  const parts = (path ?? '').split(/[/.]/).filter((p) => p !== '');
  if (parts[0] === 'body') parts.shift();
  return parts.length > 0 && fields.has(parts[0]) ? parts.join('.') : null;
}

/** Whether an error at `field` belongs to the input `key` (the key itself or anything inside it). */
export const isUnder = (field: string | null, key: string): boolean =>
  field !== null && (field === key || field.startsWith(`${key}.`));

/** A server validation error pinned on a field: the field and the message without its path prefix. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export function fieldErrorOf(err: unknown, fields = TAG_FIELDS): FieldError | null {
  if (!isApiError(err) || err.status >= 500) return null;
  const field = errorField(err.path, fields);
  if (field === null) return null;
  const prefix = `${err.path}: `;
  return { field, message: err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message };
}
