// The holidays from date-holidays against the calendar this app wrote by hand until issue 12
// (copied below as the oracle, unchanged): 2020–2035, all 16 states. The only differences allowed
// are the one-off holidays the library knows and the old code did not, listed in ONE_OFFS.
import { describe, expect, it } from 'vitest'
import { FEDERAL_STATES, type FederalState } from '../../shared/modules/customers/customer.enums'
import { isBusinessDay, publicHolidays } from '../../shared/platform/calendar/german-holidays'

/** Holidays the library has and the old calendar had not: genuine one-offs, by state. */
const ONE_OFFS: Array<{ state: FederalState; date: string; name: string }> = [
  // 75 years since the uprising of 17 June 1953 (Berlin, one-off); a Saturday, so no business day moves.
  { state: 'BE', date: '2028-06-17', name: '75-jähriges Jubiläum des Volksaufstands in der DDR' },
]

// ---- The old hand-written calendar (shared/platform/calendar/german-holidays.ts before issue 12) ----

const DAY_MS = 86_400_000

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(n: number): number {
  return new Date(n * DAY_MS).getUTCDay()
}

function easterDayNumber(year: number): number {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return dayNumber(year, month, day)
}

function oldHolidayDays(year: number, state: FederalState): Array<{ day: number; name: string }> {
  const easter = easterDayNumber(year)
  const fixed = (month: number, day: number) => dayNumber(year, month, day)
  const inStates = (...states: FederalState[]) => states.includes(state)
  const list: Array<{ day: number; name: string }> = []
  const add = (day: number, name: string, applies = true) => {
    if (applies) list.push({ day, name })
  }

  add(fixed(1, 1), 'Neujahr')
  add(fixed(1, 6), 'Heilige Drei Könige', inStates('BW', 'BY', 'ST'))
  add(fixed(3, 8), 'Internationaler Frauentag', (state === 'BE' && year >= 2019) || (state === 'MV' && year >= 2023))
  add(easter - 2, 'Karfreitag')
  // Brandenburg names Easter and Whit Sunday in its holiday law; elsewhere they are ordinary Sundays
  // (Hessen declares every Sunday a holiday, so it does not list them separately).
  add(easter, 'Ostersonntag', state === 'BB')
  add(easter + 1, 'Ostermontag')
  add(fixed(5, 1), 'Tag der Arbeit')
  // One-off holidays in Berlin for the 75th and 80th anniversary of the end of the war in Europe.
  add(fixed(5, 8), 'Tag der Befreiung', state === 'BE' && (year === 2020 || year === 2025))
  add(easter + 39, 'Christi Himmelfahrt')
  add(easter + 49, 'Pfingstsonntag', state === 'BB')
  add(easter + 50, 'Pfingstmontag')
  // Fronleichnam is also a holiday in some Catholic communities of SN and TH; not modelled (state level only).
  add(easter + 60, 'Fronleichnam', inStates('BW', 'BY', 'HE', 'NW', 'RP', 'SL'))
  // Mariä Himmelfahrt: statewide in SL. In BY it is a holiday only in communities with a Catholic
  // majority, which a state code cannot tell, so it is left out for BY (as is Augsburg's Friedensfest).
  add(fixed(8, 15), 'Mariä Himmelfahrt', state === 'SL')
  add(fixed(9, 20), 'Weltkindertag', state === 'TH' && year >= 2019)
  add(fixed(10, 3), 'Tag der Deutschen Einheit')
  add(fixed(10, 31), 'Reformationstag',
    inStates('BB', 'MV', 'SN', 'ST', 'TH') || (inStates('HB', 'HH', 'NI', 'SH') && year >= 2018) || year === 2017)
  add(fixed(11, 1), 'Allerheiligen', inStates('BW', 'BY', 'NW', 'RP', 'SL'))
  // Buß- und Bettag: the Wednesday before 23 November (16–22 November). Only SN since 1995.
  const nov22 = fixed(11, 22)
  add(nov22 - ((weekday(nov22) - 3 + 7) % 7), 'Buß- und Bettag', state === 'SN')
  add(fixed(12, 25), '1. Weihnachtstag')
  add(fixed(12, 26), '2. Weihnachtstag')
  return list.sort((x, y) => x.day - y.day)
}


function oldPublicHolidays(year: number, state: FederalState): Array<{ date: string; name: string }> {
  return oldHolidayDays(year, state).map(({ day, name }) => ({ date: new Date(day * DAY_MS).toISOString().slice(0, 10), name }))
}

// ---- The comparison ----

describe('publicHolidays against the old hand-written calendar', () => {
  const years = Array.from({ length: 16 }, (_, i) => 2020 + i)

  it.each([...FEDERAL_STATES])('%s: same dates and names 2020–2035, apart from the listed one-offs', (state) => {
    for (const year of years) {
      const oneOffs = ONE_OFFS.filter((o) => o.state === state && o.date.startsWith(`${year}-`))
      const expected = [...oldPublicHolidays(year, state), ...oneOffs.map(({ date, name }) => ({ date, name }))]
        .sort((a, b) => a.date.localeCompare(b.date))
      expect(publicHolidays(year, state), `${state} ${year}`).toEqual(expected)
    }
  })

  it('knows each listed one-off, and it is a day off only in its state', () => {
    for (const { state, date, name } of ONE_OFFS) {
      expect(publicHolidays(Number(date.slice(0, 4)), state)).toContainEqual({ date, name })
      for (const other of FEDERAL_STATES.filter((s) => s !== state)) {
        expect(publicHolidays(Number(date.slice(0, 4)), other).map((h) => h.date), other).not.toContain(date)
      }
    }
  })

  it('counts only public holidays: no observances, bank or school days, no single-community holidays', () => {
    const dates = (year: number, state: FederalState) => publicHolidays(year, state).map((h) => h.date)
    expect(dates(2026, 'BY')).not.toContain('2026-08-15') // Mariä Himmelfahrt: Catholic communities only
    expect(dates(2026, 'BY')).not.toContain('2026-08-08') // Augsburger Friedensfest: the city of Augsburg only
    expect(dates(2026, 'BY')).not.toContain('2026-11-18') // Buß- und Bettag: a school day off in Bavaria
    expect(dates(2026, 'NW')).not.toContain('2026-02-16') // Rosenmontag: an observance
    expect(dates(2026, 'SN')).not.toContain('2026-06-04') // Fronleichnam: some communities of Sachsen only
    expect(dates(2026, 'TH')).not.toContain('2026-06-04') // … and of Thüringen
    for (const state of FEDERAL_STATES) {
      expect(dates(2026, state)).not.toContain('2026-12-24') // bank holiday (afternoon)
      expect(dates(2026, state)).not.toContain('2026-12-31')
    }
  })
})

describe('publicHolidays: the cache', () => {
  it('hands out copies, so a caller changing its list changes nobody else\'s', () => {
    const first = publicHolidays(2026, 'HE')
    first[0]!.name = 'changed'
    first.pop()
    expect(publicHolidays(2026, 'HE')).toHaveLength(10)
    expect(publicHolidays(2026, 'HE')[0]).toEqual({ date: '2026-01-01', name: 'Neujahr' })
  })

  it('answers a business-day question from the cache fast', () => {
    isBusinessDay('2026-06-04', 'NW') // computes NW 2026 once
    const start = performance.now()
    for (let i = 0; i < 100_000; i++) isBusinessDay('2026-06-04', 'NW')
    expect(performance.now() - start).toBeLessThan(1_000)
  })
})
