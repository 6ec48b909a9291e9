/**
 * Batching for streamed snapshots: only the open batches are held, never the whole audience.
 */

/** Batches per key (operation, id type), each sent as soon as it is full, the rest at `finish()`. */
export class KeyedBatches<T> {
  private readonly open = new Map<string, T[]>();

  constructor(
    private readonly size: number,
    private readonly send: (key: string, items: T[]) => Promise<void>,
  ) {}

  async add(key: string, item: T): Promise<void> {
    const batch = this.open.get(key) ?? [];
    batch.push(item);
    this.open.set(key, batch);
    if (batch.length >= this.size) {
      this.open.delete(key);
      await this.send(key, batch);
    }
  }

  async finish(): Promise<void> {
    const rest = [...this.open];
    this.open.clear();
    for (const [key, batch] of rest) if (batch.length > 0) await this.send(key, batch);
  }
}

/**
 * Numbered batches of one upload session whose last batch must say it is the last: one full batch
 * is held back until another item (not last) or the end (last) arrives, so at most two batches
 * are in memory.
 */
export class SessionBatches<T> {
  private held: T[] | null = null;
  private current: T[] = [];
  private sent = 0;

  constructor(
    private readonly size: number,
    private readonly send: (items: T[], batchSeq: number, last: boolean) => Promise<void>,
  ) {}

  async add(item: T): Promise<void> {
    if (this.held && this.current.length === 0) {
      // more data follows the held batch, so it is not the last
      await this.send(this.held, ++this.sent, false);
      this.held = null;
    }
    this.current.push(item);
    if (this.current.length >= this.size) {
      this.held = this.current;
      this.current = [];
    }
  }

  /** Sends what is left, the last batch flagged; returns how many batches were sent in all. */
  async finish(): Promise<number> {
    const last = this.current.length > 0 ? this.current : this.held;
    if (this.held && last !== this.held) await this.send(this.held, ++this.sent, false);
    if (last) await this.send(last, ++this.sent, true);
    this.held = null;
    this.current = [];
    return this.sent;
  }
}
