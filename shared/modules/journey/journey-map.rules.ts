// The journey over time, computed from the recorded changes (docs/journey-history.md, "Definitions"). Pure, so
// the customer page, the report and the tests compute the same.
import { STATIONS, type CompanyStatus, type JourneyReason, type Station } from '../customers'
import type { JourneyEntry, JourneyMap, JourneyStay, MapStation, StationFigures } from './journey.types'

const DAY_MS = 86_400_000

/** One company's history as the journey map reads it: `day,station,reason,status;…` (an empty station: left). */
export function unpackHistory(packed: string): JourneyEntry[] {
  // Read by position, not split twice: the map unpacks 80,000 changes for a year of the large set.
  const entries: JourneyEntry[] = []
  let at = 0
  while (at < packed.length) {
    const c1 = packed.indexOf(',', at)
    const c2 = packed.indexOf(',', c1 + 1)
    const c3 = packed.indexOf(',', c2 + 1)
    let end = packed.indexOf(';', c3 + 1)
    if (end < 0) end = packed.length
    entries.push({
      day: packed.slice(at, c1),
      station: c2 === c1 + 1 ? null : (packed.slice(c1 + 1, c2) as Station),
      reason: packed.slice(c2 + 1, c3) as JourneyReason,
      status: packed.slice(c3 + 1, end) as CompanyStatus,
    })
    at = end + 1
  }
  return entries
}
/** Day numbers by ISO day: a year's map reads 80,000 changes on a few hundred distinct days (bounded, cleared when full). */
const dayNumbers = new Map<string, number>()
const dayNumber = (day: string): number => {
  let n = dayNumbers.get(day)
  if (n === undefined) {
    if (dayNumbers.size >= 50_000) dayNumbers.clear()
    n = Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS)
    dayNumbers.set(day, n)
  }
  return n
}
/** Whole days from one Berlin day to a later one. */
export const daysFromTo = (from: string, to: string): number => dayNumber(to) - dayNumber(from)

/**
 * The stays of one company, from its changes in the order they were recorded: a change that names the station the
 * customer already stands at (another reason, or the same change recorded twice) continues the stay.
 */
export function staysOf(entries: readonly JourneyEntry[], today: string): JourneyStay[] {
  // One pass, each stay made once (the journey map runs this for every customer).
  const stays: JourneyStay[] = []
  let last: JourneyStay | undefined
  for (const entry of entries) {
    if (last && last.station === entry.station) continue
    if (last) {
      last.until = entry.day
      last.days = Math.max(0, daysFromTo(last.since, entry.day))
    }
    last = { station: entry.station, reason: entry.reason, since: entry.day, until: null, days: 0 }
    stays.push(last)
  }
  if (last) last.days = Math.max(0, daysFromTo(last.since, today))
  return stays
}

/** The median of whole numbers; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = Float64Array.from(values).sort() // numeric and native: a year's map sorts tens of thousands of stays
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const NO_STRUCTURAL_FACT: readonly JourneyReason[] = ['status', 'latest_touchpoint']

/** A prospect whose open offers all closed without business: the offer was lost (or withdrawn, or expired). */
const isLost = (before: JourneyEntry, after: JourneyEntry) =>
  before.reason === 'open_offer' && after.status === 'prospect' && NO_STRUCTURAL_FACT.includes(after.reason)

const mapStation = (station: Station | null): MapStation => station ?? 'left'
const inPeriod = (day: string, from: string, to: string) => day >= from && day <= to

/** A station's place in STATIONS; `left` after the last. */
const STATION_INDEX = new Map<Station | null, number>([...STATIONS.map((s, i) => [s, i] as const), [null, STATIONS.length]])
const MAP_STATIONS: readonly MapStation[] = [...STATIONS, 'left']

/**
 * The map of a period from the companies' histories (each in recorded order, nothing after `to`) and their stored
 * current stations. Transitions and drop-outs count what happened on a day of the period; a stay's length counts
 * when it ended in the period. Counted in arrays by station index (this runs over every customer's history).
 */
export function journeyMapOf(histories: readonly (readonly JourneyEntry[])[], current: ReadonlyArray<Station | null>, from: string, to: string): JourneyMap {
  const n = STATIONS.length
  const customers = new Array<number>(n).fill(0)
  const lengths: number[][] = STATIONS.map(() => [])
  const lost = new Array<number>(n).fill(0)
  const churned = new Array<number>(n).fill(0)
  /** Moves by from × (n + 1) + to. */
  const moves = new Array<number>((n + 1) * (n + 1)).fill(0)
  const counted = new Array<boolean>(n)
  /** A stay at `at` from `since` to `until` (null: still there), as staysOf makes it. */
  const stay = (at: number, since: string, until: string | null) => {
    if (at === n) return
    if (!counted[at] && since <= to && (until === null || until >= from)) {
      counted[at] = true
      customers[at]! += 1
    }
    if (until !== null && inPeriod(until, from, to)) lengths[at]!.push(Math.max(0, daysFromTo(since, until)))
  }
  // The stays of each history walked in place (the same stays as staysOf, none allocated: this runs over every
  // customer's history).
  for (const entries of histories) {
    if (entries.length === 0) continue
    counted.fill(false)
    let at = STATION_INDEX.get(entries[0]!.station)!
    let since = entries[0]!.day
    for (let i = 1; i < entries.length; i++) {
      const before = entries[i - 1]!
      const entry = entries[i]!
      if (before.station && isLost(before, entry) && inPeriod(entry.day, from, to)) lost[STATION_INDEX.get(before.station)!]! += 1
      const next = STATION_INDEX.get(entry.station)!
      if (next === at) continue
      stay(at, since, entry.day)
      if (inPeriod(entry.day, from, to)) {
        moves[at * (n + 1) + next]! += 1
        if (at < n && next === n) churned[at]! += 1
      }
      at = next
      since = entry.day
    }
    stay(at, since, null)
  }
  const transitions: JourneyMap['transitions'] = []
  for (let a = 0; a <= n; a++) {
    for (let b = 0; b <= n; b++) {
      const count = moves[a * (n + 1) + b]!
      if (count > 0) transitions.push({ from: MAP_STATIONS[a]!, to: MAP_STATIONS[b]!, count })
    }
  }
  const now = new Map<MapStation, number>()
  for (const station of current) now.set(mapStation(station), (now.get(mapStation(station)) ?? 0) + 1)
  const stations: StationFigures[] = STATIONS.map((station, i) => {
    const c = customers[i]!
    return {
      station, customers: c, completedStays: lengths[i]!.length, medianDays: median(lengths[i]!), lost: lost[i]!, churned: churned[i]!,
      dropOutRate: c === 0 ? null : (lost[i]! + churned[i]!) / c,
    }
  })
  return {
    from, to,
    now: MAP_STATIONS.map((station) => ({ station, count: now.get(station) ?? 0 })),
    transitions,
    stations,
    companies: current.length,
  }
}
