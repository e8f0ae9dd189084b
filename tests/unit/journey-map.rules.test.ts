// The rules of the journey over time: stays from recorded changes, the median, and the map's counting rules.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { STATIONS } from '../../shared/modules/customers'
import { daysFromTo, journeyMapOf, median, staysOf, unpackHistory, type JourneyEntry } from '../../shared/modules/journey'

const e = (day: string, station: JourneyEntry['station'], reason: JourneyEntry['reason'] = 'latest_touchpoint', status: JourneyEntry['status'] = 'customer'): JourneyEntry => ({ day, station, reason, status })

describe('stays', () => {
  it('continue at the same station and end the day the customer moved on; the current one counts up to today', () => {
    expect(staysOf([e('2026-01-01', 'offer', 'open_offer'), e('2026-01-05', 'offer', 'status'), e('2026-02-01', 'usage'), e('2026-02-01', 'usage')], '2026-03-01')).toEqual([
      { station: 'offer', reason: 'open_offer', since: '2026-01-01', until: '2026-02-01', days: 31 },
      { station: 'usage', reason: 'latest_touchpoint', since: '2026-02-01', until: null, days: 28 },
    ])
  })
  it('count whole days across the change to summer time', () => {
    expect(daysFromTo('2026-03-28', '2026-03-30')).toBe(2)
  })
})

describe('a packed history', () => {
  it('reads back the changes in order, an empty station as outside the journey', () => {
    expect(unpackHistory('2026-01-01,offer,open_offer,prospect;2026-02-01,,former_customer,former')).toEqual([
      e('2026-01-01', 'offer', 'open_offer', 'prospect'), e('2026-02-01', null, 'former_customer', 'former'),
    ])
  })
})

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones; none without values', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([10, 1, 4, 3])).toBe(3.5)
    expect(median([])).toBeNull()
  })
})

