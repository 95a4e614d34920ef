/**
 * Seeded random numbers, so that a resampling statistic gives the same answer for the same seed
 * (a reliability report can be reproduced) and shared code never reaches for `Math.random`.
 *
 * Mulberry32 (Tommy Ettinger's 32-bit generator): one 32-bit state, period 2^32, good enough for
 * drawing bootstrap samples and shuffling training examples; not for anything that needs to be unpredictable.
 */

/**
 * A generator of numbers in [0, 1) fully determined by `seed`. Any number is accepted; it is
 * reduced to its low 32 bits as an unsigned integer (so 1.5 acts as 1 and −1 as 2^32 − 1).
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `items` in place (Fisher–Yates) with `random` (a generator of numbers in [0, 1)). */
export function shuffleInPlace<T extends { length: number; [index: number]: unknown }>(items: T, random: () => number): T {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = items[i];
    items[i] = items[j];
    items[j] = swap;
  }
  return items;
}
