/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) and the draws the synthetic data needs.
 * Same seed → same sequence, on every machine: only 32-bit integer arithmetic (Math.imul, >>>) is used to advance
 * the state. Not for anything secret.
 */

/** splitmix32 step: a well-mixed 32-bit value from any 32-bit input. */
export function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A 32-bit hash of a few integers (order matters). */
export function hash32(...values: number[]): number {
  let h = 0x2545f491;
  for (const v of values) h = mix32(h ^ mix32(v | 0));
  return h;
}

/** A 32-bit hash of a text (FNV-1a), to derive independent streams from names. */
export function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A generator for `seed`, optionally a named independent stream of it ("companies", "files"…). */
  constructor(seed: number, stream = '') {
    const s = hash32(seed, textHash(stream));
    this.a = mix32(s);
    this.b = mix32(this.a ^ 0x6a09e667);
    this.c = mix32(this.b ^ 0xbb67ae85);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next32();
  }

  /** A uniform 32-bit unsigned integer. */
  next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.next32() / 4294967296;
  }

  /** Uniform integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An index drawn with the given cumulative weights (from `cumulative`). */
  weightedIndex(cumulativeWeights: readonly number[]): number {
    const total = cumulativeWeights[cumulativeWeights.length - 1]!;
    const target = this.next() * total;
    let lo = 0;
    let hi = cumulativeWeights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulativeWeights[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-scale spread. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
}

/** Running sums of `weights`, for Prng.weightedIndex. */
export function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

/** A chooser of values by weight: `new Weighted([['A', 3], ['B', 1]]).draw(prng)`. */
export class Weighted<T> {
  private readonly values: T[];
  private readonly sums: number[];

  constructor(entries: readonly (readonly [T, number])[]) {
    this.values = entries.map(([value]) => value);
    this.sums = cumulative(entries.map(([, weight]) => weight));
  }

  draw(prng: Prng): T {
    return this.values[prng.weightedIndex(this.sums)]!;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(value: number): string {
  return HEX[(value >>> 24) & 255]! + HEX[(value >>> 16) & 255]! + HEX[(value >>> 8) & 255]! + HEX[value & 255]!;
}

/**
 * A deterministic identifier shaped like a version-4 UUID, for row `index` of table `tag`: the same seed gives the
 * same ids, rows of other tables can compute a row's id without storing it, and ids look as scattered as
 * gen_random_uuid()'s (so indexes fill as they would in production). Distinct (tag, index) pairs give distinct ids
 * in practice (96 bits of hash).
 */
export function scaleUuid(seed: number, tag: number, index: number): string {
  const w0 = hash32(seed, tag, index, 1);
  const w1 = hash32(seed, tag, index, 2);
  const w2 = hash32(seed, tag, index, 3);
  // The index itself in the last 32 bits keeps ids of one table distinct whatever the hashes do.
  const w3 = (index ^ mix32(hash32(seed, tag))) >>> 0;
  const a = hex32(w0);
  const b = hex32(w1);
  const c = hex32(((w2 & 0x3fffffff) | 0x80000000) >>> 0);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${c.slice(0, 4)}-${c.slice(4)}${hex32(w3)}`;
}
