const isBad = (s: string) => !s.isWellFormed() || s.includes('\u0000');
const fix = (s: string) => (isBad(s) ? s.toWellFormed().replaceAll('\u0000', '\uFFFD') : s);

/** Depth of `v` below `depth`, and whether any key or string needs fixing (read-only). */
function scan(v: unknown, depth: number, found: { bad: boolean }): number {
  if (typeof v === 'string') {
    if (!found.bad && isBad(v)) found.bad = true;
    return depth;
  }
  if (!v || typeof v !== 'object') return depth;
  let max = depth + 1;
  if (Array.isArray(v)) {
    for (const child of v) max = Math.max(max, scan(child, depth + 1, found));
  } else {
    for (const key in v) {
      if (!found.bad && isBad(key)) found.bad = true;
      max = Math.max(max, scan((v as Record<string, unknown>)[key], depth + 1, found));
    }
  }
  return max;
}

function copyFixed(v: unknown): unknown {
  if (typeof v === 'string') return fix(v);
  if (Array.isArray(v)) return v.map(copyFixed);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(v)) out[fix(k)] = copyFixed(child);
    return out;
  }
  return v;
}

/**
 * PostgreSQL `jsonb` rejects `\u0000` and lone UTF-16 surrogates; one such string would fail a whole
 * batch. Replaces them with U+FFFD (in keys and values) and reports whether anything changed and how
 * deep the value nests — one read-only pass, and a copy only when something must change.
 */
export function sanitizeJson(value: unknown): { value: unknown; changed: boolean; depth: number } {
  const found = { bad: false };
  const depth = scan(value, 0, found);
  return found.bad ? { value: copyFixed(value), changed: true, depth } : { value, changed: false, depth };
}
