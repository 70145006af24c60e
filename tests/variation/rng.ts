/** Seeded randomness for the markup-variation suite: every variant is reproducible from its seed. */

/** A random source returning floats in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: a small, fast, seeded PRNG (32-bit state).
 * @param seed any 32-bit integer
 * @returns a function giving the next float in [0, 1)
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A stable 32-bit hash of strings (FNV-1a), to derive one seed per (page, transform) from the run's seed.
 * @param parts strings and numbers to hash together
 */
export function hashSeed(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('|')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** One element of a list, chosen by `rng`. */
export function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)];
}

/** True with probability `p`. */
export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}