describe('the journey map', () => {
  it('counts a move on the first and the last day of the period, not the day before or after', () => {
    const histories = [
      [e('2025-12-01', 'offer'), e('2025-12-31', 'contract')],
      [e('2025-12-01', 'offer'), e('2026-01-01', 'contract')],
      [e('2025-12-01', 'offer'), e('2026-01-31', 'contract')],
      [e('2025-12-01', 'offer'), e('2026-02-01', 'contract')],
    ]
    const m = journeyMapOf(histories, ['contract', 'contract', 'contract', 'contract'], '2026-01-01', '2026-01-31')
    expect(m.transitions).toEqual([{ from: 'offer', to: 'contract', count: 2 }])
  })
  it('tells a lost prospect (offer closed without business) from a churned customer (left the journey)', () => {
    const m = journeyMapOf([
      [e('2026-01-01', 'offer', 'open_offer', 'prospect'), e('2026-01-10', 'support', 'latest_touchpoint', 'prospect')],
      [e('2026-01-01', 'offer', 'open_offer', 'prospect'), e('2026-01-10', 'support', 'open_cases', 'prospect')],
      [e('2026-01-01', 'offer', 'open_offer', 'prospect'), e('2026-01-10', 'usage', 'status', 'customer')],
      [e('2026-01-01', 'usage', 'active_contract'), e('2026-01-20', null, 'former_customer', 'former')],
    ], ['support', 'support', 'usage', null], '2026-01-01', '2026-01-31')
    const offer = m.stations.find((s) => s.station === 'offer')!
    const usage = m.stations.find((s) => s.station === 'usage')!
    expect([offer.lost, offer.churned, offer.customers, offer.dropOutRate]).toEqual([1, 0, 3, 1 / 3])
    expect([usage.lost, usage.churned, usage.customers, usage.dropOutRate]).toEqual([0, 1, 2, 1 / 2])
    expect(m.now.find((n) => n.station === 'left')!.count).toBe(1)
  })

  const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2025, 6, 1) + n * 86_400_000).toISOString().slice(0, 10))
  const station = fc.constantFrom(...STATIONS, null)
  const history = fc.array(fc.tuple(day, station), { maxLength: 8 }).map((xs) => xs.sort((a, b) => a[0].localeCompare(b[0])).map(([d, s]) => e(d, s)))

  it('counts each move of a customer in the period once, and as many stays end as moves leave a station', () => {
    fc.assert(fc.property(fc.array(history, { maxLength: 12 }), (histories) => {
      const m = journeyMapOf(histories, histories.map(() => null), '2026-01-01', '2026-06-30')
      let moves = 0
      let leaving = 0
      for (const h of histories) {
        h.forEach((x, i) => {
          if (i > 0 && x.station !== h[i - 1]!.station && x.day >= '2026-01-01' && x.day <= '2026-06-30') {
            const previous = staysOf(h.slice(0, i), x.day).at(-1)!
            if (previous.station !== x.station) {
              moves += 1
              if (previous.station) leaving += 1
            }
          }
        })
      }
      expect(m.transitions.reduce((sum, tr) => sum + tr.count, 0)).toBe(moves)
      expect(m.stations.reduce((sum, s) => sum + s.completedStays, 0)).toBe(leaving)
      for (const s of m.stations) if (s.medianDays !== null) expect(s.medianDays).toBeGreaterThanOrEqual(0)
    }))
  })

  // The map walks each history in place for speed; it must count exactly what the stays (staysOf) say, the way the
  // definitions in docs/journey-history.md read: checked against that plain reading on random histories.
  const reason = fc.constantFrom<JourneyEntry['reason']>('open_offer', 'status', 'latest_touchpoint', 'active_contract')
  const status = fc.constantFrom<JourneyEntry['status']>('prospect', 'customer', 'former')
  const richHistory = fc.array(fc.tuple(day, station, reason, status), { maxLength: 8 })
    .map((xs) => xs.sort((a, b) => a[0].localeCompare(b[0])).map(([d, st, r, so]) => e(d, st, r, so)))

  function plainReading(histories: readonly JourneyEntry[][], from: string, to: string) {
    const inPeriod = (d: string) => d >= from && d <= to
    const figures = new Map(STATIONS.map((st) => [st, { customers: 0, lengths: [] as number[], lost: 0, churned: 0 }]))
    const moves = new Map<string, number>()
    for (const h of histories) {
      const stays = staysOf(h, to)
      const seen = new Set<string>()
      stays.forEach((st, i) => {
        const f = st.station ? figures.get(st.station)! : null
        if (f && st.since <= to && (st.until === null || st.until >= from) && !seen.has(st.station!)) {
          seen.add(st.station!)
          f.customers += 1
        }
        if (f && st.until !== null && inPeriod(st.until)) f.lengths.push(st.days)
        const next = stays[i + 1]
        if (!next || !inPeriod(next.since)) return
        const key = `${st.station ?? 'left'}>${next.station ?? 'left'}`
        moves.set(key, (moves.get(key) ?? 0) + 1)
        if (f && next.station === null) f.churned += 1
      })
      h.forEach((x, i) => {
        const before = h[i - 1]
        if (before?.station && before.reason === 'open_offer' && x.status === 'prospect' && ['status', 'latest_touchpoint'].includes(x.reason) && inPeriod(x.day)) {
          figures.get(before.station)!.lost += 1
        }
      })
    }
    return { figures, moves }
  }

  it('counts what the stays say: customers, lengths, lost, churned and moves per station, on random histories', () => {
    fc.assert(fc.property(fc.array(richHistory, { maxLength: 12 }), (histories) => {
      const m = journeyMapOf(histories, histories.map(() => null), '2026-01-01', '2026-06-30')
      const plain = plainReading(histories, '2026-01-01', '2026-06-30')
      for (const st of m.stations) {
        const f = plain.figures.get(st.station)!
        expect([st.customers, st.completedStays, st.medianDays, st.lost, st.churned]).toEqual([f.customers, f.lengths.length, median(f.lengths), f.lost, f.churned])
      }
      expect(Object.fromEntries(m.transitions.map((tr) => [`${tr.from}>${tr.to}`, tr.count]))).toEqual(Object.fromEntries(plain.moves))
    }))
  })
})

