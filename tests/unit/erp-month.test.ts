// ERP months: what the import reads as a month, and the month arithmetic the company page uses.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addMonths, monthRange, parseErpMonth } from '../../shared/modules/erp'

describe('parseErpMonth', () => {
  it.each([
    ['2026-11', '2026-11'], ['2026-1', '2026-01'], ['11/2026', '2026-11'], ['1/2026', '2026-01'], ['11.2026', '2026-11'],
    ['Nov 2026', '2026-11'], ['nov. 2026', '2026-11'], ['November 2026', '2026-11'], ['Okt 2026', '2026-10'], ['Oct 2026', '2026-10'],
    ['Mär 2026', '2026-03'], ['Mrz 2026', '2026-03'], ['März 2026', '2026-03'], ['Dez 2025', '2025-12'], ['Mai-2026', '2026-05'],
    ['01.11.2026', '2026-11'], [' 2026-11 ', '2026-11'],
  ])('reads %s as %s', (text, month) => expect(parseErpMonth(text)).toBe(month))

  it.each(['', '13/2026', '0/2026', '2026-13', '11/26', 'Nov', 'Movember 2026', '2026', '32.11.2026', '11/1900', 'K-1001'])('refuses %s', (text) => {
    expect(parseErpMonth(text)).toBeNull()
  })

  it('reads back every month it writes, in each notation', () => {
    fc.assert(fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, m) => {
      const month = `${year}-${String(m).padStart(2, '0')}`
      expect(parseErpMonth(month)).toBe(month)
      expect(parseErpMonth(`${m}/${year}`)).toBe(month)
      expect(parseErpMonth(`${String(m).padStart(2, '0')}.${year}`)).toBe(month)
    }))
  })
})

describe('month arithmetic', () => {
  it('counts months across years', () => {
    expect(addMonths('2026-11', -23)).toBe('2024-12')
    expect(addMonths('2026-12', 1)).toBe('2027-01')
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
  })

  it('adding and taking away the same number of months is no change', () => {
    fc.assert(fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -600, max: 600 }), (year, m, n) => {
      const month = `${year}-${String(m).padStart(2, '0')}`
      expect(addMonths(addMonths(month, n), -n)).toBe(month)
      expect(addMonths(month, n)).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/)
    }))
  })
})
