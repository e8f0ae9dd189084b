// Contract terms and cancel-by dates: month ends, leap years, several tacit renewals, and the laws
// that hold for every date (property tests).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addCalendarDays } from '../../shared/platform/calendar/german-holidays'
import {
  addMonths, cancelBy, effectiveEnd, nextTerm, noticeEnds, noticeLongerThanTerm, renewalReminderDates, rollTerms, termEnd, type NoticePeriod,
} from '../../shared/modules/contracts/contract.dates'

const months = (value: number): NoticePeriod => ({ value, unit: 'months' })

describe('termEnd (§ 188 BGB)', () => {
  it.each([
    ['2026-01-01', 12, '2026-12-31'],
    ['2026-01-31', 1, '2026-02-28'], // 31 January plus one month: no 31 February, the month's last day
    ['2028-01-31', 1, '2028-02-29'], // the same in a leap year
    ['2026-01-30', 1, '2026-02-28'],
    ['2026-01-29', 1, '2026-02-28'], // 29 February does not exist in 2026
    ['2028-01-29', 1, '2028-02-28'], // it does in 2028: the day before it
    ['2026-02-01', 1, '2026-02-28'],
    ['2028-02-29', 12, '2029-02-28'], // started on a leap day
    ['2028-02-29', 48, '2032-02-28'], // four years later there is a 29 February again: the day before
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-11-15', 24, '2028-11-14'],
  ])('%s plus %i months ends on %s', (start, n, end) => {
    expect(termEnd(start, n)).toBe(end)
  })
})

describe('cancelBy (Kündigungstermin)', () => {
  it.each([
    ['2026-12-31', months(3), '2026-09-30'], // "3 Monate zum Jahresende"
    ['2027-02-28', months(3), '2026-11-30'],
    ['2027-02-28', months(1), '2027-01-31'], // received 31 January, the month ends on 28 February: in time
    ['2028-02-29', months(1), '2028-01-31'],
    ['2026-03-30', months(1), '2026-02-28'], // 28 Feb + 1 month = 28 Mar; 1 Mar + 1 month = 1 Apr is too late
    ['2026-06-30', months(6), '2025-12-31'],
    ['2026-12-31', { value: 6, unit: 'weeks' } as NoticePeriod, '2026-11-19'],
    ['2026-12-31', { value: 30, unit: 'days' } as NoticePeriod, '2026-12-01'],
    ['2026-12-31', months(0), '2026-12-31'],
  ])('a term ending %s with %o can be cancelled until %s', (end, notice, expected) => {
    expect(cancelBy(end, notice)).toBe(expected)
  })

  it('is never moved to a business day (§ 193 BGB does not apply to notice periods)', () => {
    // 31 Oct 2027 + 2 months = 31 Dec 2027; the cancel-by date 31 Oct 2027 is a Sunday and stays one.
    expect(cancelBy('2027-12-31', months(2))).toBe('2027-10-31')
  })
})

describe('tacit renewals', () => {
  it('runs on term after term from the day after the previous end', () => {
    const terms = rollTerms({ termStart: '2024-02-29', end: '2025-02-28', renewalMonths: 12, notice: months(3) }, '2028-03-01')
    expect(terms.map((t) => [t.start, t.end, t.cancelBy])).toEqual([
      // 30 Nov + 3 months has no 30 Feb: the notice ends on 28 (29) February, in time.
      ['2024-02-29', '2025-02-28', '2024-11-30'],
      ['2025-03-01', '2026-02-28', '2025-11-30'],
      ['2026-03-01', '2027-02-28', '2026-11-30'],
      ['2027-03-01', '2028-02-29', '2027-11-30'], // leap year: the term ends on 29 February
      ['2028-03-01', '2029-02-28', '2028-11-30'],
    ])
  })

  it('monthly renewals from 31 January keep to the month ends', () => {
    const terms = rollTerms({ termStart: '2026-01-31', end: '2026-02-28', renewalMonths: 1, notice: { value: 2, unit: 'weeks' } }, '2026-05-15')
    expect(terms.map((t) => t.end)).toEqual(['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31'])
    expect(terms.at(-1)!.cancelBy).toBe('2026-05-17')
  })

  it('a contract without tacit renewal keeps its last term', () => {
    expect(rollTerms({ termStart: '2025-01-01', end: '2025-12-31', renewalMonths: 0, notice: months(3) }, '2027-01-01')).toHaveLength(1)
  })

  it('a notice received too late ends the contract a term later', () => {
    const c = { termStart: '2026-01-01', end: '2026-12-31', renewalMonths: 12, notice: months(3) }
    expect(effectiveEnd(c, '2026-09-30')).toBe('2026-12-31')
    expect(effectiveEnd(c, '2026-10-01')).toBe('2027-12-31')
    expect(effectiveEnd({ ...c, renewalMonths: 0 }, '2026-10-01')).toBe('2026-12-31')
  })

  it('knows when a notice period does not fit into the term', () => {
    expect(noticeLongerThanTerm('2026-01-01', '2026-03-31', months(3))).toBe(false) // as long as the term: cancel before it starts
    expect(noticeLongerThanTerm('2026-01-01', '2026-03-31', months(4))).toBe(true)
    expect(noticeLongerThanTerm('2026-01-01', '2026-12-31', { value: 53, unit: 'weeks' })).toBe(true)
  })
})

