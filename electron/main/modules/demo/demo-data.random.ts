// Seeded randomness for the demo data (the same seed gives the same data), and the day demo dates are written in.
import { berlinDay } from '../../../../shared/platform/berlin-time'

/** The German calendar day of an instant (demo dates are days as the users see them). */
export const day = (ms: number) => berlinDay(new Date(ms).toISOString())

/** mulberry32: a small seeded PRNG, so the same seed gives the same demo data. */
export function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  return { next, pick, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) }
}
