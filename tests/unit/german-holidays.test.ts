// German public holidays per federal state and business-day arithmetic: known dates, counts, and fast-check properties.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FEDERAL_STATES, type FederalState } from '../../shared/modules/customers/customer.enums'
import {
  addBusinessDays,
  addCalendarDays,
  easterSunday,
  isBusinessDay,
  previousBusinessDay,
  publicHolidays,
} from '../../shared/platform/calendar/german-holidays'

const holidayOn = (date: string, state: FederalState) => publicHolidays(Number(date.slice(0, 4)), state).find((h) => h.date === date)?.name
const statesWith = (date: string, name: string) => FEDERAL_STATES.filter((state) => holidayOn(date, state) === name)

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'], [2025, '2025-04-20'], [2026, '2026-04-05'], [2027, '2027-03-28'],
    [2000, '2000-04-23'], [2019, '2019-04-21'],
    [2038, '2038-04-25'], // the latest possible date
    [2285, '2285-03-22'], // the earliest possible date
  ])('%i → %s', (year, date) => {
    expect(easterSunday(year)).toBe(date)
  })

  it('is always a Sunday between 22 March and 25 April', () => {
    fc.assert(fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
      const date = easterSunday(year)
      expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(0)
      expect(date.slice(5) >= '03-22' && date.slice(5) <= '04-25').toBe(true)
    }))
  })

  it('rejects years outside the Gregorian range and fractional years', () => {
    expect(() => easterSunday(1582)).toThrow(RangeError)
    expect(() => easterSunday(10_000)).toThrow(RangeError)
    expect(() => easterSunday(2026.5)).toThrow(RangeError)
  })
})