describe('renewal reminders', () => {
  it('review 90 days before the cancel-by date, the final one 14 days before', () => {
    expect(renewalReminderDates('2027-09-30', '2027-01-01', 90)).toEqual({ review: '2027-07-02', final: '2027-09-16' })
  })
  it('a review already past is due today; nothing once the cancel-by date is past', () => {
    expect(renewalReminderDates('2027-09-30', '2027-08-01', 90)).toEqual({ review: '2027-08-01', final: '2027-09-16' })
    expect(renewalReminderDates('2027-09-30', '2027-09-20', 90)).toEqual({ review: '2027-09-20', final: null })
    expect(renewalReminderDates('2027-09-30', '2027-10-01', 90)).toEqual({ review: null, final: null })
  })
  it('moves reminders by the given workday rule', () => {
    const friday = (d: string) => (d === '2027-07-03' ? '2027-07-02' : d)
    expect(renewalReminderDates('2027-10-01', '2027-01-01', 90, friday).review).toBe('2027-07-02')
  })
})

// Dates from 1990 to 2100, term lengths and notices as contracts have them.
const day = fc.integer({ min: 0, max: 40_000 }).map((n) => addCalendarDays('1990-01-01', n))
const term = fc.integer({ min: 1, max: 120 })
const notice = fc.oneof(
  fc.integer({ min: 1, max: 24 }).map(months),
  fc.integer({ min: 1, max: 26 }).map((value): NoticePeriod => ({ value, unit: 'weeks' })),
  fc.integer({ min: 1, max: 365 }).map((value): NoticePeriod => ({ value, unit: 'days' })),
)

describe('laws of the dates', () => {
  it('a term of n months ends after n×28 − 1 and before n×31 days, and n + m months is n then m', () => {
    fc.assert(fc.property(day, term, term, (start, n, m) => {
      const end = termEnd(start, n)
      const days = (Date.parse(end) - Date.parse(start)) / 86_400_000
      expect(days).toBeGreaterThanOrEqual(n * 28 - 1)
      expect(days).toBeLessThan(n * 31)
      expect(addMonths(addMonths(start, n), -n) <= start).toBe(true)
      // A term always ends on the day before the next one starts on the corresponding day — or a month end.
      const next = addCalendarDays(end, 1)
      expect(next.slice(8) === start.slice(8) || end.slice(8) >= '28').toBe(true)
      void m
    }))
  })

  it('the cancel-by date is the last day a notice is in time', () => {
    fc.assert(fc.property(day, notice, (end, n) => {
      const last = cancelBy(end, n)
      expect(last < end).toBe(true)
      expect(noticeEnds(last, n) <= end).toBe(true)
      expect(noticeEnds(addCalendarDays(last, 1), n) > end).toBe(true)
    }))
  })

  it('tacit renewals are gap-free, each term as long as the renewal, each cancel-by inside its term', () => {
    fc.assert(fc.property(day, fc.integer({ min: 1, max: 36 }), fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 3000 }), (start, renewal, noticeMonths, later) => {
      const first = termEnd(start, renewal)
      const terms = rollTerms({ termStart: start, end: first, renewalMonths: renewal, notice: months(Math.min(noticeMonths, renewal)) }, addCalendarDays(first, later))
      for (let i = 1; i < terms.length; i++) {
        expect(terms[i]!.start).toBe(addCalendarDays(terms[i - 1]!.end, 1))
        expect(terms[i]).toEqual(nextTerm(terms[i - 1]!.end, renewal, months(Math.min(noticeMonths, renewal))))
        expect(terms[i]!.cancelBy >= addCalendarDays(terms[i]!.start, -1)).toBe(true)
      }
      expect(terms.at(-1)!.end >= addCalendarDays(first, later)).toBe(true)
    }))
  })
})
