/**
 * Union-find over identifier keys. Each root knows how many members of each type its set holds
 * (for per-profile limits) and its anchor: the member added first (for stable profile ids).
 */
export class IdentityUnionFind {
  readonly #parent = new Map<string, string>();
  readonly #order = new Map<string, number>();
  readonly #size = new Map<string, number>();
  readonly #counts = new Map<string, Map<string, number>>();
  readonly #anchor = new Map<string, string>();

  has(key: string): boolean {
    return this.#parent.has(key);
  }

  /** Adds `key` as a set of its own; no-op when already present. */
  add(key: string, type: string): void {
    if (this.#parent.has(key)) return;
    this.#parent.set(key, key);
    this.#order.set(key, this.#order.size);
    this.#size.set(key, 1);
    this.#counts.set(key, new Map([[type, 1]]));
    this.#anchor.set(key, key);
  }

  find(key: string): string {
    let node = key;
    let parent = this.#parent.get(node);
    if (parent === undefined) throw new Error(`unknown key: ${key}`);
    while (parent !== node) {
      const grand = this.#parent.get(parent)!;
      this.#parent.set(node, grand);
      node = grand;
      parent = this.#parent.get(node)!;
    }
    return node;
  }

  /** Whether joining the sets of `a` and `b` keeps every type within `limitOf(type)` members. */
  canUnion(a: string, b: string, limitOf: (type: string) => number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const countsA = this.#counts.get(ra)!;
    for (const [type, n] of this.#counts.get(rb)!) {
      if ((countsA.get(type) ?? 0) + n > limitOf(type)) return false;
    }
    return true;
  }

  /** Joins the sets of `a` and `b` (union by size); returns the new root. */
  union(a: string, b: string): string {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return ra;
    if (this.#size.get(ra)! < this.#size.get(rb)!) [ra, rb] = [rb, ra];
    this.#parent.set(rb, ra);
    this.#size.set(ra, this.#size.get(ra)! + this.#size.get(rb)!);
    const counts = this.#counts.get(ra)!;
    for (const [type, n] of this.#counts.get(rb)!) counts.set(type, (counts.get(type) ?? 0) + n);
    const anchorA = this.#anchor.get(ra)!;
    const anchorB = this.#anchor.get(rb)!;
    if (this.#order.get(anchorB)! < this.#order.get(anchorA)!) this.#anchor.set(ra, anchorB);
    this.#counts.delete(rb);
    this.#anchor.delete(rb);
    this.#size.delete(rb);
    return ra;
  }

  /** The earliest-added member of `key`'s set. */
  anchorOf(key: string): string {
    return this.#anchor.get(this.find(key))!;
  }

  /** Members per type in `key`'s set. */
  countsOf(key: string): ReadonlyMap<string, number> {
    return this.#counts.get(this.find(key))!;
  }

  /** Every key, in the order added. */
  keys(): IterableIterator<string> {
    return this.#parent.keys();
  }
}
