/**
 * PostgreSQL `jsonb` rejects `\u0000` and lone UTF-16 surrogates; one such string would fail a whole
 * batch. Replaces them with U+FFFD (in keys and values) and reports whether anything changed and how
 * deep the value nests — one read-only pass, and a copy only when something must change.
 */
export function sanitizeJson(value: unknown): { value: unknown; changed: boolean; depth: number } {
  let bad = false;
  const isBad = (s: string) => !s.isWellFormed() || s.includes('\u0000');
  const scan = (v: unknown, depth: number): number => {
    if (typeof v === 'string') {
      if (!bad && isBad(v)) bad = true;
      return depth;
    }
    if (!v || typeof v !== 'object') return depth;
    let max = depth + 1;
    if (Array.isArray(v)) {
      for (const child of v) max = Math.max(max, scan(child, depth + 1));
    } else {
      for (const key in v) {
        if (!bad && isBad(key)) bad = true;
        max = Math.max(max, scan((v as Record<string, unknown>)[key], depth + 1));
      }
    }
    return max;
  };
  const depth = scan(value, 0);
  if (!bad) return { value, changed: false, depth };

  const fix = (s: string) => (isBad(s) ? s.toWellFormed().replaceAll('\u0000', '\uFFFD') : s);
  const copy = (v: unknown): unknown => {
    if (typeof v === 'string') return fix(v);
    if (Array.isArray(v)) return v.map(copy);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(v)) out[fix(k)] = copy(child);
      return out;
    }
    return v;
  };
  return { value: copy(value), changed: true, depth };
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
