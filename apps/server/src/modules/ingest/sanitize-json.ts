/**
 * PostgreSQL `jsonb` rejects `\u0000` and lone UTF-16 surrogates; one such string would fail a whole
 * batch. Replaces them with U+FFFD (in keys and values) and reports whether anything changed.
 */
export function sanitizeJson(value: unknown): { value: unknown; changed: boolean } {
  let changed = false;
  const fixString = (s: string): string => {
    if (s.isWellFormed() && !s.includes('\u0000')) return s;
    changed = true;
    return s.toWellFormed().replaceAll('\u0000', '\uFFFD');
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return fixString(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(v)) out[fixString(k)] = walk(child);
      return out;
    }
    return v;
  };
  const result = walk(value);
  return { value: changed ? result : value, changed };
}

/** Nesting depth of a JSON value (a scalar is 0), stopping early past `limit`. */
export function jsonDepth(value: unknown, limit: number): number {
  const walk = (v: unknown, depth: number): number => {
    if (depth > limit || !v || typeof v !== 'object') return depth;
    let max = depth + 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      max = Math.max(max, walk(child, depth + 1));
      if (max > limit) break;
    }
    return max;
  };
  return walk(value, 0);
}
