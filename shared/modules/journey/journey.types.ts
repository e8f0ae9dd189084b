// What the journey module answers: a customer's stays at the stations, and the journey map report.
import type { CompanyStatus, JourneyReason, Station } from '../customers'

/** A station, or `left`: outside the journey (a former customer). */
export type MapStation = Station | 'left'

/** One recorded change of position (journey_changes), as the rules read it. */
export interface JourneyEntry {
  station: Station | null
  reason: JourneyReason
  status: CompanyStatus
  /** Berlin day, "YYYY-MM-DD". */
  day: string
}

/** A stay at one station: from the day the customer arrived to the day they moved on (null: still there). */
export interface JourneyStay {
  station: Station | null
  /** Why the customer arrived there. */
  reason: JourneyReason
  since: string
  until: string | null
  /** Whole days spent there, up to today for the current stay. */
  days: number
}

export interface JourneyHistory {
  companyId: string
  stays: JourneyStay[]
  /** True when nothing was recorded yet and the one stay is the current position since the company was made. */
  derivedStart: boolean
}

export interface StationFigures {
  station: Station
  /** Customers who were at the station at some time in the period. */
  customers: number
  /** Stays that ended in the period, and the median of their lengths in days (null: none ended). */
  completedStays: number
  medianDays: number | null
  /** Prospects whose open offers all closed without business while at the station, in the period. */
  lost: number
  /** Customers who left the journey (became former customers) from the station, in the period. */
  churned: number
  /** (lost + churned) / customers, null without customers. */
  dropOutRate: number | null
}

export interface JourneyMap {
  from: string
  to: string
  /** Customers per station now (the stored current position), `left` for former customers. */
  now: Array<{ station: MapStation; count: number }>
  /** Moves from one station to another that happened in the period. */
  transitions: Array<{ from: MapStation; to: MapStation; count: number }>
  stations: StationFigures[]
  /** Companies the filters select. */
  companies: number
}
