// What a German user types into number and date fields, read the way they mean it — whatever the
// browser's locale (the app's language decides).
import { describe, expect, it } from 'vitest'
import { formatDecimalInput, parseDecimalInput, parseMoneyInput } from '../../shared/platform/money'
import { formatDateInput, formatDateTimeInput, parseDateInput, parseDateTimeInput } from '../../shared/platform/date-input'

describe('quantities, percentages and counts', () => {
  it.each([
    ['1.234,56', 2, 1234.56],
    ['1234,56', 2, 1234.56],
    ['1234', 0, 1234],
    ['1.250', 3, 1250], // ambiguous: a German user means thousands
    ['2,5', 3, 2.5],
    ['7,5', 2, 7.5],
    ['0,125', 3, 0.125],
    [' 19 ', 0, 19],
  ])('reads %s (at most %i decimals) as %d in German', (text, decimals, value) => {
    expect(parseDecimalInput(text, 'de', decimals)).toBe(value)
  })

  it.each([['7,5', 0], ['1,2345', 3], ['abc', 2], ['', 2], ['1.2.3', 2], ['1,2,3', 2]])('refuses %s with %i decimals', (text, decimals) => {
    expect(parseDecimalInput(text, 'de', decimals)).toBeNull()
  })

  it('reads English input with the English separators', () => {
    expect(parseDecimalInput('1,250', 'en', 3)).toBe(1250)
    expect(parseDecimalInput('2.5', 'en', 3)).toBe(2.5)
  })

  it('shows a read number back grouped, so what was read is plain', () => {
    expect(formatDecimalInput(1250, 'de')).toBe('1.250')
    expect(formatDecimalInput(2.5, 'de')).toBe('2,5')
    expect(formatDecimalInput(125050 / 100, 'de', { minDecimals: 2, maxDecimals: 2 })).toBe('1.250,50')
    expect(formatDecimalInput(1250, 'en')).toBe('1,250')
  })

  it('keeps money exact: 1250,50 is 125.050 cents, 72.500,00 is 7.250.000 cents', () => {
    expect(parseMoneyInput('1250,50', 'de')).toBe(125050)
    expect(parseMoneyInput('72.500,00', 'de')).toBe(7250000)
  })
})

describe('dates typed as TT.MM.JJJJ', () => {
  it.each([
    ['01.12.2026', '2026-12-01'],
    ['1.12.2026', '2026-12-01'],
    ['1.12.26', '2026-12-01'],
    ['29.02.2028', '2028-02-29'],
    ['01/12/2026', '2026-12-01'],
    ['2026-12-01', '2026-12-01'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDateInput(text)).toBe(iso)
  })

  it('reads a two-digit year as the nearest one at most 20 years ahead', () => {
    expect(parseDateInput('01.01.98', 2026)).toBe('1998-01-01')
    expect(parseDateInput('01.01.46', 2026)).toBe('2046-01-01')
    expect(parseDateInput('01.01.47', 2026)).toBe('1947-01-01')
    expect(parseDateInput('01.01.05', 2090)).toBe('2105-01-01')
  })

  it.each(['31.02.2026', '29.02.2027', '12/31/2026', '2026-13-01', '1.1', 'morgen', ''])('refuses %s', (text) => {
    expect(parseDateInput(text)).toBeNull()
  })

  it('shows an ISO day in the UI language, day first', () => {
    expect(formatDateInput('2026-12-01', 'de')).toBe('01.12.2026')
    expect(formatDateInput('2026-12-01', 'en')).toBe('01/12/2026')
  })
})

describe('date and time typed as TT.MM.JJJJ HH:MM', () => {
  it.each([
    ['19.11.2026 14:30', '2026-11-19T14:30'],
    ['19.11.26, 9:05', '2026-11-19T09:05'],
    ['19.11.2026 14.30 Uhr', '2026-11-19T14:30'],
    ['2026-11-19T14:30', '2026-11-19T14:30'],
  ])('reads %s as %s', (text, local) => {
    expect(parseDateTimeInput(text)).toBe(local)
  })

  it.each(['19.11.2026', '19.11.2026 24:00', '31.11.2026 10:00', '14:30', '11/19/2026 2:30 PM'])('refuses %s', (text) => {
    expect(parseDateTimeInput(text)).toBeNull()
  })

  it('shows a local date-time in the UI language', () => {
    expect(formatDateTimeInput('2026-11-19T14:30', 'de')).toBe('19.11.2026 14:30')
    expect(formatDateTimeInput('2026-11-19T14:30', 'en')).toBe('19/11/2026 14:30')
  })
})
