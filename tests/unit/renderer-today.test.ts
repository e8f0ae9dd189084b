// "Today" in the renderer is the calendar day in Germany on the app's clock (renderer/src/lib/today.ts).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { addDays, berlinDate, setAppNow, todayIso } from '../../renderer/src/lib/today'

describe('berlinDate', () => {
  it.each([
    // Winter time (UTC+1): German midnight is 23:00 UTC.
    ['2027-03-01T22:59:59Z', '2027-03-01'],
    ['2027-03-01T23:00:00Z', '2027-03-02'],
    ['2027-03-01T23:30:00Z', '2027-03-02'],
    ['2027-03-02T00:30:00Z', '2027-03-02'],
    // Switch to summer time on Sunday 28 March 2027 at 01:00 UTC (02:00 → 03:00 in Germany).
    ['2027-03-27T22:59:00Z', '2027-03-27'],
    ['2027-03-27T23:00:00Z', '2027-03-28'],
    ['2027-03-28T00:59:00Z', '2027-03-28'],
    ['2027-03-28T01:00:00Z', '2027-03-28'],
    ['2027-03-28T21:59:00Z', '2027-03-28'],
    ['2027-03-28T22:00:00Z', '2027-03-29'], // summer time (UTC+2): midnight is 22:00 UTC
    // Back to winter time on Sunday 31 October 2027 at 01:00 UTC (03:00 → 02:00 in Germany).
    ['2027-10-30T21:59:00Z', '2027-10-30'],
    ['2027-10-30T22:00:00Z', '2027-10-31'],
    ['2027-10-31T00:30:00Z', '2027-10-31'],
    ['2027-10-31T01:30:00Z', '2027-10-31'],
    ['2027-10-31T22:59:00Z', '2027-10-31'],
    ['2027-10-31T23:00:00Z', '2027-11-01'],
    // New Year's Eve: the year follows Germany, too.
    ['2026-12-31T23:30:00Z', '2027-01-01'],
  ])('%s is %s in Germany', (instant, day) => {
    expect(berlinDate(new Date(instant))).toBe(day)
  })
})

describe('todayIso', () => {
  afterEach(() => {
    vi.useRealTimers()
    setAppNow(new Date().toISOString())
  })

  it('follows the app clock (app.info.now), not the computer’s, and gives Germany’s day', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2030-06-15T12:00:00Z'))
    setAppNow('2027-03-01T23:30:00Z')
    expect(todayIso()).toBe('2027-03-02')
    setAppNow('2027-03-02T00:30:00Z')
    expect(todayIso()).toBe('2027-03-02')
    setAppNow('2027-10-31T22:30:00Z')
    expect(todayIso()).toBe('2027-10-31')
  })

  it('ignores an app clock that is not a date', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2027-03-01T23:30:00Z'))
    setAppNow('2027-03-01T23:30:00Z')
    setAppNow('not a date')
    expect(todayIso()).toBe('2027-03-02')
  })
})

describe('addDays', () => {
  it('counts calendar days across the time changes', () => {
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28')
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29')
    expect(addDays('2027-10-30', 2)).toBe('2027-11-01')
    expect(addDays('2027-02-28', 30)).toBe('2027-03-30')
  })
})
