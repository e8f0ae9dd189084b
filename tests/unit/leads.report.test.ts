// The response-time target and the median of the lead report (issue 19).
import { describe, expect, it } from 'vitest'
import { arrivalsDueBy, firstContactDue, firstContactDueDay, funnelRow, leadReportSchema, median, sumFunnel } from '../../shared/modules/leads'

describe('firstContactDue (1 German business day)', () => {
  it('is the end of the next business day, German time', () => {
    expect(firstContactDue('2026-11-02T08:00:00.000Z')).toBe('2026-11-03T23:00:00.000Z') // Mon → end of Tue (winter time)
    expect(firstContactDue('2026-11-06T15:00:00.000Z')).toBe('2026-11-09T23:00:00.000Z') // Fri 16:00 → end of Mon
    expect(firstContactDue('2026-06-10T08:00:00.000Z')).toBe('2026-06-11T22:00:00.000Z') // summer time
  })
  it('counts from the next business day when the lead arrives on a weekend or a holiday, and skips holidays', () => {
    expect(firstContactDue('2026-11-07T10:00:00.000Z')).toBe('2026-11-10T23:00:00.000Z') // Sat → Mon → end of Tue
    expect(firstContactDue('2026-12-23T10:00:00.000Z')).toBe('2026-12-24T23:00:00.000Z') // 24 Dec is a business day
    expect(firstContactDue('2026-12-24T10:00:00.000Z')).toBe('2026-12-28T23:00:00.000Z') // 25/26 Dec, weekend
    expect(firstContactDue('2026-10-31T23:30:00.000Z')).toBe('2026-11-03T23:00:00.000Z') // Sun 1 Nov 00:30 in Germany → Mon → Tue
  })
  it('takes another number of business days', () => {
    expect(firstContactDue('2026-11-02T08:00:00.000Z', 3)).toBe('2026-11-05T23:00:00.000Z')
  })
})

describe('lead report figures', () => {
  it('median of odd and even counts, none for none', () => {
    expect(median([30, 2, 10])).toBe(10)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNull()
  })
  it('rates are null without a base', () => {
    const empty = funnelRow(sumFunnel([], 'webinar'))
    expect(empty).toMatchObject({ leads: 0, conversionRate: null, orderRate: null })
  })
  it('refuses a backwards period', () => {
    expect(leadReportSchema.safeParse({ from: '2026-12-01', to: '2026-11-01' }).error?.issues[0]?.message).toBe('errors.leadReportRange')
    expect(leadReportSchema.safeParse({ from: '2026-11-01', to: '2026-11-01' }).success).toBe(true)
  })
})

describe('due days and the arrivals due by a day', () => {
  it('names the due day', () => {
    expect(firstContactDueDay('2026-11-06T15:00:00.000Z')).toBe('2026-11-09')
    expect(firstContactDueDay('2026-11-07T10:00:00.000Z')).toBe('2026-11-10')
  })
  it('arrivals before arrivalsDueBy(day) are exactly those due on that day or earlier', () => {
    // Every hour of two months around Christmas: the boundary agrees with the due day of each arrival.
    for (const day of ['2026-11-09', '2026-11-10', '2026-12-24', '2026-12-28', '2026-12-29']) {
      const cutoff = arrivalsDueBy(day)
      for (let at = Date.parse('2026-11-01T00:00:00Z'); at < Date.parse('2027-01-05T00:00:00Z'); at += 3_600_000) {
        const iso = new Date(at).toISOString()
        expect(iso < cutoff, `${iso} due by ${day}`).toBe(firstContactDueDay(iso) <= day)
      }
    }
    expect(arrivalsDueBy('2026-11-10')).toBe('2026-11-09T23:00:00.000Z') // Sat–Mon arrivals are due Tue 10
    expect(arrivalsDueBy('2026-11-09')).toBe('2026-11-06T23:00:00.000Z') // Friday's arrivals are due Mon 9
  })
})
