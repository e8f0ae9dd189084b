// Report periods shared by every rate report (order rate, renewal rate, NPS).
export type Period = 'month' | 'quarter' | 'year'

/** A month key ("2026-11") as the report's period: "2026-11", "2026-Q4" or "2026". */
export const periodOf = (month: string, period: Period): string =>
  period === 'month' ? month : period === 'year' ? month.slice(0, 4) : `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) + 2) / 3)}`
