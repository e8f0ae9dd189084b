// Report periods shared by every rate report (order rate, renewal rate, NPS), and the split of a range into the
// whole months a roll-up answers and the partial months at its edges.
export type Period = 'month' | 'quarter' | 'year'

/** A month key ("2026-11") as the report's period: "2026-11", "2026-Q4" or "2026". */
export const periodOf = (month: string, period: Period): string =>
  period === 'month' ? month : period === 'year' ? month.slice(0, 4) : `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) + 2) / 3)}`

const shiftMonth = (month: string, by: number): string => {
  const d = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1))
  return d.toISOString().slice(0, 7)
}
const lastDay = (month: string): string => new Date(Date.parse(`${shiftMonth(month, 1)}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)

/**
 * Splits [from, to] into whole months (read from a roll-up: offer_stats, feedback_stats, follow_up_stats)
 * and the partial months at its edges (read from the rows themselves).
 */
export function splitRange(from: string, to: string): { months: [string, string] | null; days: Array<[string, string]> } {
  const first = from.endsWith('-01') ? from.slice(0, 7) : shiftMonth(from.slice(0, 7), 1)
  const last = to === lastDay(to.slice(0, 7)) ? to.slice(0, 7) : shiftMonth(to.slice(0, 7), -1)
  if (first > last) return { months: null, days: from <= to ? [[from, to]] : [] }
  const days: Array<[string, string]> = []
  if (!from.endsWith('-01')) days.push([from, lastDay(from.slice(0, 7))])
  if (to !== lastDay(to.slice(0, 7))) days.push([`${to.slice(0, 7)}-01`, to])
  return { months: [first, last], days }
}
