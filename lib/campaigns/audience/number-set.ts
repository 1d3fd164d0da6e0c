// A set of positive whole numbers (E.164 numbers without their "+": at most 15 digits, exact in a
// double) in one Float64Array with open addressing. A million of them take 16 MB here against ~50 MB
// and a slower hash in a Set, whose numbers past 2^31 are each a separate heap object.

export class NumberSet {
  #slots = new Float64Array(1 << 16);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  #index(n: number, slots: Float64Array): number {
    const mask = slots.length - 1;
    // Mix the low and high parts (numbers of one country share their leading digits).
    let i = (Math.imul((n % 4294967296) ^ Math.floor(n / 4294967296), 0x9e3779b1) >>> 0) & mask;
    while (slots[i] !== 0 && slots[i] !== n) i = (i + 1) & mask;
    return i;
  }

  has(n: number): boolean {
    return this.#slots[this.#index(n, this.#slots)] === n;
  }

  /** Adds `n` (> 0); false when it was there already. */
  add(n: number): boolean {
    const i = this.#index(n, this.#slots);
    if (this.#slots[i] === n) return false;
    this.#slots[i] = n;
    if (++this.#size * 2 > this.#slots.length) this.#grow();
    return true;
  }

  #grow(): void {
    const old = this.#slots;
    const slots = new Float64Array(old.length * 2);
    for (const n of old) if (n !== 0) slots[this.#index(n, slots)] = n;
    this.#slots = slots;
  }
}
