import { type FieldError, fieldErrorOf, isUnder } from '../tags/fieldErrors.ts';

export type { FieldError } from '../tags/fieldErrors.ts';

/** The destination editor's fields a server error can point at (`config.url`, `name` …). */
export const DESTINATION_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'type',
  'config',
  'purposes',
  'concurrency',
  'ratePerSecond',
  'retryHours',
]);
export const SYNC_FIELDS: ReadonlySet<string> = new Set(['name', 'spec', 'schedule']);

/**
 * A server validation error pinned on a field. Config errors name the field inside the config in
 * their message (`url: …` with the path `config.url`); that prefix is dropped too.
 */
export function problemOf(err: unknown, fields: ReadonlySet<string>): FieldError | null {
  const problem = fieldErrorOf(err, fields);
  if (problem === null || !problem.field.startsWith('config.')) return problem;
  const prefix = `${problem.field.slice('config.'.length)}: `;
  return problem.message.startsWith(prefix)
    ? { ...problem, message: problem.message.slice(prefix.length) }
    : problem;
}

/** Form.Item props showing the server's message on the field `key` (or, unless exact, inside it). */
export function itemProblem(problem: FieldError | null, key: string, exact = false) {
  const hit = problem !== null && (exact ? problem.field === key : isUnder(problem.field, key));
  return hit ? { validateStatus: 'error' as const, help: problem.message } : {};
}
