/** JSON.stringify for display: 2-space indent; never throws (cycles, BigInt) and never returns undefined. */
export function prettyJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

export type ParsedJson = { ok: true; value: unknown } | { ok: false; error: string };

/** JSON.parse without exceptions, for user-edited payloads. */
export function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
