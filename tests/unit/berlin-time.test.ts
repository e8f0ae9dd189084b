// "Today" is the calendar day in Germany, never the UTC date: around midnight and the summer-time switches.
import { describe, expect, it } from 'vitest'
import { berlinDay, berlinToday } from '../../shared/platform/berlin-time'

describe('berlinDay', () => {
  it.each([
    ['2027-03-01T22:30:00.000Z', '2027-03-01'], // 23:30 CET
    ['2027-03-01T23:30:00.000Z', '2027-03-02'], // 00:30 CET: UTC still says 1 March
    ['2027-03-02T00:30:00.000Z', '2027-03-02'],
    ['2027-03-27T22:59:59.000Z', '2027-03-27'], // last second before midnight CET
    ['2027-03-27T23:00:00.000Z', '2027-03-28'], // midnight, the night summer time begins
    ['2027-03-28T00:59:59.000Z', '2027-03-28'], // 01:59:59 CET, then the clocks jump to 03:00 CEST
    ['2027-03-28T21:59:59.000Z', '2027-03-28'], // 23:59:59 CEST
    ['2027-03-28T22:00:00.000Z', '2027-03-29'], // midnight CEST is 22:00 UTC
    ['2027-10-30T21:30:00.000Z', '2027-10-30'], // 23:30 CEST
    ['2027-10-30T22:30:00.000Z', '2027-10-31'], // 00:30 CEST, the night summer time ends
    ['2027-10-31T00:30:00.000Z', '2027-10-31'], // 02:30 CEST, then 02:00 CET again
    ['2027-10-31T22:30:00.000Z', '2027-10-31'], // 23:30 CET
    ['2027-10-31T23:00:00.000Z', '2027-11-01'], // midnight CET
  ])('%s is %s in Germany', (instant, day) => {
    expect(berlinDay(instant)).toBe(day)
    expect(berlinToday(() => new Date(instant))).toBe(day)
  })
})
