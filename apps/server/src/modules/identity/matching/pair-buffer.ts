/** A growable list of record-index pairs with a rule bitmask each, kept in typed arrays. */
export class PairBuffer {
  #left = new Int32Array(1024);
  #right = new Int32Array(1024);
  #rules = new Uint32Array(1024);
  #count = 0;

  get count(): number {
    return this.#count;
  }

  push(left: number, right: number, rules: number): void {
    if (this.#count === this.#left.length) {
      const size = this.#count * 2;
      this.#left = grow(this.#left, new Int32Array(size));
      this.#right = grow(this.#right, new Int32Array(size));
      this.#rules = grow(this.#rules, new Uint32Array(size));
    }
    this.#left[this.#count] = left;
    this.#right[this.#count] = right;
    this.#rules[this.#count] = rules;
    this.#count++;
  }

  /** Trimmed copies of the arrays. */
  toArrays(): { left: Int32Array; right: Int32Array; rules: Uint32Array } {
    return {
      left: this.#left.slice(0, this.#count),
      right: this.#right.slice(0, this.#count),
      rules: this.#rules.slice(0, this.#count),
    };
  }
}

function grow<T extends Int32Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
