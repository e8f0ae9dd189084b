// The manager's dashboard (issue 17): one read of the team's state, each tile with the numbers its chart shows.
import type { ComplaintAge, DashboardRowTile } from './dashboard.schema'
import type { HealthReason } from './health.rules'
import type { TriggerReport } from './trigger.types'

export interface Dashboard {
  today: string
  /** Customers whose health is red, the lowest score first (at most 10 of `atRiskCount`), with the value at stake. */
  atRisk: Array<{ companyId: string; companyName: string; score: number; ownerName: string; annualValueCents: number; reasons: HealthReason[] }>
  atRiskCount: number
  /** Annual value of renewing contracts by the month of their cancel-by date, this month and the next 11. */
  valueAtStake: Array<{ month: string; contracts: number; annualValueCents: number }>
  /** Won ÷ decided offers per month, the last 12 months (this one included). */
  orderRate: Array<{ month: string; decided: number; won: number; rate: number | null }>
  /** Renewed ÷ due contracts per quarter, the last 8 quarters. */
  renewalRate: Array<{ quarter: string; due: number; renewed: number; rate: number | null }>
  /** Open complaints by their age. */
  complaints: Array<{ age: ComplaintAge; count: number }>
  /** Net promoter score per quarter, the last 8 quarters. */
  nps: Array<{ quarter: string; answers: number; nps: number | null }>
  /** Early warnings fired in the last TRIGGER_DAYS days (by the day of the fact) and how many of their tasks are done. */
  triggers: TriggerReport & { from: string; to: string }
  /** Touchpoints logged per rep and week (Monday to Sunday, Berlin days), the last 8 weeks. */
  activity: { weeks: string[]; reps: Array<{ userId: string; name: string; counts: number[] }> }
}

/** A record behind a tile, linking to its page. */
export interface DashboardRow {
  id: string
  href: string
  title: string
  companyId: string
  companyName: string
  /** The day that put it on the tile: cancel-by, received, occurred. */
  day: string
  valueCents: number | null
  ownerName: string
}

export interface DashboardRows {
  tile: DashboardRowTile
  key: string
  rows: DashboardRow[]
  /** More rows exist than the page shows (it lists at most 500). */
  more: boolean
}