describe('publicHolidays', () => {
  it('lists the 2026 holidays of North Rhine-Westphalia with their German names, sorted', () => {
    expect(publicHolidays(2026, 'NW')).toEqual([
      { date: '2026-01-01', name: 'Neujahr' },
      { date: '2026-04-03', name: 'Karfreitag' },
      { date: '2026-04-06', name: 'Ostermontag' },
      { date: '2026-05-01', name: 'Tag der Arbeit' },
      { date: '2026-05-14', name: 'Christi Himmelfahrt' },
      { date: '2026-05-25', name: 'Pfingstmontag' },
      { date: '2026-06-04', name: 'Fronleichnam' },
      { date: '2026-10-03', name: 'Tag der Deutschen Einheit' },
      { date: '2026-11-01', name: 'Allerheiligen' },
      { date: '2026-12-25', name: '1. Weihnachtstag' },
      { date: '2026-12-26', name: '2. Weihnachtstag' },
    ])
  })

  it('has the official number of statewide holidays per state in 2026', () => {
    // Bavaria is officially 13 with Mariä Himmelfahrt, which holds only in Catholic communities and is left out here.
    // Brandenburg's 12 include Ostersonntag and Pfingstsonntag, which its holiday law names.
    const expected: Record<FederalState, number> = {
      BW: 12, BY: 12, BE: 10, BB: 12, HB: 10, HH: 10, HE: 10, MV: 11,
      NI: 10, NW: 11, RP: 11, SL: 12, SN: 11, ST: 11, SH: 10, TH: 11,
    }
    for (const state of FEDERAL_STATES) expect(publicHolidays(2026, state), state).toHaveLength(expected[state])
  })

  it('includes the nine nationwide holidays everywhere, and every list is sorted and within the year', () => {
    fc.assert(fc.property(fc.integer({ min: 1995, max: 2200 }), fc.constantFrom(...FEDERAL_STATES), (year, state) => {
      const holidays = publicHolidays(year, state)
      const names = holidays.map((h) => h.name)
      for (const name of ['Neujahr', 'Karfreitag', 'Ostermontag', 'Tag der Arbeit', 'Christi Himmelfahrt', 'Pfingstmontag',
        'Tag der Deutschen Einheit', '1. Weihnachtstag', '2. Weihnachtstag']) expect(names).toContain(name)
      const dates = holidays.map((h) => h.date)
      expect(dates).toEqual([...dates].sort())
      for (const date of dates) expect(date.startsWith(`${year}-`)).toBe(true)
    }))
  })

  it('has Buß- und Bettag on 2026-11-18 in Saxony only', () => {
    expect(statesWith('2026-11-18', 'Buß- und Bettag')).toEqual(['SN'])
  })

  it('puts Buß- und Bettag on the Wednesday before 23 November', () => {
    const dates = [2024, 2025, 2026, 2027, 2028].map((year) => publicHolidays(year, 'SN').find((h) => h.name === 'Buß- und Bettag')?.date)
    expect(dates).toEqual(['2024-11-20', '2025-11-19', '2026-11-18', '2027-11-17', '2028-11-22'])
  })

  it('has Reformationstag 2026 in Lower Saxony but not in North Rhine-Westphalia', () => {
    expect(holidayOn('2026-10-31', 'NI')).toBe('Reformationstag')
    expect(holidayOn('2026-10-31', 'NW')).toBeUndefined()
    expect(statesWith('2026-10-31', 'Reformationstag')).toEqual(['BB', 'HB', 'HH', 'MV', 'NI', 'SN', 'ST', 'SH', 'TH'])
  })

  it('has Fronleichnam on 2026-06-04 in North Rhine-Westphalia and the other Catholic-law states', () => {
    expect(holidayOn('2026-06-04', 'NW')).toBe('Fronleichnam')
    expect(statesWith('2026-06-04', 'Fronleichnam')).toEqual(['BW', 'BY', 'HE', 'NW', 'RP', 'SL'])
  })

  it('places the state holidays in the right states', () => {
    expect(statesWith('2026-01-06', 'Heilige Drei Könige')).toEqual(['BW', 'BY', 'ST'])
    expect(statesWith('2026-03-08', 'Internationaler Frauentag')).toEqual(['BE', 'MV'])
    expect(statesWith('2026-08-15', 'Mariä Himmelfahrt')).toEqual(['SL'])
    expect(statesWith('2026-09-20', 'Weltkindertag')).toEqual(['TH'])
    expect(statesWith('2026-11-01', 'Allerheiligen')).toEqual(['BW', 'BY', 'NW', 'RP', 'SL'])
    expect(statesWith('2026-04-05', 'Ostersonntag')).toEqual(['BB'])
    expect(statesWith('2026-05-24', 'Pfingstsonntag')).toEqual(['BB'])
  })

  it('follows the dated changes', () => {
    expect(statesWith('2017-10-31', 'Reformationstag')).toEqual([...FEDERAL_STATES]) // 500 years of the Reformation
    expect(holidayOn('2016-10-31', 'NI')).toBeUndefined()
    expect(holidayOn('2016-10-31', 'SN')).toBe('Reformationstag')
    expect(statesWith('2018-10-31', 'Reformationstag')).toEqual(['BB', 'HB', 'HH', 'MV', 'NI', 'SN', 'ST', 'SH', 'TH'])
    expect(holidayOn('2018-03-08', 'BE')).toBeUndefined()
    expect(holidayOn('2019-03-08', 'BE')).toBe('Internationaler Frauentag')
    expect(holidayOn('2022-03-08', 'MV')).toBeUndefined()
    expect(holidayOn('2023-03-08', 'MV')).toBe('Internationaler Frauentag')
    expect(holidayOn('2018-09-20', 'TH')).toBeUndefined()
    expect(holidayOn('2019-09-20', 'TH')).toBe('Weltkindertag')
    expect(statesWith('2025-05-08', 'Tag der Befreiung')).toEqual(['BE'])
    expect(statesWith('2020-05-08', 'Tag der Befreiung')).toEqual(['BE'])
    expect(holidayOn('2026-05-08', 'BE')).toBeUndefined()
  })

  it('lists two holidays on one date (Christi Himmelfahrt on 1 May 2008)', () => {
    expect(publicHolidays(2008, 'HH').filter((h) => h.date === '2008-05-01').map((h) => h.name)).toEqual(['Tag der Arbeit', 'Christi Himmelfahrt'])
  })

  it('rejects an unknown state', () => {
    expect(() => publicHolidays(2026, 'XX' as FederalState)).toThrow(/state must be a federal state code/)
  })
})

