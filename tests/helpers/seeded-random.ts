// The demo data's seeded generator (mulberry32) for randomised tests, so a failure can be replayed from its seed.
import { random } from '../../electron/main/modules/demo/demo-data.random'

export function seededRandom(seed: number) {
  const { next, pick } = random(seed)
  const int = (n: number) => Math.floor(next() * n)
  /** A day in the `years` years from 1 January of `fromYear`. */
  const day = (fromYear: number, years: number) => new Date(Date.UTC(fromYear, 0, 1) + int(years * 365 + 1) * 86_400_000).toISOString().slice(0, 10)
  return { next, int, pick, day }
}
