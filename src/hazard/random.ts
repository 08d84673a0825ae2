// A tiny seeded PRNG (mulberry32) whose whole state is one 32-bit number, so it can live in a
// snapshot: nextRandom(state) → [value, newState] is pure and reads no clock.

/** The generator's state: an unsigned 32-bit integer. */
export type RandomState = number;

/**
 * A starting state from a seed: a number (its integer part, wrapped to 32 bits) or a string
 * (hashed with 32-bit FNV-1a).
 */
export function seedRandom(seed: number | string): RandomState {
  if (typeof seed === 'number') {
    if (!Number.isFinite(seed)) throw new RangeError(`a random seed must be a finite number, got ${seed}`);
    return Math.trunc(seed) % 4294967296 >>> 0;
  }
  // FNV-1a 32-bit: offset basis 2166136261, prime 16777619 (Fowler, Noll, Vo; IETF draft-eastlake-fnv)
  let hash = 2166136261;
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 16777619);
  return hash >>> 0;
}

/** One draw: a value in [0, 1) and the next state. mulberry32 (Tommy Ettinger, public domain; period 2^32). */
export function nextRandom(state: RandomState): readonly [value: number, state: RandomState] {
  // mulberry32 increment 0x6D2B79F5 and mixing constants (Ettinger 2017, as in bryc/code jshash/PRNGs.md)
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = Math.imul(next ^ (next >>> 15), next | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** A () => number over a state, for functions that take an rng; read the final state back with state(). */
export interface RandomStream {
  readonly next: () => number;
  readonly state: () => RandomState;
}

export function randomStream(state: RandomState): RandomStream {
  let current = state >>> 0;
  return {
    next: () => {
      const [value, after] = nextRandom(current);
      current = after;
      return value;
    },
    state: () => current,
  };
}
