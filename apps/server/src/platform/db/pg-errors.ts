/** Classifies a database error: is it the data's fault (never retry) or the database's (retry later)? */
export function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || code.length !== 5) return false;
  // 22 data exception, 23 integrity constraint, 54 program limit exceeded (e.g. too deep / too large)
  return code.startsWith('22') || code.startsWith('23') || code.startsWith('54');
}