describe('isBusinessDay', () => {
  it('is Monday to Friday without the state holidays', () => {
    expect(isBusinessDay('2026-06-03', 'NW')).toBe(true) // Wednesday
    expect(isBusinessDay('2026-06-06', 'NW')).toBe(false) // Saturday
    expect(isBusinessDay('2026-06-07', 'NW')).toBe(false) // Sunday
    expect(isBusinessDay('2026-06-04', 'NW')).toBe(false) // Fronleichnam
    expect(isBusinessDay('2026-06-04', 'NI')).toBe(true)
    expect(isBusinessDay('2026-11-18', 'SN')).toBe(false) // Buß- und Bettag
    expect(isBusinessDay('2026-11-18', 'BY')).toBe(true)
    expect(isBusinessDay('2027-03-08', 'BE')).toBe(false) // Frauentag on a Monday
    expect(isBusinessDay('2027-03-08', 'HH')).toBe(true)
  })

  it('rejects malformed and impossible dates', () => {
    for (const date of ['2026-02-30', '2026-13-01', '2026-00-10', '2026-2-3', '03.02.2026', '2026-02-03T10:00:00Z', '']) {
      expect(() => isBusinessDay(date, 'NW'), date).toThrow(RangeError)
    }
    expect(isBusinessDay('2024-02-29', 'NW')).toBe(true)
    expect(() => isBusinessDay('2026-02-29', 'NW')).toThrow(/not a calendar date/)
  })
})

describe('addBusinessDays', () => {
  it('skips a weekend', () => {
    expect(addBusinessDays('2026-03-13', 1, 'NW')).toBe('2026-03-16') // Friday → Monday
    expect(addBusinessDays('2026-03-12', 2, 'NW')).toBe('2026-03-16')
    expect(addBusinessDays('2026-03-09', 5, 'NW')).toBe('2026-03-16')
  })

  it('crosses Christmas and New Year from Thursday 2026-12-24', () => {
    for (const state of FEDERAL_STATES) {
      expect(addBusinessDays('2026-12-24', 3, state)).toBe('2026-12-30') // 25 Fri holiday, weekend, 28, 29, 30
      expect(addBusinessDays('2026-12-24', 5, state)).toBe('2027-01-04') // 31, then 1 Jan (Fri) holiday, weekend, 4 Jan
    }
    expect(addBusinessDays('2026-12-24', 7, 'NW')).toBe('2027-01-06')
    expect(addBusinessDays('2026-12-24', 7, 'BY')).toBe('2027-01-07') // Heilige Drei Könige
    expect(addBusinessDays('2026-12-24', 7, 'ST')).toBe('2027-01-07')
  })

  it('skips a state holiday only in that state', () => {
    expect(addBusinessDays('2026-11-17', 1, 'SN')).toBe('2026-11-19')
    expect(addBusinessDays('2026-11-17', 1, 'NW')).toBe('2026-11-18')
    expect(addBusinessDays('2026-06-03', 1, 'NW')).toBe('2026-06-05')
    expect(addBusinessDays('2026-06-03', 1, 'HH')).toBe('2026-06-04')
  })

  it('returns the date itself for 0 days on a business day, else the next business day', () => {
    expect(addBusinessDays('2026-12-24', 0, 'NW')).toBe('2026-12-24')
    expect(addBusinessDays('2026-12-25', 0, 'NW')).toBe('2026-12-28')
    expect(addBusinessDays('2026-12-26', 0, 'NW')).toBe('2026-12-28')
  })

  it('counts from the next business day when the start is not one', () => {
    expect(addBusinessDays('2026-12-26', 1, 'NW')).toBe('2026-12-29') // Saturday: deemed Monday 28, + 1
    expect(addBusinessDays('2026-03-14', 1, 'NW')).toBe('2026-03-17')
  })

  it('rejects negative or fractional day counts', () => {
    expect(() => addBusinessDays('2026-03-13', -1, 'NW')).toThrow(RangeError)
    expect(() => addBusinessDays('2026-03-13', 1.5, 'NW')).toThrow(RangeError)
    expect(() => addBusinessDays('2026-03-13', Number.NaN, 'NW')).toThrow(RangeError)
  })
})

