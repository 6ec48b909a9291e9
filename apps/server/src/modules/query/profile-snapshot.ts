/** One event of a profile, as the matcher sees it (a row of the `profile_events` view). */
export interface ProfileEvent {
  readonly type: string;
  readonly event: string | null;
  readonly timestamp: Date;
  /** JSON object; null or missing when the event had none. */
  readonly properties?: unknown;
}

/** Everything a definition can read about one profile, for in-memory evaluation. */
export interface ProfileSnapshot {
  /** JSON values by trait name. */
  readonly traits: Readonly<Record<string, unknown>>;
  readonly events: readonly ProfileEvent[];
  readonly identifiers: readonly { readonly type: string; readonly value: string }[];
  /** Current tag values (JSON: boolean, number or text) by tag id. */
  readonly tags: Readonly<Record<string, unknown>>;
  /** Ids of the audiences the profile is a member of. */
  readonly audiences: ReadonlySet<string> | readonly string[];
}

/** An own property of a JSON object, `undefined` when missing (never from the prototype). */
export function field(object: unknown, key: string): unknown {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return undefined;
  return Object.hasOwn(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}
