// The holidays that count when a customer's state is not known: the library's country calendar, which must give exactly
// the days every federal state keeps (business-days.ts once intersected all sixteen states' lists, ~250 ms a year).
import { describe, expect, it } from 'vitest'
import { FEDERAL_STATES } from '../../shared/modules/customers/customer.enums'
import { nationwideHolidays, publicHolidays } from '../../shared/platform/calendar/german-holidays'

describe('nationwideHolidays', () => {
  it('are exactly the days every state keeps, in the years of the dated changes and around them', () => {
    for (const year of [1995, 2008, 2016, 2017, 2018, 2019, 2020, 2023, 2025, 2026, 2028, 2031, 2040]) {
      const everywhere = new Set(FEDERAL_STATES.map((state) => new Set(publicHolidays(year, state).map((h) => h.date)))
        .reduce((all, days) => new Set([...all].filter((d) => days.has(d)))))
      expect(new Set(nationwideHolidays(year).map((h) => h.date)), String(year)).toEqual(everywhere)
    }
  })

  it('hold the nine federal days, and Reformationstag in 2017 only', () => {
    expect(nationwideHolidays(2026).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2026-01-01 Neujahr', '2026-04-03 Karfreitag', '2026-04-06 Ostermontag', '2026-05-01 Tag der Arbeit', '2026-05-14 Christi Himmelfahrt',
      '2026-05-25 Pfingstmontag', '2026-10-03 Tag der Deutschen Einheit', '2026-12-25 1. Weihnachtstag', '2026-12-26 2. Weihnachtstag',
    ])
    expect(nationwideHolidays(2017).map((h) => h.date)).toContain('2017-10-31')
    expect(nationwideHolidays(2018).map((h) => h.date)).not.toContain('2018-10-31')
  })
})