describe('previousBusinessDay', () => {
  it('returns the date itself on a business day, else the closest earlier one', () => {
    expect(previousBusinessDay('2026-12-23', 'NW')).toBe('2026-12-23')
    expect(previousBusinessDay('2027-01-03', 'NW')).toBe('2026-12-31') // Sunday; 1 Jan is a holiday
    expect(previousBusinessDay('2026-12-27', 'BY')).toBe('2026-12-24')
    expect(previousBusinessDay('2027-01-06', 'BY')).toBe('2027-01-05')
    expect(previousBusinessDay('2027-01-06', 'NW')).toBe('2027-01-06')
    expect(previousBusinessDay('2026-04-06', 'HE')).toBe('2026-04-02') // Ostermontag, Easter weekend, Karfreitag
  })
})

describe('addCalendarDays', () => {
  it('adds and subtracts calendar days across months, leap days and DST changes', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addCalendarDays('2024-02-28', 2)).toBe('2024-03-01')
    expect(addCalendarDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addCalendarDays('2026-03-28', 1)).toBe('2026-03-29')
    expect(addCalendarDays('2026-03-29', 1)).toBe('2026-03-30')
    expect(addCalendarDays('2026-10-25', 1)).toBe('2026-10-26')
    expect(addCalendarDays('2026-06-15', 0)).toBe('2026-06-15')
    expect(addCalendarDays('2026-01-01', 365)).toBe('2027-01-01')
  })

  it('rejects fractional days and results outside the supported years', () => {
    expect(() => addCalendarDays('2026-01-01', 0.5)).toThrow(RangeError)
    expect(() => addCalendarDays('9999-12-31', 1)).toThrow(RangeError)
    expect(() => addCalendarDays('2026-01-01', Number.MAX_SAFE_INTEGER)).toThrow(RangeError)
  })
})

describe('business days: properties', () => {
  const dateArb = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10))
  const stateArb = fc.constantFrom(...FEDERAL_STATES)
  const daysArb = fc.integer({ min: 0, max: 400 })

  /** The dates strictly between two dates. */
  const between = (from: string, to: string) => {
    const dates: string[] = []
    for (let d = addCalendarDays(from, 1); d < to; d = addCalendarDays(d, 1)) dates.push(d)
    return dates
  }

  it('always lands on a business day', () => {
    fc.assert(fc.property(dateArb, daysArb, stateArb, (date, days, state) => {
      expect(isBusinessDay(addBusinessDays(date, days, state), state)).toBe(true)
    }))
  })

  it('grows strictly with the day count, skipping only non-business days', () => {
    fc.assert(fc.property(dateArb, daysArb, stateArb, (date, n, state) => {
      const a = addBusinessDays(date, n, state)
      const b = addBusinessDays(date, n + 1, state)
      expect(b > a).toBe(true)
      for (const d of between(a, b)) expect(isBusinessDay(d, state), d).toBe(false)
    }))
  })

  it('adds up: (d + a) + b = d + (a + b)', () => {
    fc.assert(fc.property(dateArb, daysArb, daysArb, stateArb, (date, a, b, state) => {
      expect(addBusinessDays(addBusinessDays(date, a, state), b, state)).toBe(addBusinessDays(date, a + b, state))
    }))
  })

  it('rolls forward and backward to the nearest business day, and only off non-business days', () => {
    fc.assert(fc.property(dateArb, stateArb, (date, state) => {
      const next = addBusinessDays(date, 0, state)
      const previous = previousBusinessDay(date, state)
      expect(next >= date && previous <= date).toBe(true)
      expect(isBusinessDay(previous, state)).toBe(true)
      expect(next === date).toBe(isBusinessDay(date, state))
      expect(previous === date).toBe(isBusinessDay(date, state))
      for (const d of [...between(previous, date), ...between(date, next)]) expect(isBusinessDay(d, state), d).toBe(false)
    }))
  })

  it('undoes calendar days', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: -20_000, max: 20_000 }), (date, days) => {
      expect(addCalendarDays(addCalendarDays(date, days), -days)).toBe(date)
    }))
  })
})
