import type { DestinationState } from './destination.ts';

interface Memo {
  value: Promise<unknown>;
  expiresAt: number;
}

interface Resource {
  readonly value: Promise<unknown>;
  readonly close: (value: unknown) => Promise<void>;
}

/**
 * A destination's state in this process: memoised values with a lifetime (access tokens; one load
 * shared by concurrent deliveries) and long-lived connections, closed by `close()`.
 */
export class MemoryDestinationState implements DestinationState {
  private readonly memos = new Map<string, Memo>();
  private readonly resources = new Map<string, Resource>();

  constructor(private readonly now: () => number = Date.now) {}

  memo<T>(key: string, load: () => Promise<{ value: T; ttlMs: number }>): Promise<T> {
    const held = this.memos.get(key);
    if (held && held.expiresAt > this.now()) return held.value as Promise<T>;
    const entry: Memo = { value: Promise.resolve(), expiresAt: Number.POSITIVE_INFINITY };
    entry.value = load().then(
      (loaded) => {
        entry.expiresAt = this.now() + loaded.ttlMs;
        return loaded.value;
      },
      (err: unknown) => {
        if (this.memos.get(key) === entry) this.memos.delete(key);
        throw err;
      },
    );
    this.memos.set(key, entry);
    return entry.value as Promise<T>;
  }

  forget(key: string): void {
    this.memos.delete(key);
  }

  resource<T>(key: string, open: () => Promise<T>, close: (value: T) => Promise<void>): Promise<T> {
    const held = this.resources.get(key);
    if (held) return held.value as Promise<T>;
    const value = open().catch((err: unknown) => {
      this.resources.delete(key);
      throw err;
    });
    this.resources.set(key, { value, close: close as (value: unknown) => Promise<void> });
    return value;
  }

  /** Closes every resource (errors ignored: the peer may already be gone). */
  async close(): Promise<void> {
    const all = [...this.resources.values()];
    this.resources.clear();
    this.memos.clear();
    await Promise.all(
      all.map(async (r) => {
        try {
          await r.close(await r.value);
        } catch {
          // closing a broken connection
        }
      }),
    );
  }
}
