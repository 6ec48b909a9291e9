/**
 * Group commit: concurrent callers' writes share one transaction. Each `submit` waits until its items
 * are committed (or failed). While one flush runs, new submissions pile up and go out together in the
 * next, so throughput grows with concurrency at no durability cost. Hot point reads use it the same
 * way: concurrent lookups share one query (one round trip and one plan execution for many keys).
 */
export class OverloadedError extends Error {
  override name = 'OverloadedError';
}

interface Request<T, R> {
  readonly items: readonly T[];
  readonly resolve: (results: R[]) => void;
  readonly reject: (err: unknown) => void;
}

export interface GroupCommitOptions {
  /** Items per transaction (whole requests are never split; a larger request goes alone). */
  readonly maxBatch: number;
  /** Items waiting beyond which `submit` refuses with OverloadedError (callers answer 503). */
  readonly maxPending: number;
  /**
   * Transactions in flight at once (default 1). Two let the next group be encoded while the database
   * commits the previous one; callers must write in a deadlock-free order (e.g. sorted keys).
   */
  readonly concurrency?: number;
}

export class GroupCommitter<T, R> {
  private queue: Request<T, R>[] = [];
  private pendingItems = 0;
  private readonly workers = new Set<Promise<void>>();

  constructor(
    private readonly flush: (items: readonly T[]) => Promise<R[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  get pending(): number {
    return this.pendingItems;
  }

  submit(items: readonly T[]): Promise<R[]> {
    if (items.length === 0) return Promise.resolve([]);
    if (this.pendingItems + items.length > this.options.maxPending) {
      return Promise.reject(new OverloadedError(`${this.pendingItems} messages are waiting to be committed`));
    }
    return new Promise<R[]>((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      this.pendingItems += items.length;
      if (this.workers.size < (this.options.concurrency ?? 1)) {
        const worker: Promise<void> = this.loop().finally(() => this.workers.delete(worker));
        this.workers.add(worker);
      }
    });
  }

  /** Resolves once everything submitted so far is committed or failed. */
  async drain(): Promise<void> {
    while (this.workers.size) await Promise.all(this.workers);
  }

  private take(): Request<T, R>[] {
    const group: Request<T, R>[] = [];
    let count = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0];
      if (group.length > 0 && count + next.items.length > this.options.maxBatch) break;
      group.push(next);
      count += next.items.length;
      this.queue.shift();
    }
    return group;
  }

  private async loop(): Promise<void> {
    // Let the requests that arrive in the same tick join the first transaction.
    await new Promise((r) => setImmediate(r));
    for (let group = this.take(); group.length > 0; group = this.take()) {
      await this.flushGroup(group);
      for (const req of group) this.pendingItems -= req.items.length;
    }
  }

  private async flushGroup(group: Request<T, R>[]): Promise<void> {
    try {
      const results = await this.flush(group.flatMap((r) => r.items));
      let offset = 0;
      for (const req of group) {
        req.resolve(results.slice(offset, offset + req.items.length));
        offset += req.items.length;
      }
    } catch (err) {
      if (group.length === 1) {
        group[0].reject(err);
        return;
      }
      // One request's bad data must not fail its neighbours: retry each alone.
      for (const req of group) await this.flushGroup([req]);
    }
  }
}
