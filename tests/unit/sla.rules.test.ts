// Service levels skip weekends and the public holidays of the customer's state; NPS arithmetic.
import { describe, expect, it } from 'vitest'
import { acknowledgeDue, berlinDay, netPromoterScore, resolveDue, underWarranty } from '../../shared/modules/service/sla.rules'

describe('acknowledge due (service hours 08:00–17:00 on business days, German local time)', () => {
  it('counts hours on the same business day', () => {
    // Tue 24 Nov 2026, 10:00 Berlin (09:00 UTC) + 4 h = 14:00 Berlin.
    expect(acknowledgeDue('2026-11-24T09:00:00.000Z', 4, 'NI')).toBe('2026-11-24T13:00:00.000Z')
  })
  it('carries the rest over the weekend: Friday 16:00 + 4 h is Monday 11:00', () => {
    expect(acknowledgeDue('2026-11-27T15:00:00.000Z', 4, 'NI')).toBe('2026-11-30T10:00:00.000Z')
  })
  it('a case received in the evening or on Sunday starts at 08:00 of the next business day', () => {
    expect(acknowledgeDue('2026-11-27T19:00:00.000Z', 8, 'NI')).toBe('2026-11-30T15:00:00.000Z')
    expect(acknowledgeDue('2026-11-29T10:00:00.000Z', 2, 'BY')).toBe('2026-11-30T09:00:00.000Z')
    expect(acknowledgeDue('2026-11-24T05:00:00.000Z', 1, 'BY')).toBe('2026-11-24T08:00:00.000Z')
  })
  it('skips the public holidays of the state: Epiphany in Bavaria, not in Lower Saxony', () => {
    expect(acknowledgeDue('2027-01-05T19:00:00.000Z', 8, 'BY')).toBe('2027-01-07T15:00:00.000Z')
    expect(acknowledgeDue('2027-01-05T19:00:00.000Z', 8, 'NI')).toBe('2027-01-06T15:00:00.000Z')
  })
  it('works across the change to summer time', () => {
    // Fri 27 Mar 2026 16:00 CET + 24 h: 1 h on Friday, 9 on Monday, 9 on Tuesday, 5 on Wednesday → 13:00 CEST.
    expect(acknowledgeDue('2026-03-27T15:00:00.000Z', 24, 'NI')).toBe('2026-04-01T11:00:00.000Z')
  })
  it('over Easter: received on Good Friday, the clock starts on Tuesday', () => {
    // Good Friday 26 Mar and Easter Monday 29 Mar 2027 are holidays everywhere: Tue 9 h, Wed 9 h, Thu 6 h → 14:00 CEST.
    expect(acknowledgeDue('2027-03-26T15:00:00.000Z', 24, '')).toBe('2027-04-01T12:00:00.000Z')
  })
})

describe('resolve due (business days)', () => {
  it('skips weekends and holidays of the state', () => {
    expect(resolveDue('2026-11-27T09:00:00.000Z', 1, 'NI')).toBe('2026-11-30') // Friday + 1 = Monday
    expect(resolveDue('2026-12-23T09:00:00.000Z', 2, 'NI')).toBe('2026-12-28') // 24th counts, 25th and 26th are holidays (26th a Saturday), 27th Sunday
    expect(resolveDue('2027-01-05T09:00:00.000Z', 1, 'BY')).toBe('2027-01-07')
    expect(resolveDue('2027-01-05T09:00:00.000Z', 1, 'NI')).toBe('2027-01-06')
  })
  it('counts German days: 00:30 on Monday in Berlin is still Sunday in UTC', () => {
    expect(berlinDay('2026-11-29T23:30:00.000Z')).toBe('2026-11-30')
    expect(resolveDue('2026-11-29T23:30:00.000Z', 1, 'NI')).toBe('2026-12-01')
  })
  it('without a state, the holidays every state has', () => {
    expect(resolveDue('2026-12-24T09:00:00.000Z', 1, '')).toBe('2026-12-28')
  })
})

describe('warranty and NPS', () => {
  it('a claim on the last day of the warranty is covered, the day after is not', () => {
    expect(underWarranty('2027-03-31', '2027-03-31')).toBe(true)
    expect(underWarranty('2027-03-31', '2027-04-01')).toBe(false)
    expect(underWarranty(null, '2027-01-01')).toBe(false)
  })
  it('NPS is promoters minus detractors in percent', () => {
    expect(netPromoterScore([10, 9, 8, 7, 6, 0])).toEqual({ nps: 0, promoters: 2, passives: 2, detractors: 2 })
    expect(netPromoterScore([10, 10, 10, 5])).toMatchObject({ nps: 50 })
    expect(netPromoterScore([])).toMatchObject({ nps: null })
  })
})
