// The journey over time, computed from the recorded changes (docs/journey-history.md, "Definitions"). Pure, so
// the customer page, the report and the tests compute the same.
import { STATIONS, type CompanyStatus, type JourneyReason, type Station } from '../customers'
import type { JourneyEntry, JourneyMap, JourneyStay, MapStation, StationFigures } from './journey.types'

const DAY_MS = 86_400_000

/** One company's history as the journey map reads it: `day,station,reason,status;…` (an empty station: left). */
export function unpackHistory(packed: string): JourneyEntry[] {
  return packed.split(';').map((change) => {
    const [day, station, reason, status] = change.split(',') as [string, string, JourneyReason, CompanyStatus]
    return { day, station: station === '' ? null : (station as Station), reason, status }
  })
}
/** Whole days from one Berlin day to a later one. */
export const daysFromTo = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)

/**
 * The stays of one company, from its changes in the order they were recorded: a change that names the station the
 * customer already stands at (another reason, or the same change recorded twice) continues the stay.
 */
export function staysOf(entries: readonly JourneyEntry[], today: string): JourneyStay[] {
  const stays: Array<Omit<JourneyStay, 'days'>> = []
  for (const entry of entries) {
    const last = stays[stays.length - 1]
    if (last && last.station === entry.station) continue
    if (last) last.until = entry.day
    stays.push({ station: entry.station, reason: entry.reason, since: entry.day, until: null })
  }
  return stays.map((s) => ({ ...s, days: Math.max(0, daysFromTo(s.since, s.until ?? today)) }))
}

/** The median of whole numbers; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const NO_STRUCTURAL_FACT: readonly JourneyReason[] = ['status', 'latest_touchpoint']

/** A prospect whose open offers all closed without business: the offer was lost (or withdrawn, or expired). */
const isLost = (before: JourneyEntry, after: JourneyEntry) =>
  before.reason === 'open_offer' && after.status === 'prospect' && NO_STRUCTURAL_FACT.includes(after.reason)

const mapStation = (station: Station | null): MapStation => station ?? 'left'
const inPeriod = (day: string, from: string, to: string) => day >= from && day <= to

interface Tally {
  customers: Set<number>
  lengths: number[]
  lost: number
  churned: number
}

/**
 * The map of a period from the companies' histories (each in recorded order, nothing after `to`) and their stored
 * current stations. Transitions and drop-outs count what happened on a day of the period; a stay's length counts
 * when it ended in the period.
 */
export function journeyMapOf(histories: readonly (readonly JourneyEntry[])[], current: ReadonlyArray<Station | null>, from: string, to: string): JourneyMap {
  const tallies = new Map<Station, Tally>(STATIONS.map((s) => [s, { customers: new Set<number>(), lengths: [], lost: 0, churned: 0 }]))
  const transitions = new Map<string, { from: MapStation; to: MapStation; count: number }>()
  histories.forEach((entries, company) => {
    const stays = staysOf(entries, to)
    stays.forEach((stay, i) => {
      const tally = stay.station ? tallies.get(stay.station)! : null
      const overlaps = stay.since <= to && (stay.until === null || stay.until >= from)
      if (tally && overlaps) tally.customers.add(company)
      if (tally && stay.until !== null && inPeriod(stay.until, from, to)) tally.lengths.push(stay.days)
      const next = stays[i + 1]
      if (!next || !inPeriod(next.since, from, to)) return
      const key = `${mapStation(stay.station)}>${mapStation(next.station)}`
      const known = transitions.get(key) ?? { from: mapStation(stay.station), to: mapStation(next.station), count: 0 }
      known.count += 1
      transitions.set(key, known)
      if (tally && next.station === null) tally.churned += 1
    })
    entries.forEach((entry, i) => {
      const before = entries[i - 1]
      if (before?.station && isLost(before, entry) && inPeriod(entry.day, from, to)) tallies.get(before.station)!.lost += 1
    })
  })
  const now = new Map<MapStation, number>()
  for (const station of current) now.set(mapStation(station), (now.get(mapStation(station)) ?? 0) + 1)
  const stations: StationFigures[] = STATIONS.map((station) => {
    const t = tallies.get(station)!
    const customers = t.customers.size
    return {
      station, customers, completedStays: t.lengths.length, medianDays: median(t.lengths), lost: t.lost, churned: t.churned,
      dropOutRate: customers === 0 ? null : (t.lost + t.churned) / customers,
    }
  })
  const order = (s: MapStation) => (s === 'left' ? STATIONS.length : STATIONS.indexOf(s))
  return {
    from, to,
    now: [...STATIONS, 'left' as const].map((station) => ({ station, count: now.get(station) ?? 0 })),
    transitions: [...transitions.values()].sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to)),
    stations,
    companies: current.length,
  }
}
